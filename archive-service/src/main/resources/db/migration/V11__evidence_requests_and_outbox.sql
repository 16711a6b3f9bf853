-- Evidence capture as a durable queue (issue 6, part A). A classification (or a user) asks for
-- evidence by inserting a request in the same transaction that records why; workers claim due
-- requests (SKIP LOCKED, with a lease so a crashed instance's claim expires), capture outside any
-- transaction, and store the bundle, its artefacts and the evidence.captured event in one
-- transaction. The event leaves through evidence_outbox only after that commit, and stays there
-- until the broker acknowledged it, so neither a crash nor a broker outage loses it.
CREATE TABLE evidence_request (
    request_id       UUID        PRIMARY KEY,
    comment_key      TEXT        NOT NULL,
    -- the comments.classified event that asked for it; NULL when asked for through the API
    source_event_id  UUID        UNIQUE,
    requested_by     TEXT        NOT NULL,
    -- the permalink the classification carried, for when the record is not (yet) stored
    permalink        TEXT,
    status           TEXT        NOT NULL CHECK (status IN ('PENDING', 'CAPTURED', 'FAILED')),
    attempts         INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    lease_until      TIMESTAMPTZ,
    last_error       TEXT,
    bundle_id        UUID        REFERENCES evidence_bundle (bundle_id),
    requested_at     TIMESTAMPTZ NOT NULL,
    completed_at     TIMESTAMPTZ
);

CREATE INDEX evidence_request_due ON evidence_request (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX evidence_request_comment ON evidence_request (comment_key);

CREATE TABLE evidence_outbox (
    event_id      UUID        PRIMARY KEY,
    bundle_id     UUID        NOT NULL UNIQUE REFERENCES evidence_bundle (bundle_id),
    comment_key   TEXT        NOT NULL,
    -- the encoded envelope exactly as it is sent (ids, kinds, sizes and hashes; no content)
    payload       TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    published_at  TIMESTAMPTZ,
    attempts      INTEGER     NOT NULL DEFAULT 0,
    last_error    TEXT
);

CREATE INDEX evidence_outbox_unpublished ON evidence_outbox (created_at) WHERE published_at IS NULL;

-- Thread context of a record (other comments of the same post, or answering the same comment)
-- and packages per account and period read record_version by these.
CREATE INDEX record_version_thread ON record_version
    (platform, account_id, (coalesce(nullif(post_id, ''), nullif(parent_id, ''), comment_id)));
