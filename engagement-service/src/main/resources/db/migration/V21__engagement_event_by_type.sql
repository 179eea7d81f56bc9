-- asOf replays only the event types that make up the requested resources (the engagement's own, its decisions...):
-- this index finds them without visiting the engagement's other events, e.g. thousands of work items.
create index engagement_event_by_type on engagement_event (engagement_id, event_type, global_index);
