-- The diarium: gapless diary numbers per registry and year, and the cases registered in it.

CREATE TABLE diary_sequence (
    registry   TEXT    NOT NULL,
    year       INTEGER NOT NULL,
    last_value INTEGER NOT NULL,
    PRIMARY KEY (registry, year)
);

CREATE TABLE register_case (
    id              UUID PRIMARY KEY,
    registry        TEXT        NOT NULL,
    year            INTEGER     NOT NULL,
    seq             INTEGER     NOT NULL,
    diary_number    TEXT        NOT NULL UNIQUE,
    comment_key     TEXT        NOT NULL UNIQUE,
    source_event_id UUID        NOT NULL,
    route           TEXT        NOT NULL,
    subtype         TEXT,
    platform        TEXT        NOT NULL,
    permalink       TEXT,
    received_at     TIMESTAMPTZ NOT NULL,
    registered_at   TIMESTAMPTZ NOT NULL,
    sender          TEXT,
    description     TEXT        NOT NULL,
    secret          BOOLEAN     NOT NULL,
    UNIQUE (registry, year, seq)
);

CREATE INDEX register_case_registered_at ON register_case (registered_at DESC);
