-- Collateral API (issue 6 §4): when the estimated value was established, and who registered the item when.
ALTER TABLE collateral ADD COLUMN valuation_date DATE;
ALTER TABLE collateral ADD COLUMN registered_by VARCHAR(128);
ALTER TABLE collateral ADD COLUMN registered_at TIMESTAMP;
