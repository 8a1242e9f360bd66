-- Penalty spreads are kept per installment (README "Penalty"): a payment dated before the last spread (an earlier-
-- posted, later-dated payment already moved penalty past its day onto the installments) takes those spreads back
-- and the payments after its day are re-applied with the penalty accrued between them, as if they had arrived in
-- date order. A spread that moved nothing is kept as one row with seq 0 and amount 0, so the last spread's day is
-- always known.
CREATE TABLE penalty_spread (
    loan_no    VARCHAR(64)    NOT NULL REFERENCES loan (loan_no),
    spread_to  DATE           NOT NULL,
    seq        INT            NOT NULL,
    amount     NUMERIC(19, 2) NOT NULL
);
CREATE INDEX ix_penalty_spread_loan ON penalty_spread (loan_no, spread_to);

-- spreads made before this ledger existed cannot be taken back: a payment dated before this day keeps them
ALTER TABLE loan ADD COLUMN penalty_replay_floor DATE;
UPDATE loan SET penalty_replay_floor = penalty_spread_to;
