-- Every received version of every comment, as received (allmän handling from the moment it arrives).
-- Append-only: an edit is a new version; a removal by the author is recorded, never applied here.

CREATE TABLE record_version (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id             UUID        NOT NULL UNIQUE,
    comment_key          TEXT        NOT NULL,
    version              INTEGER     NOT NULL,
    verb                 TEXT        NOT NULL,
    platform             TEXT        NOT NULL,
    account_id           TEXT        NOT NULL,
    comment_id           TEXT        NOT NULL,
    post_id              TEXT,
    parent_id            TEXT,
    author_id            TEXT,
    author_name          TEXT,
    text                 TEXT        NOT NULL,
    permalink            TEXT,
    created_at           TIMESTAMPTZ,
    received_at          TIMESTAMPTZ NOT NULL,
    stored_at            TIMESTAMPTZ NOT NULL,
    idempotency_key      TEXT        NOT NULL,
    content_type         TEXT,
    raw_body_sha256      TEXT        NOT NULL,
    raw_fragment         BYTEA       NOT NULL,
    raw_fragment_sha256  TEXT        NOT NULL,
    UNIQUE (comment_key, version)
);

CREATE INDEX record_version_received_at ON record_version (received_at);

-- Append-only by construction: the application never updates or deletes a version. (Gallring,
-- issue 6, culls content under a decision and leaves a protocol; it will relax this deliberately.)
CREATE FUNCTION record_version_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'record_version is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER record_version_append_only
    BEFORE UPDATE OR DELETE ON record_version
    FOR EACH ROW EXECUTE FUNCTION record_version_is_append_only();
