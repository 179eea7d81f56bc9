package com.engagementledger.support.testapp;

import com.engagementledger.contract.Enums.Side;
import com.engagementledger.support.openapi.AlsoAnswers;
import com.engagementledger.support.openapi.NullableValues;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;

/**
 * Shaped like the services' sub-resource controllers: the engagement in the class-level path is checked by the
 * EngagementAccessInterceptor, so the method does not bind it.
 */
@RestController
@RequestMapping("/engagements/{engagementId}/widgets")
class WidgetsController {

    /** A widget, shaped like the services' answers with optional parts. */
    record Widget(String widgetId, @Nullable Side side, @NullableValues Map<String, Map<String, Number>> readings) {
    }

    @PostMapping("/{widgetId}/approval")
    ResponseEntity<Void> approve(@PathVariable String widgetId) {
        return ResponseEntity.accepted().build();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Widget> createWidget() {
        return ResponseEntity.created(URI.create("/widgets/w-1")).body(new Widget("w-1", null, Map.of()));
    }

    @PostMapping("/{widgetId}/renaming")
    Widget rename(@PathVariable String widgetId, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return new Widget(widgetId, null, Map.of());
    }

    @GetMapping("/{widgetId}/owners")
    @NullableValues
    @AlsoAnswers(422)
    Map<String, Widget> owners(@PathVariable String widgetId, @RequestParam(required = false) Integer page) {
        return Map.of();
    }
}
