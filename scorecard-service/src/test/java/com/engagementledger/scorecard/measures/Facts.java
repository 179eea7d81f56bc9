package com.engagementledger.scorecard.measures;

import com.engagementledger.scorecard.measures.EngagementFacts.Decision;
import com.engagementledger.scorecard.measures.EngagementFacts.Defect;
import com.engagementledger.scorecard.measures.EngagementFacts.Engagement;
import com.engagementledger.scorecard.measures.EngagementFacts.Engineer;
import com.engagementledger.scorecard.measures.EngagementFacts.Incident;
import com.engagementledger.scorecard.measures.EngagementFacts.KnowledgeTransferAssessment;
import com.engagementledger.scorecard.measures.EngagementFacts.Milestone;
import com.engagementledger.scorecard.measures.EngagementFacts.OwnershipChange;
import com.engagementledger.scorecard.measures.EngagementFacts.Rating;
import com.engagementledger.scorecard.measures.EngagementFacts.Release;
import com.engagementledger.scorecard.measures.EngagementFacts.Reopen;
import com.engagementledger.scorecard.measures.EngagementFacts.Review;
import com.engagementledger.scorecard.measures.EngagementFacts.WorkItem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an engagement's facts for the measure tests, with event ids that say what they are: a work item "a" is
 * started by event "a.started" and delivered by "a.delivered"; a fact of one event (a defect, a rating...) has the
 * event's id as its own. Days are ISO dates, times are UTC ("2026-01-06T09:00", seconds optional).
 */
final class Facts {
    /** Monday 2026-01-05, the first day of ISO week 2026-W02. */
    static final LocalDate START = LocalDate.of(2026, 1, 5);

    private final LocalDate start;
    private final List<WorkItem> workItems = new ArrayList<>();
    private final List<Reopen> reopens = new ArrayList<>();
    private final List<Release> releases = new ArrayList<>();
    private final List<Defect> defects = new ArrayList<>();
    private final List<Incident> incidents = new ArrayList<>();
    private final List<Rating> ratings = new ArrayList<>();
    private final List<Engineer> engineers = new ArrayList<>();
    private final List<KnowledgeTransferAssessment> assessments = new ArrayList<>();
    private final List<Milestone> milestones = new ArrayList<>();
    private final List<Review> reviews = new ArrayList<>();
    private final List<OwnershipChange> ownership = new ArrayList<>();
    private final List<Decision> decisions = new ArrayList<>();

    private Facts(LocalDate start) {
        this.start = start;
    }

    /** An engagement that started on {@link #START}. */
    static Facts engagement() {
        return new Facts(START);
    }

    /** An engagement with the given start date (null: not known yet). */
    static Facts engagementStarting(String startDate) {
        return new Facts(startDate == null ? null : LocalDate.parse(startDate));
    }

    /** Everything up to today: the scorecard's "current" window, for an engagement that started on START. */
    static Window upTo(String today) {
        return Window.upTo(LocalDate.parse(today), START);
    }

    static Window rollingFourWeeks(String today) {
        return Window.rollingFourWeeks(LocalDate.parse(today), START);
    }

    /** The ISO week starting on the given Monday, cut at today. */
    static Window week(String monday, String today) {
        return Window.week(LocalDate.parse(monday), LocalDate.parse(today));
    }

    /** startedAt or deliveredAt null: that event was not seen. */
    Facts workItem(String id, String startedAt, String deliveredAt) {
        workItems.add(new WorkItem(new WorkItemId(id), instant(startedAt), instant(deliveredAt),
                startedAt == null ? null : event(id + ".started"),
                deliveredAt == null ? null : event(id + ".delivered")));
        return this;
    }

    /** A reopening that does not name the delivery it refers to: the item's first delivery counts. */
    Facts reopen(String eventId, String workItem, String reopenedAt) {
        return reopen(eventId, workItem, null, reopenedAt);
    }

