-- When a change row was written (database time). Sequence numbers are taken at insert, not at commit, so a change
-- can become visible after a later one; the SSE stream looks back over recently written rows to catch it.
alter table alert_change add column inserted_at timestamptz not null default clock_timestamp();
create index alert_change_inserted on alert_change (inserted_at);
