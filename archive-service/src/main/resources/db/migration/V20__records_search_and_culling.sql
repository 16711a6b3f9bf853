-- Records (issue 6, part B): search indexes, and room for gallring to cull content.
--
-- Gallring culls a version's content (raw fragment, text, author fields) under a culling decision
-- and leaves a protocol row (V22); everything else about the version stays. V1 made the content
-- columns NOT NULL; they become nullable here, but only together with culled_at, so that an empty
-- column can never be mistaken for a version that arrived without content.
ALTER TABLE record_version
    ALTER COLUMN text DROP NOT NULL,
    ALTER COLUMN raw_fragment DROP NOT NULL,
    ADD COLUMN culled_at TIMESTAMPTZ;

ALTER TABLE record_version ADD CONSTRAINT record_version_content_until_culled
    CHECK (culled_at IS NOT NULL OR (text IS NOT NULL AND raw_fragment IS NOT NULL));

-- Search: per account over time, and full-text over the text (Swedish stemming). The expression
-- must match the one RecordSearch uses for the planner to pick the index.
CREATE INDEX record_version_account_received ON record_version (account_id, received_at);
CREATE INDEX record_version_text_search ON record_version
    USING gin (to_tsvector('swedish', coalesce(text, '')));
