-- Platform commands (platform.commands) and how each ended. One row per idempotency key: a
-- redelivered or re-issued command finds its row and is never carried out twice; a finished one
-- re-publishes its stored result. The executor claims due rows (FOR UPDATE SKIP LOCKED, with a
-- lease so a crashed instance's claim expires); backoff and rate-limit waits are a later
-- next_attempt_at, never a sleeping thread. Results leave through the outbox (V1).

CREATE TABLE platform_command (
    idempotency_key     TEXT PRIMARY KEY,
    seq                 BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    command_id          UUID        NOT NULL,
    comment_key         TEXT        NOT NULL,
    platform            TEXT        NOT NULL,
    account_id          TEXT        NOT NULL,
    action              TEXT        NOT NULL,
    target              TEXT        NOT NULL,
    -- The municipality's reply, needed until it is posted; cleared when the command is finished.
    reply_text          TEXT,
    evidence_bundle_id  UUID,
    case_id             UUID,
    issued_by           TEXT,
    issued_at           TIMESTAMPTZ NOT NULL,
    state               TEXT        NOT NULL CHECK (state IN ('PENDING', 'DONE')),
    attempts            INTEGER     NOT NULL DEFAULT 0,
    -- A call was started and its answer not yet recorded: after a crash, a REPLY in this state is
    -- not repeated (it may have been posted).
    in_flight           BOOLEAN     NOT NULL DEFAULT FALSE,
    next_attempt_at     TIMESTAMPTZ NOT NULL,
    lease_until         TIMESTAMPTZ,
    last_status         INTEGER,
    last_message        TEXT,
    outcome             TEXT,
    platform_object_id  TEXT,
    completed_at        TIMESTAMPTZ,
    result_event        TEXT,
    received_at         TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    CHECK (state = 'PENDING' OR (outcome IS NOT NULL AND result_event IS NOT NULL))
);

CREATE INDEX platform_command_due ON platform_command (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX platform_command_comment ON platform_command (comment_key, seq) WHERE state = 'PENDING';
CREATE INDEX outbox_unpublished_topic ON outbox (topic, id) WHERE published_at IS NULL;
