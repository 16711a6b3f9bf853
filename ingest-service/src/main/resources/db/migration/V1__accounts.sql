-- The municipality's social-media accounts (the guideline's account list and start checklist),
-- and the outbox through which changes to them are announced on accounts.changed.

CREATE TABLE account (
    id          UUID PRIMARY KEY,
    platform    TEXT        NOT NULL,
    external_id TEXT        NOT NULL,
    name        TEXT        NOT NULL,
    owning_unit TEXT        NOT NULL,
    purpose     TEXT,
    audience    TEXT,
    message     TEXT,
    public_url  TEXT,
    secret_ref  TEXT,
    status      TEXT        NOT NULL,
    opened_on   DATE,
    closed_on   DATE,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (platform, external_id)
);

CREATE TABLE account_responsible (
    account_id UUID    NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    name       TEXT    NOT NULL,
    PRIMARY KEY (account_id, position)
);

CREATE TABLE account_checklist (
    account_id UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    item       TEXT NOT NULL,
    PRIMARY KEY (account_id, item)
);

-- Written in the same transaction as the change it announces; a relay publishes and marks it.
CREATE TABLE outbox (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic        TEXT        NOT NULL,
    message_key  TEXT        NOT NULL,
    payload      TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    published_at TIMESTAMPTZ
);

CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
