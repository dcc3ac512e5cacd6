-- In the file's transaction, just before it commits: the claim must still be this instance's (fencing). The row
-- stays locked until the commit, so no other instance can take the claim over in between.
UPDATE csv_ingest_claim SET lease_until = now() + make_interval(secs => ?)
WHERE path = ? AND instance = ?
