-- Learning from moderators: a person's latest confirmation or override of a comment's route, kept as
-- a labelled line for the classifier's training corpus (GET /quality/export). Written in the
-- decision's own transaction; a later decision on the same comment replaces the row.
CREATE TABLE moderator_label (
    comment_key        TEXT PRIMARY KEY REFERENCES desk_comment (comment_key),
    -- The classification the person decided on: the classifier's route is that one's, also when an
    -- earlier decision has since moved the comment on the desk.
    classified_event   UUID        NOT NULL,
    platform           TEXT        NOT NULL,
    -- The text as classified; emptied when the archive culls the record (gallring reaches here too).
    text               TEXT,
    route              TEXT        NOT NULL,
    -- The person's subtype; none when an override named none (training maps it to the route's catch-all).
    subtype            TEXT,
    needs_response     BOOLEAN     NOT NULL,
    decision           TEXT        NOT NULL,
    classifier_route   TEXT        NOT NULL,
    classifier_subtype TEXT,
    rule_set_version   TEXT        NOT NULL,
    decided_at         TIMESTAMPTZ NOT NULL,
    -- The moderator's user name: for the audit of the corpus inside the service, never exported.
    decided_by         TEXT        NOT NULL,
    culled_at          TIMESTAMPTZ,
    -- Set when a later version of the comment has another text: the decision was about words that
    -- are no longer the comment's, so the line is no longer a fair label.
    edited_at          TIMESTAMPTZ,
    CONSTRAINT moderator_label_culled_has_no_text CHECK (culled_at IS NULL OR text IS NULL),
    CONSTRAINT moderator_label_decision CHECK (decision IN ('CONFIRMED', 'OVERRIDDEN'))
);

-- The export reads the lines still fit for training, in decision order (keyset paging).
CREATE INDEX moderator_label_export ON moderator_label (decided_at, comment_key)
    WHERE culled_at IS NULL AND edited_at IS NULL;
