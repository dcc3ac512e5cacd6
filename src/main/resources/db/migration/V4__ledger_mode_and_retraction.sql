-- A load's mode (append | replace | upsert: only the latest replace load of a table can be retracted), and its
-- retraction: a loaded file whose rows were taken out of its table again (status 'retracted', when, by which
-- instance, how many rows). Earlier loads keep NULL here: their mode was not recorded.
ALTER TABLE csv_ingest_ledger ADD COLUMN mode text;
ALTER TABLE csv_ingest_ledger ADD COLUMN retracted_at timestamptz;
ALTER TABLE csv_ingest_ledger ADD COLUMN retracted_by text;
ALTER TABLE csv_ingest_ledger ADD COLUMN rows_retracted bigint;
