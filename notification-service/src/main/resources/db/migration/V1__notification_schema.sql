-- Once-only application: a Kafka event id is recorded in the same transaction as its effects.
create table processed_event (
    event_id     text primary key,
    event_type   text        not null,
    processed_at timestamptz not null
);

-- What the rules need to remember about an engagement.
create table engagement (
    engagement_id   text primary key,
    start_date      date        not null,
    client_time_zone text       not null,
    status          text        not null,
    first_release_shipped_on date
);

create table ownership_area (
    engagement_id text not null,
    area          text not null,
    owner_id      text,
    primary key (engagement_id, area)
);

-- Per ISO week counts for the quality-drift rule (week = Monday of the ISO week).
create table quality_week (
    engagement_id      text    not null,
    week_start         date    not null,
    production_defects integer not null default 0,
    all_defects        integer not null default 0,
    delivered_items    integer not null default 0,
    reopened_items     integer not null default 0,
    primary key (engagement_id, week_start)
);

-- Decisions that supersede others, so an accepted successor can clear a reversal alert.
create table decision_successor (
    engagement_id text not null,
    decision_id   text not null,
    supersedes    text not null,
    primary key (engagement_id, decision_id)
);

-- Time rules: one row per pending condition; the poller claims due rows with FOR UPDATE SKIP LOCKED.
create table schedule_entry (
    id              bigserial primary key,
    engagement_id   text        not null,
    rule            text        not null,
    subject         text        not null,
    severity        text        not null,
    message         text        not null,
    cause_event_ids text[]      not null default '{}',
    due_at          timestamptz not null,
    state           text        not null default 'PENDING',
    fired_at        timestamptz,
    created_at      timestamptz not null
);
create unique index schedule_entry_pending on schedule_entry (engagement_id, rule, subject) where state = 'PENDING';
create index schedule_entry_due on schedule_entry (due_at) where state = 'PENDING';

create table alert (
    id              uuid primary key,
    rule            text        not null,
    engagement_id   text        not null,
    subject         text        not null,
    severity        text        not null,
    message         text        not null,
    cause_event_ids text[]      not null default '{}',
    state           text        not null,
    dedupe_key      text        not null,
    opened_at       timestamptz not null,
    updated_at      timestamptz not null,
    resolved_at     timestamptz
);
-- The same condition never has two unresolved alerts.
create unique index alert_dedupe_unresolved on alert (dedupe_key) where state <> 'RESOLVED';
create index alert_engagement on alert (engagement_id, opened_at desc);

create table alert_history (
    id         bigserial primary key,
    alert_id   uuid        not null references alert (id),
    from_state text,
    to_state   text        not null,
    actor      text        not null,
    actor_side text,
    note       text,
    at         timestamptz not null
);
create index alert_history_alert on alert_history (alert_id, id);

-- Every lifecycle change, in order: the SSE id, and the transactional outbox of governance.alerts.v1.
create table alert_change (
    seq           bigserial primary key,
    change_id     uuid        not null unique,
    alert_id      uuid        not null references alert (id),
    engagement_id text        not null,
    change_type   text        not null,
    snapshot      jsonb       not null,
    at            timestamptz not null,
    published_at  timestamptz
);
create index alert_change_unpublished on alert_change (seq) where published_at is null;
create index alert_change_engagement on alert_change (engagement_id, seq);

create table subscription (
    id                  uuid primary key,
    url                 text        not null,
    secret              text        not null,
    engagements         text[]      not null default '{}',
    rules               text[]      not null default '{}',
    min_severity        text        not null,
    owner_sub           text        not null,
    owner_scope         text[]      not null,
    enabled             boolean     not null default true,
    disabled_reason     text,
    consecutive_dead    integer     not null default 0,
    created_at          timestamptz not null
);

create table delivery (
    id              uuid primary key,
    subscription_id uuid        not null references subscription (id),
    message_id      text        not null,
    event_type      text        not null,
    payload         text        not null,
    state           text        not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    lease_until     timestamptz,
    first_attempt_at timestamptz,
    last_status     integer,
    last_error      text,
    created_at      timestamptz not null,
    delivered_at    timestamptz
);
create index delivery_pending on delivery (next_attempt_at) where state = 'PENDING';
create index delivery_subscription on delivery (subscription_id, created_at desc);

create table delivery_attempt (
    id           bigserial primary key,
    delivery_id  uuid        not null references delivery (id),
    attempted_at timestamptz not null,
    status_code  integer,
    error        text,
    duration_ms  bigint      not null
);
create index delivery_attempt_delivery on delivery_attempt (delivery_id, id);
