-- A deleted subscription is kept, disabled, with who deleted it and when, so that its deliveries stay on record.
alter table subscription add column deleted_at timestamptz;
alter table subscription add column deleted_by text;
