-- Gallring: the protocol (gallringsprotokoll) that stays when content is culled under a culling
-- decision (gallringsbeslut). One row per culling of a record; one item per culled thing with the
-- SHA-256 of exactly what was destroyed. culled_sha256 is the SHA-256 over the items (GallringDigest).
CREATE TABLE gallring_protocol (
    protocol_id         UUID        PRIMARY KEY,
    comment_key         TEXT        NOT NULL,
    route               TEXT        NOT NULL,
    subtype             TEXT,
    rule_name           TEXT        NOT NULL,
    decision_reference  TEXT        NOT NULL,
    received_at         TIMESTAMPTZ NOT NULL,
    last_received_at    TIMESTAMPTZ NOT NULL,
    culled_at           TIMESTAMPTZ NOT NULL,
    culled_sha256       TEXT        NOT NULL,
    versions_culled     INTEGER     NOT NULL,
    artefacts_culled    INTEGER     NOT NULL,
    executed_by         TEXT        NOT NULL,
    event_id            UUID        NOT NULL UNIQUE,
    -- when records.culled was acknowledged by the broker (the row is its own outbox)
    published_at        TIMESTAMPTZ
);

CREATE INDEX gallring_protocol_comment ON gallring_protocol (comment_key);
CREATE INDEX gallring_protocol_culled_at ON gallring_protocol (culled_at);
CREATE INDEX gallring_protocol_unpublished ON gallring_protocol (culled_at) WHERE published_at IS NULL;

CREATE TABLE gallring_protocol_item (
    protocol_id     UUID NOT NULL REFERENCES gallring_protocol (protocol_id),
    subject_type    TEXT NOT NULL CHECK (subject_type IN ('record_version', 'evidence_artefact')),
    subject_id      TEXT NOT NULL,
    content_sha256  TEXT NOT NULL,
    PRIMARY KEY (subject_type, subject_id)
);

CREATE INDEX gallring_protocol_item_protocol ON gallring_protocol_item (protocol_id);

-- The protocol is append-only too; the one change allowed is stamping published_at once.
CREATE FUNCTION gallring_protocol_is_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.published_at IS NULL AND NEW.published_at IS NOT NULL
            AND (NEW.protocol_id, NEW.comment_key, NEW.route, NEW.subtype, NEW.rule_name,
                 NEW.decision_reference, NEW.received_at, NEW.last_received_at, NEW.culled_at,
                 NEW.culled_sha256, NEW.versions_culled, NEW.artefacts_culled, NEW.executed_by, NEW.event_id)
            IS NOT DISTINCT FROM
                (OLD.protocol_id, OLD.comment_key, OLD.route, OLD.subtype, OLD.rule_name,
                 OLD.decision_reference, OLD.received_at, OLD.last_received_at, OLD.culled_at,
                 OLD.culled_sha256, OLD.versions_culled, OLD.artefacts_culled, OLD.executed_by, OLD.event_id) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'gallring_protocol is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER gallring_protocol_append_only
    BEFORE UPDATE OR DELETE ON gallring_protocol
    FOR EACH ROW EXECUTE FUNCTION gallring_protocol_is_append_only();

CREATE FUNCTION gallring_protocol_item_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'gallring_protocol_item is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER gallring_protocol_item_append_only
    BEFORE UPDATE OR DELETE ON gallring_protocol_item
    FOR EACH ROW EXECUTE FUNCTION gallring_protocol_item_is_append_only();

-- Canonical text of a timestamp, independent of the session's time zone.
CREATE FUNCTION archive_ts(value TIMESTAMPTZ) RETURNS TEXT AS $$
    SELECT to_char(value AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
$$ LANGUAGE sql STABLE;

-- SHA-256 of the content gallring culls from a version: text, author fields and the raw fragment.
-- The fields go in as a JSON array (unambiguous: strings quoted and escaped, NULL as null), the raw
-- bytes after it. Plain SQL so that the planner inlines it (a trigger calls it for every insert).
CREATE FUNCTION record_version_content_sha256(p_text TEXT, p_author_id TEXT, p_author_name TEXT,
        p_raw BYTEA) RETURNS TEXT AS $$
    SELECT encode(sha256(convert_to(json_build_array(p_text, p_author_id, p_author_name, p_raw IS NULL)::text, 'UTF8')
        || coalesce(p_raw, ''::bytea)), 'hex')
$$ LANGUAGE sql STABLE;

-- V1's append-only rule, relaxed deliberately: the one update allowed is culling content to NULL
-- (stamping culled_at, nothing else changed) for a version whose protocol item already holds the
-- SHA-256 of exactly the content being destroyed. Deletes stay forbidden.
CREATE OR REPLACE FUNCTION record_version_is_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
            AND OLD.culled_at IS NULL AND NEW.culled_at IS NOT NULL
            AND NEW.text IS NULL AND NEW.raw_fragment IS NULL
            AND NEW.author_id IS NULL AND NEW.author_name IS NULL
            AND (NEW.id, NEW.event_id, NEW.comment_key, NEW.version, NEW.verb, NEW.platform, NEW.account_id,
                 NEW.comment_id, NEW.post_id, NEW.parent_id, NEW.permalink, NEW.created_at, NEW.received_at,
                 NEW.stored_at, NEW.idempotency_key, NEW.content_type, NEW.raw_body_sha256, NEW.raw_fragment_sha256)
            IS NOT DISTINCT FROM
                (OLD.id, OLD.event_id, OLD.comment_key, OLD.version, OLD.verb, OLD.platform, OLD.account_id,
                 OLD.comment_id, OLD.post_id, OLD.parent_id, OLD.permalink, OLD.created_at, OLD.received_at,
                 OLD.stored_at, OLD.idempotency_key, OLD.content_type, OLD.raw_body_sha256, OLD.raw_fragment_sha256)
            AND EXISTS (SELECT 1 FROM gallring_protocol_item i
                        WHERE i.subject_type = 'record_version' AND i.subject_id = OLD.id::text
                          AND i.content_sha256 = record_version_content_sha256(OLD.text, OLD.author_id,
                                  OLD.author_name, OLD.raw_fragment)) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'record_version is append-only: only gallring, under a protocol row, may cull content';
END;
$$ LANGUAGE plpgsql;
