package com.engagementledger.scorecard.consuming;

import com.engagementledger.contract.DecisionEvents.DecisionAcceptedV2;
import com.engagementledger.contract.DeliveryEvents.DefectFound;
import com.engagementledger.contract.DeliveryEvents.ReleasePlanned;
import com.engagementledger.contract.DeliveryEvents.ReleaseShipped;
import com.engagementledger.contract.DeliveryEvents.SatisfactionRated;
import com.engagementledger.contract.DeliveryEvents.WorkItemDelivered;
import com.engagementledger.contract.DeliveryEvents.WorkItemReopened;
import com.engagementledger.contract.DeliveryEvents.WorkItemStarted;
import com.engagementledger.contract.EngagementEvents.EngagementClosedV2;
import com.engagementledger.contract.EngagementEvents.EngagementOpened;
import com.engagementledger.contract.EngagementEvents.EngagementPausedV2;
import com.engagementledger.contract.EngagementEvents.EngagementResumedV2;
import com.engagementledger.contract.EngagementEvents.GovernanceReviewHeld;
import com.engagementledger.contract.EngagementEvents.OwnershipAssignedV2;
import com.engagementledger.contract.EngagementEvents.OwnershipReassignedV2;
import com.engagementledger.contract.EngagementEvents.OwnershipRevokedV2;
import com.engagementledger.contract.IncidentEvents.IncidentAcknowledged;
import com.engagementledger.contract.IncidentEvents.IncidentOpened;
import com.engagementledger.contract.IncidentEvents.IncidentResolved;
import com.engagementledger.contract.LedgerEvent;
import com.engagementledger.contract.OnboardingEvents.EngineerJoined;
import com.engagementledger.contract.OnboardingEvents.EngineerLeft;
import com.engagementledger.contract.OnboardingEvents.KnowledgeTransferAssessed;
import com.engagementledger.contract.OnboardingEvents.OnboardingMilestoneReached;
import com.engagementledger.contract.OnboardingEvents.OnboardingPhaseAdvanced;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the facts of one event into one generation of the read model. Every statement is an idempotent upsert
 * or keyed insert whose result does not depend on the order events arrive in: during a rebuild, the live consumer
 * may apply a new event to the generation being built before the rebuild reaches older ones.
 * Must run inside the caller's transaction, so that facts and processed-event records commit together.
 */
