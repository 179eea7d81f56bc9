package com.engagementledger.engagement.audit;

import com.engagementledger.engagement.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The refusal log knows every GET of the audit controllers: a new audit endpoint cannot be forgotten there. */
class AuditEndpointsTest extends IntegrationTest {
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void every_get_of_the_audit_controllers_is_an_audit_endpoint_of_the_refusal_log() {
        List<String> checked = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().equals(AuditReads.class.getPackageName())
                    || !info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                return;
            }
            boolean asOf = info.getParamsCondition().getExpressions().stream().anyMatch(e -> e.getName()
                    .equals("asOf"));
            for (String pattern : info.getPatternValues()) {
                PathContainer path = PathContainer.parsePath(pattern.replaceAll("\\{[^}]+}", "x"));
                List<PathPattern> known = asOf ? RefusedAuditReads.AS_OF_PATHS : RefusedAuditReads.AUDIT_PATHS;
                (known.stream().anyMatch(p -> p.matches(path)) ? checked : unknown).add(pattern);
            }
        });
        assertThat(unknown).isEmpty();
        // history, decision history, verify, checkpoints, the log, the public key, five asOf views
        assertThat(checked).hasSize(11);
    }
}
