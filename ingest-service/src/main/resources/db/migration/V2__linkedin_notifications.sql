-- LinkedIn retries a notification every 5 minutes for 8 hours; its id tells a retry from news.
CREATE TABLE linkedin_notification (
    notification_id TEXT PRIMARY KEY,
    first_seen      TIMESTAMPTZ NOT NULL
);
