-- Tamper evidence: every stored event is linked into its engagement's hash chain in the transaction that appends it.
-- hash = SHA-256(prev_hash || '\n' || canonical form of the event); see audit.chain.CanonicalEvent.
-- No foreign keys on purpose: the chain must outlive a deleted event row so that verify can name what is missing.
create table event_chain (
    engagement_id    varchar(64)  not null,
    chain_seq        bigint       not null,
    global_index     bigint       not null unique,
    event_identifier varchar(255) not null unique,
    prev_hash        char(64)     not null,
    hash             char(64)     not null,
    primary key (engagement_id, chain_seq)
);

-- One row per engagement, locked (select ... for update) by each append so that appends to one engagement serialize.
create table event_chain_head (
    engagement_id varchar(64) primary key,
    chain_seq     bigint      not null,
    hash          char(64)    not null
);

-- Signed chain heads (Ed25519). Auditors copy them out of the system; the offline verifier checks an export against one.
create table audit_checkpoint (
    id            bigserial    primary key,
    engagement_id varchar(64)  not null,
    chain_seq     bigint       not null,
    head_hash     char(64)     not null,
    signed_at     timestamptz  not null,
    signature     text         not null,
    key_id        varchar(64)  not null
);
create index audit_checkpoint_by_engagement on audit_checkpoint (engagement_id, id);

-- Reads by AUDITOR tokens: who read which engagement through which audit endpoint, and when.
create table audit_read (
    id            bigserial     primary key,
    actor         varchar(255)  not null,
    actor_name    varchar(255),
    engagement_id varchar(64)   not null,
    endpoint      varchar(1000) not null,
    read_at       timestamptz   not null
);
create index audit_read_by_time on audit_read (read_at, id);
