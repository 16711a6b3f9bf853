-- Moderators' confirmations and overrides of classifications (moderation.decisions), kept to measure
-- the classifier's agreement with them per detector (GET /quality). One row per decision event: the
-- event id is the key, so a replayed event changes nothing. No moderator identity, no free text.
CREATE TABLE feedback_decision (
    event_id            uuid        PRIMARY KEY,
    decision_id         uuid        NOT NULL,
    comment_key         text        NOT NULL,
    kind                text        NOT NULL CHECK (kind IN ('CONFIRMED', 'OVERRIDDEN')),
    -- the classification the decision is about; a later decision about it supersedes an earlier one
    classification_key  uuid        NOT NULL,
    classified_route    text        NOT NULL,
    classified_subtype  text,
    detectors           text[]      NOT NULL,
    rule_set_version    text,
    decided_route       text        NOT NULL,
    decided_subtype     text,
    decided_at          timestamptz NOT NULL,
    recorded_at         timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX feedback_decision_latest ON feedback_decision (classification_key, decided_at DESC, event_id DESC);
CREATE INDEX feedback_decision_rule_set ON feedback_decision (rule_set_version);
