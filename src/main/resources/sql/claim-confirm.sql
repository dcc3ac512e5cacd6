-- In the file's transaction, just before it commits: the claim must still be this instance's (fencing). The row
-- stays locked until the commit, so no other instance can take the claim over in between. The new lease counts from
-- the clock, not from now(): now() is when the file's transaction began, which may be many leases ago.
UPDATE csv_ingest_claim SET lease_until = clock_timestamp() + make_interval(secs => ?)
WHERE path = ? AND instance = ?
