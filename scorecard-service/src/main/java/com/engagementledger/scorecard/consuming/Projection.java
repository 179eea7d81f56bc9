package com.engagementledger.scorecard.consuming;

import com.engagementledger.contract.DecisionEvents.DecisionAccepted;
import com.engagementledger.contract.DeliveryEvents.DefectFound;
import com.engagementledger.contract.DeliveryEvents.ReleasePlanned;
import com.engagementledger.contract.DeliveryEvents.ReleaseShipped;
import com.engagementledger.contract.DeliveryEvents.SatisfactionRated;
import com.engagementledger.contract.DeliveryEvents.WorkItemDelivered;
import com.engagementledger.contract.DeliveryEvents.WorkItemReopened;
import com.engagementledger.contract.DeliveryEvents.WorkItemStarted;
import com.engagementledger.contract.EngagementEvents.EngagementClosed;
import com.engagementledger.contract.EngagementEvents.EngagementOpened;
import com.engagementledger.contract.EngagementEvents.EngagementPaused;
import com.engagementledger.contract.EngagementEvents.EngagementResumed;
import com.engagementledger.contract.EngagementEvents.GovernanceReviewHeld;
import com.engagementledger.contract.EngagementEvents.OwnershipAssigned;
import com.engagementledger.contract.EngagementEvents.OwnershipReassigned;
import com.engagementledger.contract.EngagementEvents.OwnershipRevoked;
import com.engagementledger.contract.IncidentEvents.IncidentAcknowledged;
import com.engagementledger.contract.IncidentEvents.IncidentOpened;
import com.engagementledger.contract.IncidentEvents.IncidentResolved;
import com.engagementledger.contract.LedgerEvent;
import com.engagementledger.contract.OnboardingEvents.EngineerJoined;
import com.engagementledger.contract.OnboardingEvents.EngineerLeft;
import com.engagementledger.contract.OnboardingEvents.KnowledgeTransferAssessed;
import com.engagementledger.contract.OnboardingEvents.OnboardingMilestoneReached;
import com.engagementledger.contract.OnboardingEvents.OnboardingPhaseAdvanced;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * Writes the facts of one event into one generation of the read model. Every statement is an idempotent upsert
 * or keyed insert whose result does not depend on the order events arrive in: during a rebuild, the live consumer
 * may apply a new event to the generation being built before the rebuild reaches older ones.
 * Must run inside the caller's transaction, together with the processed-event record.
 */
@Component
public class Projection {
    private final JdbcClient jdbc;
    private final Clock clock;

