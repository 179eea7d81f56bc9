-- The audit-read log records refused reads too (403, 404), with their status; a refused read may name no engagement
-- (the log itself) or one the reader may not see. Token subjects and names may be 256 characters long.
alter table audit_read add column status integer not null default 200;
alter table audit_read alter column engagement_id drop not null;
alter table audit_read alter column actor type varchar(256);
alter table audit_read alter column actor_name type varchar(256);
alter table idempotency_record alter column actor type varchar(256);
create index audit_read_by_engagement on audit_read (engagement_id, id);
