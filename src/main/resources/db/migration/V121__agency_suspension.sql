-- Agency registry API (issue 6 §1): an agency can be suspended (no new placements) with a reason.
ALTER TABLE agency ADD COLUMN suspended BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE agency ADD COLUMN suspended_reason VARCHAR(1000);
ALTER TABLE agency ADD COLUMN suspended_at TIMESTAMP;