    public Projection(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return false when this generation already processed the event (a redelivery or a replay). */
    public boolean apply(int generation, LedgerMessage m) {
        int inserted = jdbc.sql("""
                        INSERT INTO processed_event (generation, event_id, engagement_id, type, recorded_at, actor,
                                                     actor_side, aggregate_sequence, global_position)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(generation, m.eventId(), m.engagementId(), m.type(), ts(m.recordedAt()), m.actor(),
                        m.actorSide(), m.aggregateSequence(), m.globalPosition())
                .update();
        if (inserted == 0) {
            return false;
        }
        write(generation, m);
        return true;
    }

    private void write(int g, LedgerMessage m) {
        String id = m.eventId();
        String e = m.engagementId();
        LedgerEvent ev = m.event();
        if (ev == null) {
            return;
        } else if (ev instanceof EngagementOpened o) {
            jdbc.sql("""
                            INSERT INTO engagement (generation, engagement_id, name, client_name, partner_name, model,
                                                    start_date, opened_event_id)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (generation, engagement_id) DO UPDATE SET name = excluded.name,
                              client_name = excluded.client_name, partner_name = excluded.partner_name,
                              model = excluded.model, start_date = excluded.start_date,
                              opened_event_id = excluded.opened_event_id""")
                    .params(g, e, o.name(), o.clientName(), o.partnerName(), name(o.model()), o.startDate(), id)
                    .update();
        } else if (ev instanceof EngagementPaused p) {
            status(g, e, "PAUSED", m);
        } else if (ev instanceof EngagementResumed r) {
            status(g, e, "ACTIVE", m);
        } else if (ev instanceof EngagementClosed c) {
            status(g, e, "CLOSED", m);
        } else if (ev instanceof WorkItemStarted s) {
            jdbc.sql("""
                            INSERT INTO work_item (generation, engagement_id, work_item_id, started_at, started_event_id)
                            VALUES (?, ?, ?, ?, ?)
                            ON CONFLICT (generation, engagement_id, work_item_id) DO UPDATE SET
                              started_at = excluded.started_at, started_event_id = excluded.started_event_id""")
                    .params(g, e, s.workItemId(), ts(s.startedAt()), id).update();
        } else if (ev instanceof WorkItemDelivered d) {
            // Cycle time is measured to the first delivery; a later delivery after a reopen is rework, not a new cycle.
            jdbc.sql("""
                            INSERT INTO work_item (generation, engagement_id, work_item_id, started_at, delivered_at,
                                                   delivered_event_id)
                            VALUES (?, ?, ?, ?, ?, ?)
                            ON CONFLICT (generation, engagement_id, work_item_id) DO UPDATE SET
                              started_at = COALESCE(work_item.started_at, excluded.started_at),
                              delivered_event_id = CASE WHEN work_item.delivered_at IS NULL
                                  OR excluded.delivered_at < work_item.delivered_at
                                  THEN excluded.delivered_event_id ELSE work_item.delivered_event_id END,
                              delivered_at = LEAST(work_item.delivered_at, excluded.delivered_at)""")
                    .params(g, e, d.workItemId(), ts(d.startedAt()), ts(d.deliveredAt()), id).update();
        } else if (ev instanceof WorkItemReopened r) {
            jdbc.sql("""
                            INSERT INTO work_item_reopen (generation, event_id, engagement_id, work_item_id,
                                                          delivered_at, reopened_at)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(g, id, e, r.workItemId(), ts(r.deliveredAt()), ts(r.reopenedAt())).update();
        } else if (ev instanceof ReleasePlanned p) {
            jdbc.sql("""
                            INSERT INTO release (generation, engagement_id, release_id, name, planned_for,
                                                 planned_event_id)
                            VALUES (?, ?, ?, ?, ?, ?)
                            ON CONFLICT (generation, engagement_id, release_id) DO UPDATE SET
                              name = COALESCE(release.name, excluded.name),
                              planned_for = CASE WHEN release.shipped_on IS NULL THEN excluded.planned_for
                                                 ELSE release.planned_for END,
                              planned_event_id = excluded.planned_event_id""")
                    .params(g, e, p.releaseId(), p.name(), p.plannedFor(), id).update();
        } else if (ev instanceof ReleaseShipped s) {
            // The shipped event carries the planned date it was judged against: it is authoritative.
            jdbc.sql("""
                            INSERT INTO release (generation, engagement_id, release_id, name, planned_for, shipped_on,
                                                 shipped_event_id)
                            VALUES (?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (generation, engagement_id, release_id) DO UPDATE SET
                              name = excluded.name, planned_for = excluded.planned_for,
                              shipped_on = excluded.shipped_on, shipped_event_id = excluded.shipped_event_id""")
                    .params(g, e, s.releaseId(), s.name(), s.plannedFor(), s.shippedOn(), id).update();
        } else if (ev instanceof DefectFound d) {
            jdbc.sql("""
                            INSERT INTO defect (generation, engagement_id, defect_id, stage, severity, found_at, event_id)
                            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(g, e, d.defectId(), name(d.stage()), name(d.severity()), ts(d.foundAt()), id).update();
        } else if (ev instanceof IncidentOpened o) {
            jdbc.sql("""
                            INSERT INTO incident (generation, engagement_id, incident_id, severity, detected_at,
                                                  opened_event_id)
                            VALUES (?, ?, ?, ?, ?, ?)
                            ON CONFLICT (generation, engagement_id, incident_id) DO UPDATE SET
                              severity = excluded.severity, detected_at = excluded.detected_at,
                              opened_event_id = excluded.opened_event_id""")
                    .params(g, e, o.incidentId(), name(o.severity()), ts(o.detectedAt()), id).update();
        } else if (ev instanceof IncidentAcknowledged a) {
            jdbc.sql("""
                            INSERT INTO incident (generation, engagement_id, incident_id, severity, acknowledged_at,
                                                  acknowledged_event_id)
                            VALUES (?, ?, ?, ?, ?, ?)
                            ON CONFLICT (generation, engagement_id, incident_id) DO UPDATE SET
                              severity = COALESCE(incident.severity, excluded.severity),
                              acknowledged_at = excluded.acknowledged_at,
                              acknowledged_event_id = excluded.acknowledged_event_id""")
                    .params(g, e, a.incidentId(), name(a.severity()), ts(a.acknowledgedAt()), id).update();
        } else if (ev instanceof IncidentResolved r) {
            jdbc.sql("""
                            INSERT INTO incident (generation, engagement_id, incident_id, severity, detected_at,
                                                  resolved_at, resolved_event_id)
                            VALUES (?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (generation, engagement_id, incident_id) DO UPDATE SET
                              severity = COALESCE(incident.severity, excluded.severity),
                              detected_at = COALESCE(incident.detected_at, excluded.detected_at),
                              resolved_at = excluded.resolved_at, resolved_event_id = excluded.resolved_event_id""")
                    .params(g, e, r.incidentId(), name(r.severity()), ts(r.detectedAt()), ts(r.resolvedAt()), id)
                    .update();
        } else if (ev instanceof SatisfactionRated s) {
            jdbc.sql("""
                            INSERT INTO rating (generation, engagement_id, rating_id, rating, rated_on, event_id)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(g, e, s.ratingId(), s.rating(), s.ratedOn(), id).update();
        } else if (ev instanceof EngineerJoined j) {
            jdbc.sql("""
                            INSERT INTO engineer (generation, engagement_id, engineer_id, name, joined_on, joined_event_id)
                            VALUES (?, ?, ?, ?, ?, ?)
                            ON CONFLICT (generation, engagement_id, engineer_id) DO UPDATE SET
                              name = excluded.name, joined_on = excluded.joined_on,
                              joined_event_id = excluded.joined_event_id""")
                    .params(g, e, j.engineerId(), j.name(), j.joinedOn(), id).update();
        } else if (ev instanceof OnboardingPhaseAdvanced p) {
            jdbc.sql("""
                            INSERT INTO engineer (generation, engagement_id, engineer_id, phase_rank, phase_event_id)
                            VALUES (?, ?, ?, ?, ?)
                            ON CONFLICT (generation, engagement_id, engineer_id) DO UPDATE SET
                              phase_event_id = CASE WHEN excluded.phase_rank > engineer.phase_rank
                                  THEN excluded.phase_event_id ELSE engineer.phase_event_id END,
                              phase_rank = GREATEST(engineer.phase_rank, excluded.phase_rank)""")
                    .params(g, e, p.engineerId(), p.toPhase() == null ? 0 : p.toPhase().ordinal(), id).update();
        } else if (ev instanceof OnboardingMilestoneReached r) {
            jdbc.sql("""
                            INSERT INTO milestone (generation, event_id, engagement_id, engineer_id, milestone, reached_on)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(g, id, e, r.engineerId(), name(r.milestone()), r.reachedOn()).update();
        } else if (ev instanceof KnowledgeTransferAssessed k) {
            jdbc.sql("""
                            INSERT INTO knowledge_transfer (generation, event_id, engagement_id, engineer_id, score,
                                                            assessed_on)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(g, id, e, k.engineerId(), k.score(), k.assessedOn()).update();
        } else if (ev instanceof EngineerLeft l) {
            jdbc.sql("""
                            INSERT INTO engineer (generation, engagement_id, engineer_id, joined_on, left_on, left_event_id)
                            VALUES (?, ?, ?, ?, ?, ?)
                            ON CONFLICT (generation, engagement_id, engineer_id) DO UPDATE SET
                              joined_on = COALESCE(engineer.joined_on, excluded.joined_on),
                              left_on = excluded.left_on, left_event_id = excluded.left_event_id""")
                    .params(g, e, l.engineerId(), l.joinedOn(), l.leftOn(), id).update();
        } else if (ev instanceof GovernanceReviewHeld r) {
            jdbc.sql("""
                            INSERT INTO review (generation, engagement_id, review_id, kind, held_on, event_id)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(g, e, r.reviewId(), name(r.kind()), r.heldOn(), id).update();
        } else if (ev instanceof OwnershipAssigned a) {
            ownership(g, m, name(a.area()), a.ownerId());
        } else if (ev instanceof OwnershipReassigned r) {
            ownership(g, m, name(r.area()), r.ownerId());
        } else if (ev instanceof OwnershipRevoked r) {
            ownership(g, m, name(r.area()), null);
        } else if (ev instanceof DecisionAccepted a) {
            // Decisions carry no business time: the moment the ledger recorded the acceptance is the time.
            jdbc.sql("""
                            INSERT INTO decision (generation, engagement_id, decision_id, accepted_at, event_id)
                            VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(g, e, a.decisionId(), ts(recordedAt(m)), id).update();
        }
        // any other type is recorded as processed (for evidence and de-duplication) but is not a scorecard fact
    }

    private void status(int g, String engagementId, String status, LedgerMessage m) {
        jdbc.sql("""
                        INSERT INTO engagement (generation, engagement_id, status, status_sequence)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (generation, engagement_id) DO UPDATE SET status = excluded.status,
                          status_sequence = excluded.status_sequence
                        WHERE engagement.status_sequence < excluded.status_sequence""")
                .params(g, engagementId, status, order(m)).update();
    }

    private void ownership(int g, LedgerMessage m, String area, String ownerId) {
        jdbc.sql("""
                        INSERT INTO ownership_change (generation, event_id, engagement_id, area, owner_id, sequence,
                                                      recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(g, m.eventId(), m.engagementId(), area, ownerId, order(m), ts(recordedAt(m))).update();
    }

    /** The engagement aggregate's sequence orders its events; the global position is the fallback. */
    private static long order(LedgerMessage m) {
        return m.aggregateSequence() >= 0 ? m.aggregateSequence() : m.globalPosition();
    }

    private Instant recordedAt(LedgerMessage m) {
        return m.recordedAt() != null ? m.recordedAt() : clock.instant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
