-- A deleted subscription stays, with its deliveries and their attempts, for the record; it gets nothing more.
alter table subscription add column deleted_at timestamptz;