@Component
class Projection {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Projection(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Applies messages to one generation with two round trips per statement kind instead of one per event: first the
     * processed-event rows (their per-row update counts tell which ids are new; a redelivered or replayed id counts
     * 0 and is skipped, also when it repeats inside the same batch), then the facts of the new ones, grouped by
     * statement. Grouping reorders writes within a batch, which is safe because every write is order-independent.
     * The update counts need pgjdbc's default batching (do not enable reWriteBatchedInserts).
     *
     * @return how many of the messages were new to this generation
     */
    public int applyAll(int generation, List<LedgerMessage> messages) {
        if (messages.isEmpty()) {
            return 0;
        }
        List<Object[]> processed = messages.stream().map(m -> new Object[]{generation, m.eventId(), m.engagementId(),
                m.type(), ts(m.recordedAt()), m.actor(), m.actorSide(), m.aggregateSequence(), m.globalPosition()})
                .toList();
        int[] inserted = jdbc.batchUpdate("""
                INSERT INTO processed_event (generation, event_id, engagement_id, type, recorded_at, actor,
                                             actor_side, aggregate_sequence, global_position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", processed);
        Writes out = new Writes();
        int applied = 0;
        for (int i = 0; i < messages.size(); i++) {
            if (inserted[i] != 0) {
                write(generation, messages.get(i), out);
                applied++;
            }
        }
        out.bySql.forEach(jdbc::batchUpdate);
        return applied;
    }

    /** Fact writes collected per statement, in the order each statement first appeared. */
    private static final class Writes {
        private final Map<String, List<Object[]>> bySql = new LinkedHashMap<>();

        void add(String sql, Object... args) {
            bySql.computeIfAbsent(sql, k -> new ArrayList<>()).add(args);
        }
    }

    private void write(int g, LedgerMessage m, Writes out) {
        String id = m.eventId();
        String e = m.engagementId();
        LedgerEvent ev = m.event();
        if (ev == null) {
            return;
        } else if (ev instanceof EngagementOpened o) {
            out.add("""
                            INSERT INTO engagement (generation, engagement_id, name, client_name, partner_name, model,
                                                    start_date, opened_event_id)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (generation, engagement_id) DO UPDATE SET name = excluded.name,
                              client_name = excluded.client_name, partner_name = excluded.partner_name,
                              model = excluded.model, start_date = excluded.start_date,
                              opened_event_id = excluded.opened_event_id""",
                    g, e, o.name(), o.clientName(), o.partnerName(), name(o.model()), o.startDate(), id);
        } else if (ev instanceof EngagementPausedV2 p) {
            status(g, e, "PAUSED", m, out);
        } else if (ev instanceof EngagementResumedV2 r) {
            status(g, e, "ACTIVE", m, out);
        } else if (ev instanceof EngagementClosedV2 c) {
            status(g, e, "CLOSED", m, out);
        } else if (ev instanceof WorkItemStarted s) {
            out.add("""
                            INSERT INTO work_item (generation, engagement_id, work_item_id, started_at, started_event_id)
                            VALUES (?, ?, ?, ?, ?)
                            ON CONFLICT (generation, engagement_id, work_item_id) DO UPDATE SET
                              started_at = excluded.started_at, started_event_id = excluded.started_event_id""",
                    g, e, s.workItemId(), ts(s.startedAt()), id);
        } else if (ev instanceof WorkItemDelivered d) {
            // Cycle time is measured to the first delivery; a later delivery after a reopen is rework, not a new cycle.
            out.add("""
                            INSERT INTO work_item (generation, engagement_id, work_item_id, started_at, delivered_at,
                                                   delivered_event_id)
                            VALUES (?, ?, ?, ?, ?, ?)
                            ON CONFLICT (generation, engagement_id, work_item_id) DO UPDATE SET
                              started_at = COALESCE(work_item.started_at, excluded.started_at),
                              delivered_event_id = CASE WHEN work_item.delivered_at IS NULL
                                  OR excluded.delivered_at < work_item.delivered_at
                                  THEN excluded.delivered_event_id ELSE work_item.delivered_event_id END,
                              delivered_at = LEAST(work_item.delivered_at, excluded.delivered_at)""",
                    g, e, d.workItemId(), ts(d.startedAt()), ts(d.deliveredAt()), id);
        } else if (ev instanceof WorkItemReopened r) {
            out.add("""
                            INSERT INTO work_item_reopen (generation, event_id, engagement_id, work_item_id,
                                                          delivered_at, reopened_at)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    g, id, e, r.workItemId(), ts(r.deliveredAt()), ts(r.reopenedAt()));
        } else if (ev instanceof ReleasePlanned p) {
            out.add("""
                            INSERT INTO release (generation, engagement_id, release_id, name, planned_for,
                                                 planned_event_id)
                            VALUES (?, ?, ?, ?, ?, ?)
                            ON CONFLICT (generation, engagement_id, release_id) DO UPDATE SET
                              name = COALESCE(release.name, excluded.name),
                              planned_for = CASE WHEN release.shipped_on IS NULL THEN excluded.planned_for
                                                 ELSE release.planned_for END,
                              planned_event_id = excluded.planned_event_id""",
                    g, e, p.releaseId(), p.name(), p.plannedFor(), id);
        } else if (ev instanceof ReleaseShipped s) {
            // The shipped event carries the planned date it was judged against: it is authoritative.
            out.add("""
                            INSERT INTO release (generation, engagement_id, release_id, name, planned_for, shipped_on,
                                                 shipped_event_id)
                            VALUES (?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (generation, engagement_id, release_id) DO UPDATE SET
                              name = excluded.name, planned_for = excluded.planned_for,
                              shipped_on = excluded.shipped_on, shipped_event_id = excluded.shipped_event_id""",
                    g, e, s.releaseId(), s.name(), s.plannedFor(), s.shippedOn(), id);
        } else if (ev instanceof DefectFound d) {
            out.add("""
                            INSERT INTO defect (generation, engagement_id, defect_id, stage, severity, found_at, event_id)
                            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    g, e, d.defectId(), name(d.stage()), name(d.severity()), ts(d.foundAt()), id);
        } else if (ev instanceof IncidentOpened o) {
            out.add("""
                            INSERT INTO incident (generation, engagement_id, incident_id, severity, detected_at,
                                                  opened_event_id)
                            VALUES (?, ?, ?, ?, ?, ?)
                            ON CONFLICT (generation, engagement_id, incident_id) DO UPDATE SET
                              severity = excluded.severity, detected_at = excluded.detected_at,
                              opened_event_id = excluded.opened_event_id""",
                    g, e, o.incidentId(), name(o.severity()), ts(o.detectedAt()), id);
        } else if (ev instanceof IncidentAcknowledged a) {
            out.add("""
                            INSERT INTO incident (generation, engagement_id, incident_id, severity, acknowledged_at,
                                                  acknowledged_event_id)
                            VALUES (?, ?, ?, ?, ?, ?)
                            ON CONFLICT (generation, engagement_id, incident_id) DO UPDATE SET
                              severity = COALESCE(incident.severity, excluded.severity),
                              acknowledged_at = excluded.acknowledged_at,
                              acknowledged_event_id = excluded.acknowledged_event_id""",
                    g, e, a.incidentId(), name(a.severity()), ts(a.acknowledgedAt()), id);
        } else if (ev instanceof IncidentResolved r) {
            out.add("""
                            INSERT INTO incident (generation, engagement_id, incident_id, severity, detected_at,
                                                  resolved_at, resolved_event_id)
                            VALUES (?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (generation, engagement_id, incident_id) DO UPDATE SET
                              severity = COALESCE(incident.severity, excluded.severity),
                              detected_at = COALESCE(incident.detected_at, excluded.detected_at),
                              resolved_at = excluded.resolved_at, resolved_event_id = excluded.resolved_event_id""",
                    g, e, r.incidentId(), name(r.severity()), ts(r.detectedAt()), ts(r.resolvedAt()), id);
        } else if (ev instanceof SatisfactionRated s) {
            out.add("""
                            INSERT INTO rating (generation, engagement_id, rating_id, rating, rated_on, event_id)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    g, e, s.ratingId(), s.rating(), s.ratedOn(), id);
        } else if (ev instanceof EngineerJoined j) {
            out.add("""
                            INSERT INTO engineer (generation, engagement_id, engineer_id, name, joined_on, joined_event_id)
                            VALUES (?, ?, ?, ?, ?, ?)
                            ON CONFLICT (generation, engagement_id, engineer_id) DO UPDATE SET
                              name = excluded.name, joined_on = excluded.joined_on,
                              joined_event_id = excluded.joined_event_id""",
                    g, e, j.engineerId(), j.name(), j.joinedOn(), id);
        } else if (ev instanceof OnboardingPhaseAdvanced p) {
            out.add("""
                            INSERT INTO engineer (generation, engagement_id, engineer_id, phase_rank, phase_event_id)
                            VALUES (?, ?, ?, ?, ?)
                            ON CONFLICT (generation, engagement_id, engineer_id) DO UPDATE SET
                              phase_event_id = CASE WHEN excluded.phase_rank > engineer.phase_rank
                                  THEN excluded.phase_event_id ELSE engineer.phase_event_id END,
                              phase_rank = GREATEST(engineer.phase_rank, excluded.phase_rank)""",
                    g, e, p.engineerId(), p.toPhase() == null ? 0 : p.toPhase().ordinal(), id);
        } else if (ev instanceof OnboardingMilestoneReached r) {
            out.add("""
                            INSERT INTO milestone (generation, event_id, engagement_id, engineer_id, milestone, reached_on)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    g, id, e, r.engineerId(), name(r.milestone()), r.reachedOn());
        } else if (ev instanceof KnowledgeTransferAssessed k) {
            out.add("""
                            INSERT INTO knowledge_transfer (generation, event_id, engagement_id, engineer_id, score,
                                                            assessed_on)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    g, id, e, k.engineerId(), k.score(), k.assessedOn());
        } else if (ev instanceof EngineerLeft l) {
            out.add("""
                            INSERT INTO engineer (generation, engagement_id, engineer_id, joined_on, left_on, left_event_id)
                            VALUES (?, ?, ?, ?, ?, ?)
                            ON CONFLICT (generation, engagement_id, engineer_id) DO UPDATE SET
                              joined_on = COALESCE(engineer.joined_on, excluded.joined_on),
                              left_on = excluded.left_on, left_event_id = excluded.left_event_id""",
                    g, e, l.engineerId(), l.joinedOn(), l.leftOn(), id);
        } else if (ev instanceof GovernanceReviewHeld r) {
            out.add("""
                            INSERT INTO review (generation, engagement_id, review_id, kind, held_on, event_id)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    g, e, r.reviewId(), name(r.kind()), r.heldOn(), id);
        } else if (ev instanceof OwnershipAssignedV2 a) {
            ownership(g, m, name(a.area()), a.ownerId(), out);
        } else if (ev instanceof OwnershipReassignedV2 r) {
            ownership(g, m, name(r.area()), r.ownerId(), out);
        } else if (ev instanceof OwnershipRevokedV2 r) {
            ownership(g, m, name(r.area()), null, out);
        } else if (ev instanceof DecisionAcceptedV2 a) {
            // still bucketed by the moment the ledger recorded the acceptance (ce_time); its business time,
            // effectiveAt, is not used by the scorecard yet
            out.add("""
                            INSERT INTO decision (generation, engagement_id, decision_id, accepted_at, event_id)
                            VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    g, e, a.decisionId(), ts(recordedAt(m)), id);
        }
        // any other type is recorded as processed (for evidence and de-duplication) but is not a scorecard fact
    }

    private void status(int g, String engagementId, String status, LedgerMessage m, Writes out) {
        out.add("""
                        INSERT INTO engagement (generation, engagement_id, status, status_sequence)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (generation, engagement_id) DO UPDATE SET status = excluded.status,
                          status_sequence = excluded.status_sequence
                        WHERE engagement.status_sequence < excluded.status_sequence""",
                    g, engagementId, status, order(m));
    }

    private void ownership(int g, LedgerMessage m, String area, String ownerId, Writes out) {
        out.add("""
                        INSERT INTO ownership_change (generation, event_id, engagement_id, area, owner_id, sequence,
                                                      recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    g, m.eventId(), m.engagementId(), area, ownerId, order(m), ts(recordedAt(m)));
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
