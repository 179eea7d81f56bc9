-- Current state of each resource (engagement, decision, engineer, incident, work item, ...), folded from the
-- events by a subscribing processor in the same transaction as the append: reads see their own writes.
create table resource_view (
    kind          varchar(40)  not null,
    id            varchar(64)  not null,
    engagement_id varchar(64)  not null,
    version       bigint       not null,
    state         jsonb        not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    primary key (kind, id)
);
create index resource_view_engagement on resource_view (engagement_id, kind, created_at, id);

-- Which stored event belongs to which engagement: the audit's history, as-of and the hash chain start here.
create table engagement_event (
    global_index         bigint       primary key,
    engagement_id        varchar(64)  not null,
    event_identifier     varchar(255) not null unique,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    event_type           varchar(120) not null,
    recorded_at          timestamptz  not null
);
create index engagement_event_by_engagement on engagement_event (engagement_id, global_index);

-- Idempotency-Key records: the first answer to a POST, returned again for a repeat with the same key and body.
create table idempotency_record (
    actor         varchar(255) not null,
    idem_key      varchar(255) not null,
    request_hash  varchar(64)  not null,
    status        integer,
    response_body text,
    location      varchar(1000),
    created_at    timestamptz  not null default now(),
    primary key (actor, idem_key)
);
