package com.engagementledger.scorecard.measures;

import com.engagementledger.contract.Enums.OwnershipArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static com.engagementledger.scorecard.measures.Facts.engagement;
import static com.engagementledger.scorecard.measures.Facts.upTo;
import static com.engagementledger.scorecard.measures.MeasureAssertions.assertReading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Ownership coverage: areas of the ownership matrix with an owner / all 12 areas, as of the day. */
class OwnershipCoverageTest {

    private static Facts everyAreaOwned() {
        Facts facts = engagement();
        long sequence = 1;
        for (OwnershipArea area : OwnershipArea.values()) {
            facts.ownership("o" + sequence, area.name(), "owner-" + sequence, sequence++, "2026-01-05T09:00");
        }
        return facts;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("no owner anywhere: 0 of 12 is undefined work, not missing data",
                        engagement(), upTo("2026-03-27"), "{owned=0, areas=12, ratio=0.0}", "[]"),
                // 3 / 12 = 0.25
                arguments("each owned area counts once",
                        engagement().ownership("o1", "PRIORITIES", "lead-1", 1, "2026-01-05T09:00")
                                .ownership("o2", "ON_CALL", "dev-1", 2, "2026-01-05T09:00")
                                .ownership("o3", "MONITORING", "dev-2", 3, "2026-01-05T09:00"),
                        upTo("2026-03-27"), "{owned=3, areas=12, ratio=0.25}", "[o1, o2, o3]"),
                // 1 / 12 = 0.08333 → 0.0833
                arguments("a reassigned area is still owned, by its latest owner",
                        engagement().ownership("o1", "DEPLOY_PIPELINE", "dev-1", 1, "2026-01-05T09:00")
                                .ownership("o2", "DEPLOY_PIPELINE", "dev-2", 2, "2026-02-03T10:00"),
                        upTo("2026-03-27"), "{owned=1, areas=12, ratio=0.0833}", "[o2]"),
                arguments("a revoked area has no owner",
                        engagement().ownership("o1", "MONITORING", "dev-1", 1, "2026-01-05T09:00")
                                .ownership("o2", "MONITORING", null, 2, "2026-02-20T10:00"),
                        upTo("2026-03-27"), "{owned=0, areas=12, ratio=0.0}", "[o2]"),
                // the revocation (sequence 2) arrived before the assignment (sequence 1): it is still the latest
                arguments("the latest change is the engagement's order, not the order of arrival",
                        engagement().ownership("o2", "MONITORING", null, 2, "2026-01-05T09:00")
                                .ownership("o1", "MONITORING", "dev-1", 1, "2026-01-05T09:00"),
                        upTo("2026-03-27"), "{owned=0, areas=12, ratio=0.0}", "[o2]"),
                arguments("a change recorded after the day is not seen yet",
                        engagement().ownership("o1", "PRIORITIES", "lead-1", 1, "2026-03-28T09:00"),
                        upTo("2026-03-27"), "{owned=0, areas=12, ratio=0.0}", "[]"),
                arguments("every area owned: full coverage",
                        everyAreaOwned(), upTo("2026-03-27"), "{owned=12, areas=12, ratio=1.0}",
                        "[o1, o2, o3, o4, o5, o6, o7, o8, o9, o10, o11, o12]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ownership_coverage(String rule, Facts facts, Window window, String values, String evidence) {
        assertReading(new OwnershipCoverage(), facts, window, values, evidence);
    }

    @Test
    void the_matrix_has_the_areas_of_the_published_language() {
        assertThat(OwnershipCoverage.AREAS).isEqualTo(OwnershipArea.values().length);
    }
}
