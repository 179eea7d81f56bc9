-- Every read-model row belongs to a generation. The live consumer writes to the ACTIVE generation and to one
-- being BUILT by a rebuild; readers see only the ACTIVE one. A rebuild flips the states in one transaction.
CREATE TABLE generation (
    id          INT PRIMARY KEY,
    state       TEXT        NOT NULL CHECK (state IN ('ACTIVE', 'BUILDING', 'RETIRED', 'FAILED')),
    started_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at TIMESTAMPTZ,
    events_read BIGINT      NOT NULL DEFAULT 0,
    message     TEXT
);
CREATE UNIQUE INDEX generation_one_active ON generation (state) WHERE state = 'ACTIVE';
CREATE UNIQUE INDEX generation_one_building ON generation (state) WHERE state = 'BUILDING';
INSERT INTO generation (id, state) VALUES (1, 'ACTIVE');

-- The processed-event record (de-duplication on ce_id) and the evidence index: who did what, when.
CREATE TABLE processed_event (
    generation         INT         NOT NULL,
    event_id           TEXT        NOT NULL,
    engagement_id      TEXT        NOT NULL,
    type               TEXT        NOT NULL,
    recorded_at        TIMESTAMPTZ,
    actor              TEXT,
    actor_side         TEXT,
    aggregate_sequence BIGINT,
    global_position    BIGINT,
    PRIMARY KEY (generation, event_id)
);
CREATE INDEX processed_event_engagement ON processed_event (generation, engagement_id);

CREATE TABLE engagement (
    generation       INT  NOT NULL,
    engagement_id    TEXT NOT NULL,
    name             TEXT,
    client_name      TEXT,
    partner_name     TEXT,
    model            TEXT,
    start_date       DATE,
    opened_event_id  TEXT,
    status           TEXT NOT NULL DEFAULT 'ACTIVE',
    status_sequence  BIGINT NOT NULL DEFAULT -1,
    PRIMARY KEY (generation, engagement_id)
);

CREATE TABLE work_item (
    generation         INT  NOT NULL,
    engagement_id      TEXT NOT NULL,
    work_item_id       TEXT NOT NULL,
    started_at         TIMESTAMPTZ,
    delivered_at       TIMESTAMPTZ,
    started_event_id   TEXT,
    delivered_event_id TEXT,
    PRIMARY KEY (generation, engagement_id, work_item_id)
);

CREATE TABLE work_item_reopen (
    generation    INT  NOT NULL,
    event_id      TEXT NOT NULL,
    engagement_id TEXT NOT NULL,
    work_item_id  TEXT NOT NULL,
    delivered_at  TIMESTAMPTZ,
    reopened_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (generation, event_id)
);
CREATE INDEX work_item_reopen_engagement ON work_item_reopen (generation, engagement_id);

CREATE TABLE release (
    generation       INT  NOT NULL,
    engagement_id    TEXT NOT NULL,
    release_id       TEXT NOT NULL,
    name             TEXT,
    planned_for      DATE,
    shipped_on       DATE,
    planned_event_id TEXT,
    shipped_event_id TEXT,
    PRIMARY KEY (generation, engagement_id, release_id)
);

CREATE TABLE defect (
    generation    INT  NOT NULL,
    engagement_id TEXT NOT NULL,
    defect_id     TEXT NOT NULL,
    stage         TEXT NOT NULL,
    severity      TEXT,
    found_at      TIMESTAMPTZ NOT NULL,
    event_id      TEXT NOT NULL,
    PRIMARY KEY (generation, engagement_id, defect_id)
);

CREATE TABLE incident (
    generation          INT  NOT NULL,
    engagement_id       TEXT NOT NULL,
    incident_id         TEXT NOT NULL,
    severity            TEXT,
    detected_at         TIMESTAMPTZ,
    acknowledged_at     TIMESTAMPTZ,
    resolved_at         TIMESTAMPTZ,
    opened_event_id     TEXT,
    acknowledged_event_id TEXT,
    resolved_event_id   TEXT,
    PRIMARY KEY (generation, engagement_id, incident_id)
);

CREATE TABLE rating (
    generation    INT  NOT NULL,
    engagement_id TEXT NOT NULL,
    rating_id     TEXT NOT NULL,
    rating        INT  NOT NULL,
    rated_on      DATE NOT NULL,
    event_id      TEXT NOT NULL,
    PRIMARY KEY (generation, engagement_id, rating_id)
);

CREATE TABLE engineer (
    generation      INT  NOT NULL,
    engagement_id   TEXT NOT NULL,
    engineer_id     TEXT NOT NULL,
    name            TEXT,
    joined_on       DATE,
    left_on         DATE,
    phase_rank      INT  NOT NULL DEFAULT 0,
    joined_event_id TEXT,
    left_event_id   TEXT,
    phase_event_id  TEXT,
    PRIMARY KEY (generation, engagement_id, engineer_id)
);

CREATE TABLE knowledge_transfer (
    generation    INT  NOT NULL,
    event_id      TEXT NOT NULL,
    engagement_id TEXT NOT NULL,
    engineer_id   TEXT NOT NULL,
    score         INT  NOT NULL,
    assessed_on   DATE NOT NULL,
    PRIMARY KEY (generation, event_id)
);
CREATE INDEX knowledge_transfer_engagement ON knowledge_transfer (generation, engagement_id);

CREATE TABLE milestone (
    generation    INT  NOT NULL,
    event_id      TEXT NOT NULL,
    engagement_id TEXT NOT NULL,
    engineer_id   TEXT NOT NULL,
    milestone     TEXT NOT NULL,
    reached_on    DATE NOT NULL,
    PRIMARY KEY (generation, event_id)
);
CREATE INDEX milestone_engagement ON milestone (generation, engagement_id);

CREATE TABLE review (
    generation    INT  NOT NULL,
    engagement_id TEXT NOT NULL,
    review_id     TEXT NOT NULL,
    kind          TEXT NOT NULL,
    held_on       DATE NOT NULL,
    event_id      TEXT NOT NULL,
    PRIMARY KEY (generation, engagement_id, review_id)
);

-- Ownership changes are kept as a log; the owner of an area is the last change by aggregate sequence.
CREATE TABLE ownership_change (
    generation    INT  NOT NULL,
    event_id      TEXT NOT NULL,
    engagement_id TEXT NOT NULL,
    area          TEXT NOT NULL,
    owner_id      TEXT,
    sequence      BIGINT NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (generation, event_id)
);
CREATE INDEX ownership_change_engagement ON ownership_change (generation, engagement_id);

CREATE TABLE decision (
    generation    INT  NOT NULL,
    engagement_id TEXT NOT NULL,
    decision_id   TEXT NOT NULL,
    accepted_at   TIMESTAMPTZ NOT NULL,
    event_id      TEXT NOT NULL,
    PRIMARY KEY (generation, engagement_id, decision_id)
);
