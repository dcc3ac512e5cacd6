-- Claims a file for this instance unless another instance holds it with a lease still running.
-- Returns one row (the previous holder, if its lease had run out) when this instance holds the claim now.
WITH previous AS (SELECT instance, lease_until FROM csv_ingest_claim WHERE path = ?)
INSERT INTO csv_ingest_claim AS claim (path, instance, lease_until)
VALUES (?, ?, now() + make_interval(secs => ?))
ON CONFLICT (path) DO UPDATE
    SET instance = EXCLUDED.instance, claimed_at = now(), lease_until = EXCLUDED.lease_until
    WHERE claim.instance = EXCLUDED.instance OR claim.lease_until < now()
RETURNING (SELECT instance FROM previous WHERE previous.instance <> claim.instance) AS taken_over_from
