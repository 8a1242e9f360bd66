-- Penalty accrued per loan (issue 2, benchmark): the daily scan no longer rewrites every overdue
-- installment. The loan keeps the penalty accrued since the last spread in penalty_pending (as of
-- penalty_accrued_to, the last scan date that accrued); a payment first spreads it over the overdue
-- installments' penalty_due (installment by installment, the share each one accrued) and then
-- allocates penalty -> interest -> principal, oldest installment first.
-- Installments' penalty_due covers the accrual up to penalty_spread_to.
ALTER TABLE loan ADD COLUMN penalty_pending NUMERIC(19, 2) DEFAULT 0 NOT NULL;
ALTER TABLE loan ADD COLUMN penalty_spread_to DATE;
UPDATE loan SET penalty_spread_to = penalty_accrued_to;

ALTER TABLE delinquency_scan_work ADD COLUMN penalty_pending NUMERIC(19, 2) DEFAULT 0 NOT NULL;
ALTER TABLE delinquency_scan_work ADD COLUMN accrued_to DATE;
-- the loan's penalty_spread_to the penalty was computed from (a payment meanwhile wins)
ALTER TABLE delinquency_scan_work ADD COLUMN spread_to DATE;
