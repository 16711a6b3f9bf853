-- How far the YouTube comment poller has got, per channel and moderation status (YouTube has no
-- comment push, so comments are polled; see the youtube package). A watermark is the newest
-- updatedAt emitted plus the ids of the comments emitted at exactly that instant: the API's
-- timestamps have second precision, so several comments can share one. It is written only after
-- every event of a poll was acknowledged by the broker: a restart continues where the last poll
-- ended, and a crash mid-poll can only repeat events (with the same event ids), never skip one.

CREATE TABLE youtube_watermark (
    channel_id        TEXT        NOT NULL,
    moderation_status TEXT        NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    saved_at          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (channel_id, moderation_status)
);

CREATE TABLE youtube_watermark_comment (
    channel_id        TEXT NOT NULL,
    moderation_status TEXT NOT NULL,
    comment_id        TEXT NOT NULL,
    PRIMARY KEY (channel_id, moderation_status, comment_id),
    FOREIGN KEY (channel_id, moderation_status)
        REFERENCES youtube_watermark (channel_id, moderation_status) ON DELETE CASCADE
);
