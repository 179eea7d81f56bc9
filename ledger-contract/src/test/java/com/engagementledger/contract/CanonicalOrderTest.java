package com.engagementledger.contract;

import com.engagementledger.contract.EngagementEvents.WorkstreamTransferred;
import com.engagementledger.contract.Enums.TransferCondition;
import com.engagementledger.contract.Enums.WorkType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A set in an event has one order: the declaration order of its enum. However the event is made (by the aggregate,
 * or read back from the store or from Kafka into a HashSet), its JSON lists the elements in that order, so the
 * stored bytes, the published body and every re-serialization agree.
 */
class CanonicalOrderTest {
    private static final String DECLARATION_ORDER = "[\"SPECS_AND_ACCEPTANCE_CRITERIA\",\"REACHABLE_PRODUCT_OWNER\","
            + "\"TEST_STRATEGY_DEFINED_IN_HOUSE\",\"COVERAGE_EXPECTATIONS_DEFINED\",\"ARCHITECTURE_DOCUMENTED\","
            + "\"EDGE_CASE_ESCALATION_PATH\",\"STRONG_INTERNAL_TECHNICAL_LEAD\",\"ROLLBACK_STRATEGY_DOCUMENTED\","
            + "\"API_CONTRACTS_AND_VERSIONING_AGREED\",\"RELEASE_DECISIONS_STAY_IN_HOUSE\"]";

    @Test
    void confirmed_conditions_read_in_any_order_are_written_in_declaration_order() {
        String reversed = "{\"engagementId\":\"e-1\",\"workstreamId\":\"w-1\",\"name\":\"All\","
                + "\"workType\":\"WELL_DEFINED_FEATURE\",\"confirmedConditions\":" + reversedOrder()
                + ",\"specialistSupportOnly\":false}";

        WorkstreamTransferred read = LedgerCloudEvents.fromJson(reversed.getBytes(StandardCharsets.UTF_8),
                WorkstreamTransferred.class);

        assertThat(new String(LedgerCloudEvents.toJson(read), StandardCharsets.UTF_8))
                .contains("\"confirmedConditions\":" + DECLARATION_ORDER);
    }

    @Test
    void confirmed_conditions_given_in_any_order_are_kept_in_declaration_order() {
        List<TransferCondition> reversed = new ArrayList<>(List.of(TransferCondition.values()));
        Collections.reverse(reversed);
        LinkedHashSet<TransferCondition> given = new LinkedHashSet<>(reversed);

        WorkstreamTransferred event = new WorkstreamTransferred("e-1", "w-1", "All", WorkType.WELL_DEFINED_FEATURE,
                given, false);

        assertThat(event.confirmedConditions()).containsExactly(TransferCondition.values());
        assertThat(new String(LedgerCloudEvents.toJson(event), StandardCharsets.UTF_8))
                .contains("\"confirmedConditions\":" + DECLARATION_ORDER);
    }

    @Test
    void no_confirmed_conditions_stay_as_they_were_given() {
        assertThat(new WorkstreamTransferred("e-1", "w-1", "Core", WorkType.CORE_ARCHITECTURE, null, false)
                .confirmedConditions()).isNull();
        assertThat(new WorkstreamTransferred("e-1", "w-1", "Core", WorkType.CORE_ARCHITECTURE,
                new LinkedHashSet<>(), false).confirmedConditions()).isEmpty();
    }

    private static String reversedOrder() {
        List<String> names = new ArrayList<>(java.util.Arrays.stream(TransferCondition.values())
                .map(c -> "\"" + c.name() + "\"").toList());
        Collections.reverse(names);
        return "[" + String.join(",", names) + "]";
    }
}
