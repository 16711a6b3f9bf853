-- Archive packages (E-ARK CSIP/SIP 2.1 as FGS Paketstruktur 2.0 expects) delivered to the city
-- archive, one per account and half-year, on demand or scheduled. Every delivery is recorded with
-- the package as built (the zip) and its SHA-256; a scheduled delivery happens once per account
-- and period, however many instances or restarts run the schedule.
CREATE TABLE archive_package (
    package_id      UUID        PRIMARY KEY,
    objid           TEXT        NOT NULL UNIQUE,
    platform        TEXT        NOT NULL,
    account_id      TEXT        NOT NULL,
    period          TEXT        NOT NULL,
    period_start    TIMESTAMPTZ NOT NULL,
    period_end      TIMESTAMPTZ NOT NULL,
    trigger         TEXT        NOT NULL CHECK (trigger IN ('SCHEDULED', 'ON_DEMAND')),
    requested_by    TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    records         INTEGER     NOT NULL,
    versions        INTEGER     NOT NULL,
    threads         INTEGER     NOT NULL,
    evidence        INTEGER     NOT NULL,
    files           INTEGER     NOT NULL,
    size_bytes      BIGINT      NOT NULL,
    sha256          TEXT        NOT NULL,
    content         BYTEA       NOT NULL
);

CREATE UNIQUE INDEX archive_package_scheduled_once ON archive_package (platform, account_id, period)
    WHERE trigger = 'SCHEDULED';
CREATE INDEX archive_package_account ON archive_package (platform, account_id, period);
