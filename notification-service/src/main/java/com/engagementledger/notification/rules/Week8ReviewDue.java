package com.engagementledger.notification.rules;

import com.engagementledger.notification.alerts.AlertSeverity;
import com.engagementledger.notification.alerts.Alerts;
import com.engagementledger.notification.schedule.Deadlines;
import org.springframework.stereotype.Component;

/**
 * {@value RuleNames#WEEK8_REVIEW_DUE}, subject {@value Week8Review#SUBJECT}.
 * <ul>
 * <li>reacts to: EngagementOpened, GovernanceReviewHeld (WEEK_8_GOVERNANCE)</li>
 * <li>keeps: nothing but its deadline</li>
 * <li>raises (INFO): in week 7, {@code week8-review.due-after} (42 days) after the start, without the review</li>
 * <li>resolves: when the review is held</li>
 * </ul>
 */
@Component
class Week8ReviewDue extends Week8Review {
    Week8ReviewDue(RulesProperties props, Engagements engagements, Deadlines deadlines, Alerts alerts) {
        super(new Raise(RuleNames.WEEK8_REVIEW_DUE, props.week8Review().dueAfter(), AlertSeverity.INFO,
                "The week-8 governance review is due: the engagement is in week 7"), engagements, deadlines, alerts);
    }
}
