-- The moderators' desk: what the diarium needs beyond numbers — documents in cases, secrecy
-- marking, tasks, evidence, the decision point's removals and commands, crises, the audit trail
-- and the transactional outbox.

-- A case may be filed under a diary number we did not issue (a comment that refers to an ongoing
-- case in another registry keeps that number): such cases have no registry sequence.
ALTER TABLE register_case ALTER COLUMN registry DROP NOT NULL;
ALTER TABLE register_case ALTER COLUMN year DROP NOT NULL;
ALTER TABLE register_case ALTER COLUMN seq DROP NOT NULL;
ALTER TABLE register_case ADD COLUMN issued_here BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE register_case ADD COLUMN diary_key TEXT;
UPDATE register_case SET diary_key = upper(regexp_replace(diary_number, '\s+', '', 'g'));
ALTER TABLE register_case ALTER COLUMN diary_key SET NOT NULL;
ALTER TABLE register_case ADD CONSTRAINT register_case_diary_key UNIQUE (diary_key);
ALTER TABLE register_case ADD COLUMN status TEXT NOT NULL DEFAULT 'OPEN';
ALTER TABLE register_case ADD COLUMN closed_at TIMESTAMPTZ;
-- OSL secrecy marking: the provision (e.g. "OSL 26:1") and the date it was set.
ALTER TABLE register_case ADD COLUMN secrecy_provision TEXT;
ALTER TABLE register_case ADD COLUMN secrecy_marked_on DATE;

-- Every comment registered as a document, in the case that opened for it or in an ongoing one.
CREATE TABLE case_document (
    comment_key     TEXT PRIMARY KEY,
    case_id         UUID        NOT NULL REFERENCES register_case (id),
    source_event_id UUID        NOT NULL,
    received_at     TIMESTAMPTZ NOT NULL,
    registered_at   TIMESTAMPTZ NOT NULL,
    sender          TEXT,
    description     TEXT        NOT NULL,
    secret          BOOLEAN     NOT NULL
);
CREATE INDEX case_document_case ON case_document (case_id);
INSERT INTO case_document
SELECT comment_key, id, source_event_id, received_at, registered_at, sender, description, secret FROM register_case;

-- Every classified comment the desk has seen (the latest classification), whether or not it
-- needed a case: the queue, answers and crisis digests read it. Culling empties text and author.
CREATE TABLE desk_comment (
    comment_key        TEXT PRIMARY KEY,
    classified_event   UUID             NOT NULL,
    platform           TEXT             NOT NULL,
    account_id         TEXT             NOT NULL,
    comment_id         TEXT             NOT NULL,
    route              TEXT             NOT NULL,
    subtype            TEXT,
    flags              TEXT             NOT NULL,
    confidence         DOUBLE PRECISION NOT NULL,
    review_required    BOOLEAN          NOT NULL,
    needs_response     BOOLEAN          NOT NULL,
    detectors          TEXT             NOT NULL,
    rule_set_version   TEXT             NOT NULL,
    author_name        TEXT,
    text               TEXT,
    permalink          TEXT,
    received_at        TIMESTAMPTZ      NOT NULL,
    classified_at      TIMESTAMPTZ      NOT NULL,
    case_id            UUID REFERENCES register_case (id),
    culled_at          TIMESTAMPTZ
);
CREATE INDEX desk_comment_received ON desk_comment (account_id, received_at);

CREATE TABLE task (
    id                 UUID PRIMARY KEY,
    comment_key        TEXT        NOT NULL,
    case_id            UUID REFERENCES register_case (id),
    kind               TEXT        NOT NULL,
    status             TEXT        NOT NULL,
    assignee           TEXT,
    due_at             TIMESTAMPTZ,
    evidence_bundle_id UUID,
    note               TEXT,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    version            INTEGER     NOT NULL DEFAULT 0
);
-- One automatic task of each kind per comment (forwarding may happen several times).
CREATE UNIQUE INDEX task_one_per_kind ON task (comment_key, kind) WHERE kind <> 'FORWARD';
CREATE INDEX task_open ON task (status, due_at);

-- Evidence bundles the archive captured (evidence.captured), idempotent by bundle id.
CREATE TABLE evidence (
    bundle_id    UUID PRIMARY KEY,
    comment_key  TEXT        NOT NULL,
    artefacts    TEXT        NOT NULL,
    missing      TEXT        NOT NULL,
    captured_at  TIMESTAMPTZ NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX evidence_comment ON evidence (comment_key, captured_at);

-- The decision point: one removal per comment, and where it stands.
CREATE TABLE removal (
    comment_key        TEXT PRIMARY KEY,
    case_id            UUID REFERENCES register_case (id),
    action             TEXT        NOT NULL,
    state              TEXT        NOT NULL,
    automatic          BOOLEAN     NOT NULL,
    confirmed_by       TEXT,
    evidence_bundle_id UUID,
    command_id         UUID,
    outcome_message    TEXT,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    version            INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX removal_state ON removal (state);

-- Every command sent to a platform, and its result.
CREATE TABLE platform_command (
    command_id       UUID PRIMARY KEY,
    idempotency_key  TEXT        NOT NULL UNIQUE,
    comment_key      TEXT        NOT NULL,
    action           TEXT        NOT NULL,
    task_id          UUID,
    state            TEXT        NOT NULL,
    issued_by        TEXT        NOT NULL,
    issued_at        TIMESTAMPTZ NOT NULL,
    attempts         INTEGER,
    platform_status  INTEGER,
    platform_message TEXT,
    completed_at     TIMESTAMPTZ
);
CREATE INDEX platform_command_comment ON platform_command (comment_key);

CREATE TABLE crisis (
    id          UUID PRIMARY KEY,
    name        TEXT        NOT NULL,
    accounts    TEXT        NOT NULL,
    starts_at   TIMESTAMPTZ NOT NULL,
    ends_at     TIMESTAMPTZ,
    started_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    stopped_by  TEXT,
    stopped_at  TIMESTAMPTZ
);

CREATE TABLE crisis_comment (
    crisis_id   UUID NOT NULL REFERENCES crisis (id),
    comment_key TEXT NOT NULL,
    PRIMARY KEY (crisis_id, comment_key)
);

-- Events already handled, for consumers whose effect is not naturally idempotent.
CREATE TABLE processed_event (
    event_id     UUID PRIMARY KEY,
    type         TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL
);

-- Every state change, with who, when and why. Append-only.
CREATE TABLE audit_entry (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id     UUID,
    comment_key TEXT,
    subject     TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    reason      TEXT,
    at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX audit_entry_case ON audit_entry (case_id, id);
CREATE INDEX audit_entry_comment ON audit_entry (comment_key, id);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entry_append_only
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();

-- Transactional outbox: written in the same transaction as the change it announces, sent after.
CREATE TABLE outbox (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    message_key  TEXT        NOT NULL,
    payload      TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
