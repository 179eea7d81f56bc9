package com.engagementledger.support.testapp;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shaped like the services' sub-resource controllers: the engagement in the class-level path is checked by the
 * EngagementAccessInterceptor, so the method does not bind it.
 */
@RestController
@RequestMapping("/engagements/{engagementId}/widgets")
class WidgetsController {

    @PostMapping("/{widgetId}/approval")
    ResponseEntity<Void> approve(@PathVariable String widgetId) {
        return ResponseEntity.accepted().build();
    }
}
