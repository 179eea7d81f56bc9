package com.engagementledger.support;

import com.engagementledger.support.security.AuthorizationRules;
import com.engagementledger.support.testapp.Http;
import com.engagementledger.support.testapp.SupportTestApplication;
import com.engagementledger.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

import static com.engagementledger.testsupport.ProblemAssert.assertThatProblem;

/**
 * A service's own role rule comes before the shared ones: here only an AUDITOR may archive a thing (the test
 * service then answers 409), where the shared rules would let a LEAD through and refuse the AUDITOR.
 */
@SpringBootTest(classes = {SupportTestApplication.class, AuthorizationRulesTest.AuditorsArchive.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizationRulesTest {
    @LocalServerPort
    int port;

    @TestConfiguration
    static class AuditorsArchive {
        @Bean
        AuthorizationRules auditorsArchive() {
            return rules -> rules.requestMatchers(HttpMethod.POST, "/things/*/archive").hasRole("AUDITOR");
        }
    }

    @Test
    void a_services_rule_is_asked_before_the_shared_ones() {
        Http http = new Http(port);
        assertThatProblem(http.post("/things/t1/archive", TestTokens.auditor("auditor-olga"), "application/json", ""))
                .hasStatus(409).hasRule("thing.already-archived");
        assertThatProblem(http.post("/things/t1/archive", TestTokens.lead("lead-anna"), "application/json", ""))
                .hasStatus(403).hasRule("auth.role.forbidden");
    }
}
