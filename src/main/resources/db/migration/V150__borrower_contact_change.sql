-- Changes of a borrower's phone, e-mail or address after the loan import (a skip trace found a new number,
-- the borrower gave a new address on a call): who changed what, when, from which source. Old and new values
-- are sealed like the borrower's own columns (PiiReencryption re-encrypts them on a key rotation); a field
-- that did not change is NULL on both sides. Widths as in borrower: a sealed value that fits there fits here.
CREATE TABLE borrower_contact_change (
    change_id    VARCHAR(36)   NOT NULL PRIMARY KEY,
    borrower_id  VARCHAR(64)   NOT NULL REFERENCES borrower (borrower_id),
    changed_at   TIMESTAMP     NOT NULL,
    changed_by   VARCHAR(128)  NOT NULL,
    source       VARCHAR(32)   NOT NULL,
    note         VARCHAR(1000),
    old_phone    VARCHAR(200),
    new_phone    VARCHAR(200),
    old_email    VARCHAR(320),
    new_email    VARCHAR(320),
    old_address  VARCHAR(1000),
    new_address  VARCHAR(1000)
);

CREATE INDEX ix_borrower_contact_change ON borrower_contact_change (borrower_id, changed_at);
