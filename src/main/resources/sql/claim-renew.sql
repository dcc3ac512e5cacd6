-- The heartbeat: extends the leases of the files this instance holds. A claim row locked by a file's own commit
-- (claim-confirm.sql, which extends the lease itself) is skipped rather than waited for.
UPDATE csv_ingest_claim SET lease_until = now() + make_interval(secs => ?)
WHERE path IN (SELECT path FROM csv_ingest_claim
               WHERE instance = ? AND path = ANY (?)
               FOR UPDATE SKIP LOCKED)