    Facts reopen(String eventId, String workItem, String deliveredAt, String reopenedAt) {
        reopens.add(new Reopen(event(eventId), new WorkItemId(workItem), instant(deliveredAt), instant(reopenedAt)));
        return this;
    }

    /** shippedOn null: planned, not shipped. */
    Facts release(String id, String plannedFor, String shippedOn) {
        releases.add(new Release(id, id, day(plannedFor), day(shippedOn), plannedFor == null ? null
                : event(id + ".planned"), shippedOn == null ? null : event(id + ".shipped")));
        return this;
    }

    /** stage: PRODUCTION or BEFORE_RELEASE. */
    Facts defect(String eventId, String stage, String foundAt) {
        defects.add(new Defect(eventId, stage, "SEV3", instant(foundAt), event(eventId)));
        return this;
    }

    /** acknowledgedAt, resolvedAt null: not (yet). */
    Facts incident(String id, String severity, String detectedAt, String acknowledgedAt, String resolvedAt) {
        incidents.add(new Incident(id, severity, instant(detectedAt), instant(acknowledgedAt), instant(resolvedAt),
                event(id + ".opened"), acknowledgedAt == null ? null : event(id + ".acknowledged"),
                resolvedAt == null ? null : event(id + ".resolved")));
        return this;
    }

    Facts rating(String eventId, int rating, String ratedOn) {
        ratings.add(new Rating(eventId, rating, day(ratedOn), event(eventId)));
        return this;
    }

    /** phaseRank 0 OBSERVATION, 1 CONTRIBUTION, 2 ACCOUNTABLE_OWNERSHIP; leftOn null: still on the engagement. */
    Facts engineer(String id, String joinedOn, String leftOn, int phaseRank) {
        engineers.add(new Engineer(new EngineerId(id), id, day(joinedOn), day(leftOn), phaseRank,
                event(id + ".joined"), leftOn == null ? null : event(id + ".left"),
                phaseRank == 0 ? null : event(id + ".phase")));
        return this;
    }

    Facts assessment(String eventId, String engineer, int score, String assessedOn) {
        assessments.add(new KnowledgeTransferAssessment(event(eventId), new EngineerId(engineer), score,
                day(assessedOn)));
        return this;
    }

    Facts milestone(String eventId, String engineer, String milestone, String reachedOn) {
        milestones.add(new Milestone(event(eventId), new EngineerId(engineer), milestone, day(reachedOn)));
        return this;
    }

    /** kind: WEEKLY_METRICS, WEEK_8_GOVERNANCE or MONTHLY_STANDARDS. */
    Facts review(String eventId, String kind, String heldOn) {
        reviews.add(new Review(eventId, kind, day(heldOn), event(eventId)));
        return this;
    }

    /** owner null: the area was revoked; sequence: the engagement aggregate's order of the change. */
    Facts ownership(String eventId, String area, String owner, long sequence, String recordedAt) {
        ownership.add(new OwnershipChange(event(eventId), area, owner, sequence, instant(recordedAt)));
        return this;
    }

    Facts decision(String eventId, String acceptedAt) {
        decisions.add(new Decision(eventId, instant(acceptedAt), event(eventId)));
        return this;
    }

    EngagementFacts build() {
        return new EngagementFacts(new Engagement(new EngagementId("engagement-1"), "Payments", "Client", "Partner",
                "DEDICATED_TEAM", start, "ACTIVE", event("opened")), workItems, reopens, releases, defects,
                incidents, ratings, engineers, assessments, milestones, reviews, ownership, decisions);
    }

    private static EventId event(String id) {
        return new EventId(id);
    }

    private static Instant instant(String time) {
        if (time == null) {
            return null;
        }
        return Instant.parse(time + (time.length() == 10 ? "T00:00:00Z" : time.length() == 16 ? ":00Z" : "Z"));
    }

    private static LocalDate day(String date) {
        return date == null ? null : LocalDate.parse(date);
    }
}
