package com.engagementledger.notification.rules;

import com.engagementledger.notification.alerts.AlertSeverity;
import com.engagementledger.notification.alerts.Alerts;
import com.engagementledger.notification.schedule.Deadlines;
import org.springframework.stereotype.Component;

/**
 * {@value RuleNames#WEEK8_REVIEW_OVERDUE}, subject {@value Week8Review#SUBJECT}.
 * <ul>
 * <li>reacts to: EngagementOpened, GovernanceReviewHeld (WEEK_8_GOVERNANCE)</li>
 * <li>keeps: nothing but its deadline</li>
 * <li>raises (CRITICAL): once week 9 has ended, {@code week8-review.overdue-after} (63 days) after the start,
 * without the review</li>
 * <li>resolves: when the review is held</li>
 * </ul>
 */
@Component
class Week8ReviewOverdue extends Week8Review {
    Week8ReviewOverdue(RulesProperties props, Engagements engagements, Deadlines deadlines, Alerts alerts) {
        super(new Raise(RuleNames.WEEK8_REVIEW_OVERDUE, props.week8Review().overdueAfter(), AlertSeverity.CRITICAL,
                "The week-8 governance review is overdue: week 9 has ended without it"), engagements, deadlines,
                alerts);
    }
}
