-- Promise-to-pay ledger (issue 5 §1): who took the promise on which channel, and how much of it the
-- payments received so far cover (FIFO over the loan's promises). Status gains PARTIALLY_KEPT.
ALTER TABLE promise_to_pay ADD COLUMN channel VARCHAR(16);
ALTER TABLE promise_to_pay ADD COLUMN collector VARCHAR(100);
ALTER TABLE promise_to_pay ADD COLUMN kept_amount NUMERIC(19, 2) DEFAULT 0 NOT NULL;
