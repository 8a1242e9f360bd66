-- Daily promise settlement (issue 5 §1): its cluster-wide job lock (see V10 scan_lock), so that on a
-- cluster exactly one node settles the due promises.
INSERT INTO scan_lock (name, locked_until, locked_at, locked_by)
VALUES ('promise-settlement', TIMESTAMP '2000-01-01 00:00:00', TIMESTAMP '2000-01-01 00:00:00', 'nobody');
