-- Gallring never culls a record under an active legal hold (a pending request for access, or an open
-- case linked to the comment), whichever code path asks: the append-only trigger refuses it too.
CREATE OR REPLACE FUNCTION record_version_is_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
            AND OLD.culled_at IS NULL AND NEW.culled_at IS NOT NULL
            AND EXISTS (SELECT 1 FROM legal_hold h WHERE h.comment_key = OLD.comment_key AND h.released_at IS NULL) THEN
        RAISE EXCEPTION 'record_version is under a legal hold: gallring may not cull it';
    END IF;
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
