-- Legal holds (JO 3434-2016: nothing may be destroyed while a request for access or its appeal is
-- pending; an open case linked to the comment holds it too). Set and released from
-- moderation.decisions or through the API. A hold is never deleted; releasing it stamps released_*.
CREATE TABLE legal_hold (
    hold_id            UUID        PRIMARY KEY,
    comment_key        TEXT        NOT NULL,
    reference          TEXT,
    reason             TEXT,
    source             TEXT        NOT NULL CHECK (source IN ('moderation.decisions', 'api')),
    set_by             TEXT        NOT NULL,
    set_at             TIMESTAMPTZ NOT NULL,
    set_event_id       UUID        UNIQUE,
    released_at        TIMESTAMPTZ,
    released_by        TEXT,
    release_reason     TEXT,
    released_event_id  UUID,
    CHECK ((released_at IS NULL) = (released_by IS NULL))
);

CREATE INDEX legal_hold_active ON legal_hold (comment_key) WHERE released_at IS NULL;
CREATE INDEX legal_hold_set_at ON legal_hold (set_at);

-- Every moderation.decisions event the archive has acted on, so a replay changes nothing.
CREATE TABLE decision_event (
    event_id      UUID        PRIMARY KEY,
    comment_key   TEXT        NOT NULL,
    kind          TEXT        NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL
);

-- A person's word on a comment's route (CONFIRMED or OVERRIDDEN) outranks the classifier's; the
-- latest decision wins.
CREATE TABLE record_route_decision (
    comment_key  TEXT        PRIMARY KEY,
    route        TEXT        NOT NULL,
    subtype      TEXT,
    kind         TEXT        NOT NULL,
    event_id     UUID        NOT NULL,
    decided_at   TIMESTAMPTZ NOT NULL
);

-- The route the archive acts on. `route` is NULL while it is unknown: no classification yet, or a
-- classification that asked for human review and has not had it. Gallring never touches those.
-- `search_route` is what a search by route matches (the classifier's word counts there).
CREATE VIEW effective_route AS
SELECT coalesce(d.comment_key, c.comment_key) AS comment_key,
       CASE WHEN d.comment_key IS NOT NULL THEN d.route
            WHEN NOT c.review_required THEN c.route END AS route,
       CASE WHEN d.comment_key IS NOT NULL THEN d.subtype
            WHEN NOT c.review_required THEN c.subtype END AS subtype,
       coalesce(d.route, c.route) AS search_route,
       c.route AS classified_route,
       c.review_required,
       d.kind AS decision_kind
FROM record_classification c
FULL OUTER JOIN record_route_decision d ON d.comment_key = c.comment_key;
