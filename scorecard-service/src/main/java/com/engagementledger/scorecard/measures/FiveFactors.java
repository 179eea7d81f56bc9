package com.engagementledger.scorecard.measures;

import com.engagementledger.scorecard.measures.Scorecard.Factor;

import java.util.EnumMap;
import java.util.Map;

/**
 * The five-factor lens over the measures' current values: each factor is the worst colour of its inputs, by the
 * client's thresholds; an input without data does not colour its factor.
 */
final class FiveFactors {
    private FiveFactors() {
    }

    /** @param now the current reading of every measure, by measure name */
    static Map<Factor, Rag> colours(Map<String, Reading> now, Thresholds t) {
        Map<Factor, Rag> factors = new EnumMap<>(Factor.class);
        factors.put(Factor.SPEED, Rag.worst(
                Rag.lowerIsBetter(TimeToFirstDelivery.daysOrDaysSinceStart(now.get(TimeToFirstDelivery.NAME)),
                        t.timeToFirstDeliveryDays()),
                Rag.lowerIsBetter(now.get(CycleTime.NAME).number(CycleTime.MEDIAN_DAYS), t.cycleTimeMedianDays())));
        factors.put(Factor.CAPABILITY, Rag.worst(
                Rag.higherIsBetter(now.get(Onboarding.NAME).number(Onboarding.RATIO), t.onboardingContributing())));
        factors.put(Factor.STABILITY, Rag.worst(
                Rag.higherIsBetter(now.get(Retention.NAME).number(Retention.RATIO), t.retention()),
                Rag.higherIsBetter(now.get(KnowledgeTransfer.NAME).number(KnowledgeTransfer.MEAN),
                        t.knowledgeTransferScore())));
        factors.put(Factor.QUALITY, Rag.worst(
                Rag.lowerIsBetter(now.get(DefectLeakage.NAME).number(DefectLeakage.RATIO), t.defectLeakage()),
                Rag.lowerIsBetter(now.get(ReworkRate.NAME).number(ReworkRate.RATIO), t.reworkRate())));
        factors.put(Factor.CONTROL, Rag.worst(
                Rag.higherIsBetter(now.get(OwnershipCoverage.NAME).number(OwnershipCoverage.RATIO),
                        t.ownershipCoverage()),
                Rag.higherIsBetter(now.get(GovernanceCadence.NAME).number(GovernanceCadence.ON_TIME_RATIO),
                        t.reviewCadence()),
                Rag.higherIsBetter(now.get(GovernanceCadence.NAME).number(GovernanceCadence.DECISIONS_PER_WEEK),
                        t.decisionsPerWeek())));
        return factors;
    }
}
