-- Audit trail (F5): append-only and tamper-evident. Each row's hash = SHA-256(prev_hash || canonical row
-- content), so an edited, removed or reordered row breaks the chain (GET /api/audit/verify).
-- In production the application's database role should have INSERT and SELECT only on audit_event.
CREATE TABLE audit_event (
    id            BIGINT        NOT NULL PRIMARY KEY,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(128)  NOT NULL,
    action        VARCHAR(64)   NOT NULL,
    subject_type  VARCHAR(64)   NOT NULL,
    subject_id    VARCHAR(200),
    details       VARCHAR(4000),
    prev_hash     VARCHAR(64)   NOT NULL,
    hash          VARCHAR(64)   NOT NULL
);
CREATE INDEX ix_audit_event_time ON audit_event (occurred_at);

-- the chain's end: one row, locked (SELECT ... FOR UPDATE) by every append so appends are serialized;
-- it also reveals rows cut off the end of the chain
CREATE TABLE audit_chain_head (
    id         INTEGER      NOT NULL PRIMARY KEY,
    last_id    BIGINT       NOT NULL,
    last_hash  VARCHAR(64)  NOT NULL
);
INSERT INTO audit_chain_head (id, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
