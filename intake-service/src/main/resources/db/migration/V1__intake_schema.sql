-- A source bound to an engagement. Deleted connections stay, with their deliveries, for the record.
create table connection (
    id                   uuid primary key,
    engagement_id        text        not null,
    source               text        not null,
    -- github: owner/name as given; looked up case-insensitively, as GitHub treats it
    repository           text,
    jira_site            text,
    jira_project_key     text,
    pagerduty_service_id text,
    options              jsonb       not null,
    -- AES-GCM: key version, nonce, ciphertext and tag; the connection id is the associated data
    secret_ciphertext    bytea       not null,
    created_at           timestamptz not null,
    created_by           text        not null,
    secret_rotated_at    timestamptz,
    deleted_at           timestamptz,
    deleted_by           text
);
create index connection_by_engagement on connection (engagement_id, created_at);
create index connection_by_repository on connection (lower(repository)) where deleted_at is null;

-- Every verified delivery, raw, before anything is done with it; processed in seq order per connection.
create table inbox (
    seq           bigserial primary key,
    connection_id uuid        not null references connection (id),
    delivery_id   text        not null,
    event         text        not null,
    payload       bytea       not null,
    received_at   timestamptz not null,
    -- PENDING until processed, then RECORDED, IGNORED or REJECTED
    status        text        not null,
    reason        text,
    rule          text,
    commands      jsonb       not null default '[]',
    attempts      integer     not null default 0,
    last_error    text,
    processed_at  timestamptz,
    -- a redelivery (same X-GitHub-Delivery) is the same row; scoped by connection, so that one connection's
    -- secret cannot pre-empt another's delivery ids
    unique (connection_id, delivery_id)
);
create index inbox_pending on inbox (connection_id, seq) where status = 'PENDING';

-- Which ledger resource a tool's object became (pull request 12 -> work item w-…), so later deliveries about the
-- same object change that resource and an earlier one is not created twice.
create table subject_link (
    connection_id uuid not null references connection (id),
    subject       text not null,
    ledger_id     text not null,
    linked_at     timestamptz not null,
    primary key (connection_id, subject)
);
