-- The file has left the inbox (or stays there to be retried later): let it go.
DELETE FROM csv_ingest_claim WHERE path = ? AND instance = ?
