-- The YouTube WebSub subscriptions we hold at the hub (see youtube/domain/WebSubSubscriber). A hub
-- lease ends silently, so each is renewed at 80 % of its lease; kept here so that a restart still
-- knows when, and which channels (closed since) to unsubscribe. subscribed_at and lease_until are
-- null until the hub first accepted; last_error is the hub's status or the failure's class (never a
-- secret) and makes the next check retry.

CREATE TABLE youtube_websub_subscription (
    channel_id    TEXT        PRIMARY KEY,
    subscribed_at TIMESTAMPTZ,
    lease_until   TIMESTAMPTZ,
    last_error    TEXT,
    updated_at    TIMESTAMPTZ NOT NULL
);
