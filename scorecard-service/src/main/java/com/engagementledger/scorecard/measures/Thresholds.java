package com.engagementledger.scorecard.measures;

import com.engagementledger.scorecard.measures.Rag.Band;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The client-configurable limits of the five factors ({@code ledger.scorecard.thresholds.*}).
 * "Lower is better" bands are GREEN under {@code green}; "higher is better" bands are GREEN at or above it.
 */
@ConfigurationProperties("ledger.scorecard.thresholds")
public record Thresholds(
        @DefaultValue({"28", "42"}) Band timeToFirstDeliveryDays,
        @DefaultValue({"7", "14"}) Band cycleTimeMedianDays,
        @DefaultValue({"0.8", "0.5"}) Band onboardingContributing,
        @DefaultValue({"0.9", "0.75"}) Band retention,
        @DefaultValue({"4.0", "3.0"}) Band knowledgeTransferScore,
        @DefaultValue({"0.1", "0.25"}) Band defectLeakage,
        @DefaultValue({"0.1", "0.2"}) Band reworkRate,
        @DefaultValue({"0.9", "0.7"}) Band ownershipCoverage,
        @DefaultValue({"0.9", "0.7"}) Band reviewCadence,
        @DefaultValue({"1.0", "0.5"}) Band decisionsPerWeek) {

    public static Thresholds defaults() {
        return new Thresholds(new Band(28, 42), new Band(7, 14), new Band(0.8, 0.5), new Band(0.9, 0.75),
                new Band(4.0, 3.0), new Band(0.1, 0.25), new Band(0.1, 0.2), new Band(0.9, 0.7), new Band(0.9, 0.7),
                new Band(1.0, 0.5));
    }
}
