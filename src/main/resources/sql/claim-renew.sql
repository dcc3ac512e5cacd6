-- The heartbeat: extends the leases of the files this instance holds.
UPDATE csv_ingest_claim SET lease_until = now() + make_interval(secs => ?)
WHERE instance = ? AND path = ANY (?)
