-- A file taken over from an instance whose lease ran out: that instance's unfinished attempt at it was rolled back
-- by PostgreSQL when its connection ended; say so in the ledger.
UPDATE csv_ingest_ledger
SET status = 'interrupted', finished_at = now(), error = ?
WHERE file_name = ? AND instance = ? AND status = 'started'
