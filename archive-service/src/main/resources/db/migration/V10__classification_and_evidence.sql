-- What the classifier said about each comment (the latest classification wins; each one is kept
-- idempotent by its event id). Gallring rules and search by route read this.
CREATE TABLE record_classification (
    comment_key       TEXT             PRIMARY KEY,
    source_event_id   UUID             NOT NULL,
    event_id          UUID             NOT NULL UNIQUE,
    route             TEXT             NOT NULL,
    subtype           TEXT,
    confidence        DOUBLE PRECISION NOT NULL,
    review_required   BOOLEAN          NOT NULL,
    rule_set_version  TEXT             NOT NULL,
    classified_at     TIMESTAMPTZ      NOT NULL
);

CREATE INDEX record_classification_route ON record_classification (route, subtype);

-- Evidence saved before anything is removed from a platform: one bundle per capture, with one
-- artefact per kind (screenshot PNG, PDF/A rendition). `missing` names what could not be made and why.
CREATE TABLE evidence_bundle (
    bundle_id         UUID        PRIMARY KEY,
    comment_key       TEXT        NOT NULL,
    source_event_id   UUID,
    requested_by      TEXT        NOT NULL,
    missing           TEXT[]      NOT NULL DEFAULT '{}',
    captured_at       TIMESTAMPTZ NOT NULL,
    UNIQUE (comment_key, source_event_id)
);

CREATE INDEX evidence_bundle_comment ON evidence_bundle (comment_key);

-- content is the artefact's bytes as captured; gallring (issue 6) may cull it to NULL and sets
-- culled_at, leaving the hash so the protocol can prove what was destroyed.
CREATE TABLE evidence_artefact (
    evidence_id   UUID        PRIMARY KEY,
    bundle_id     UUID        NOT NULL REFERENCES evidence_bundle (bundle_id),
    comment_key   TEXT        NOT NULL,
    kind          TEXT        NOT NULL,
    media_type    TEXT        NOT NULL,
    size_bytes    BIGINT      NOT NULL,
    sha256        TEXT        NOT NULL,
    content       BYTEA,
    captured_at   TIMESTAMPTZ NOT NULL,
    culled_at     TIMESTAMPTZ
);

CREATE INDEX evidence_artefact_comment ON evidence_artefact (comment_key);
