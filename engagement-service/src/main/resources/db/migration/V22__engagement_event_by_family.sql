-- asOf replays the events of one or two families (engagement, decision, incident, onboarding) of one engagement in
-- global order. With engagement_event_by_type (V21) the plan depended on the statistics: an engagement grown since
-- the last ANALYZE is estimated at one row, and the planner then walked all of its events through
-- engagement_event_by_engagement (13.6 ms instead of 0.3 for an engagement of 10,000 decisions, BENCHMARKS.md).
-- Keyed by family, one index scan per family answers in global order whatever the estimate; the history's family
-- filter uses the same expression.
create index engagement_event_by_family
    on engagement_event (engagement_id, (split_part(event_type, '.', 2)), global_index);
drop index engagement_event_by_type;
