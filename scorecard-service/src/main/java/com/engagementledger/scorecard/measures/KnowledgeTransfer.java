package com.engagementledger.scorecard.measures;

import com.engagementledger.scorecard.measures.EngagementFacts.KnowledgeTransferAssessment;

import java.util.List;

import static com.engagementledger.scorecard.measures.Stats.round;

/** Knowledge transfer (the stability factor's other input): the mean score of the day-30 assessments. */
final class KnowledgeTransfer extends Measure {
    static final String NAME = "knowledge-transfer";
    static final String MEAN = "mean";

    KnowledgeTransfer() {
        super(NAME, "Mean knowledge-transfer score (1-5) of the assessments made in the period.");
    }

    /** Evidence: every assessment made in the window. */
    @Override
    Reading compute(EngagementFacts facts, Window window) {
        List<KnowledgeTransferAssessment> assessments = facts.knowledgeTransfers().stream()
                .filter(k -> window.contains(k.assessedOn())).toList();
        Reading.Builder reading = Reading.builder();
        assessments.forEach(k -> reading.evidence(k.eventId()));
        return reading.value("assessments", assessments.size())
                .value(MEAN, round(Stats.mean(assessments.stream().map(KnowledgeTransferAssessment::score).toList())))
                .build();
    }
}
