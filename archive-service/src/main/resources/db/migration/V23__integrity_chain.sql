-- Tamper-evident log: every record version, evidence artefact and gallring protocol row gets an
-- entry whose hash covers the previous entry's hash and the SHA-256 digest of its subject.
-- AFTER INSERT triggers append the entries, so every writer is covered without coordination.
-- They are statement-level (transition tables): a multi-row insert locks the chain head once and
-- appends all its entries in one go. The head row lock serialises writers until they commit, which
-- keeps the chain gapless and in commit order (a rolled-back transaction rolls back its entries).
--
-- entry_hash = hex(SHA-256(UTF-8(prev_hash | seq | subject_type | subject_id | subject_digest)))
-- with '|' between the parts; the first entry's prev_hash is 64 zeros. IntegrityVerifier recomputes it.
CREATE TABLE integrity_head (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    seq         BIGINT  NOT NULL,
    entry_hash  TEXT    NOT NULL
);

INSERT INTO integrity_head (id, seq, entry_hash) VALUES (1, 0, repeat('0', 64));

CREATE TABLE integrity_log (
    seq             BIGINT      PRIMARY KEY,
    subject_type    TEXT        NOT NULL,
    subject_id      TEXT        NOT NULL,
    subject_digest  TEXT        NOT NULL,
    prev_hash       TEXT        NOT NULL,
    entry_hash      TEXT        NOT NULL,
    logged_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX integrity_log_subject ON integrity_log (subject_type, subject_id);

-- Subject digests. Content gallring may cull is represented by its SHA-256, taken from the live
-- content while it exists and from the protocol item once culled, so the digest survives culling
-- and still catches any other change.
CREATE FUNCTION record_version_digest_with(v record_version, content_sha256 TEXT) RETURNS TEXT AS $$
    SELECT encode(sha256(convert_to(json_build_array(v.id, v.event_id, v.comment_key, v.version, v.verb,
            v.platform, v.account_id, v.comment_id, v.post_id, v.parent_id, v.permalink, archive_ts(v.created_at),
            archive_ts(v.received_at), archive_ts(v.stored_at), v.idempotency_key, v.content_type,
            v.raw_body_sha256, v.raw_fragment_sha256, content_sha256)::text, 'UTF8')), 'hex')
$$ LANGUAGE sql STABLE;

CREATE FUNCTION record_version_digest(v record_version) RETURNS TEXT AS $$
DECLARE
    content TEXT;
BEGIN
    IF v.culled_at IS NULL THEN
        content := record_version_content_sha256(v.text, v.author_id, v.author_name, v.raw_fragment);
    ELSE
        SELECT i.content_sha256 INTO content FROM gallring_protocol_item i
         WHERE i.subject_type = 'record_version' AND i.subject_id = v.id::text;
        content := coalesce(content, 'culled-without-protocol');
    END IF;
    RETURN record_version_digest_with(v, content);
END;
$$ LANGUAGE plpgsql STABLE;

-- An artefact's digest covers its metadata and its declared SHA-256; IntegrityVerifier separately
-- checks that the stored content still hashes to it (or was culled under a protocol item).
CREATE FUNCTION evidence_artefact_digest(a evidence_artefact) RETURNS TEXT AS $$
    SELECT encode(sha256(convert_to(json_build_array(a.evidence_id, a.bundle_id, a.comment_key, a.kind,
            a.media_type, a.size_bytes, a.sha256, archive_ts(a.captured_at))::text, 'UTF8')), 'hex')
$$ LANGUAGE sql STABLE;

CREATE FUNCTION gallring_protocol_digest(p gallring_protocol) RETURNS TEXT AS $$
    SELECT encode(sha256(convert_to(json_build_array(p.protocol_id, p.comment_key, p.route, p.subtype,
            p.rule_name, p.decision_reference, archive_ts(p.received_at), archive_ts(p.last_received_at),
            archive_ts(p.culled_at), p.culled_sha256, p.versions_culled, p.artefacts_culled, p.executed_by,
            p.event_id)::text, 'UTF8')), 'hex')
$$ LANGUAGE sql STABLE;

CREATE FUNCTION integrity_append(p_type TEXT, p_ids TEXT[], p_digests TEXT[]) RETURNS VOID AS $$
DECLARE
    n        INTEGER := coalesce(array_length(p_ids, 1), 0);
    head_seq BIGINT;
    prev     TEXT;
    seqs     BIGINT[];
    prevs    TEXT[];
    hashes   TEXT[];
BEGIN
    IF n = 0 THEN
        RETURN;
    END IF;
    SELECT seq, entry_hash INTO head_seq, prev FROM integrity_head WHERE id = 1 FOR UPDATE;
    FOR i IN 1..n LOOP
        head_seq := head_seq + 1;
        seqs[i] := head_seq;
        prevs[i] := prev;
        prev := encode(sha256(convert_to(prev || '|' || head_seq || '|' || p_type || '|' || p_ids[i] || '|'
                || p_digests[i], 'UTF8')), 'hex');
        hashes[i] := prev;
    END LOOP;
    INSERT INTO integrity_log (seq, subject_type, subject_id, subject_digest, prev_hash, entry_hash)
    SELECT s, p_type, sid, d, p, h FROM unnest(seqs, p_ids, p_digests, prevs, hashes) AS t(s, sid, d, p, h);
    UPDATE integrity_head SET seq = head_seq, entry_hash = prev WHERE id = 1;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION record_version_chain() RETURNS trigger AS $$
BEGIN
    PERFORM integrity_append('record_version',
            array_agg(n.id::text ORDER BY n.id), array_agg(record_version_digest_with(n::record_version,
                    record_version_content_sha256(n.text, n.author_id, n.author_name, n.raw_fragment)) ORDER BY n.id))
    FROM inserted n;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER record_version_chained
    AFTER INSERT ON record_version REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION record_version_chain();

CREATE FUNCTION evidence_artefact_chain() RETURNS trigger AS $$
BEGIN
    PERFORM integrity_append('evidence_artefact',
            array_agg(n.evidence_id::text ORDER BY n.evidence_id),
            array_agg(evidence_artefact_digest(n::evidence_artefact) ORDER BY n.evidence_id))
    FROM inserted n;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER evidence_artefact_chained
    AFTER INSERT ON evidence_artefact REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION evidence_artefact_chain();

CREATE FUNCTION gallring_protocol_chain() RETURNS trigger AS $$
BEGIN
    PERFORM integrity_append('gallring_protocol',
            array_agg(n.protocol_id::text ORDER BY n.protocol_id),
            array_agg(gallring_protocol_digest(n::gallring_protocol) ORDER BY n.protocol_id))
    FROM inserted n;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER gallring_protocol_chained
    AFTER INSERT ON gallring_protocol REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION gallring_protocol_chain();
