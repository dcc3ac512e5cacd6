-- The ledger names a load's target table with its schema: tables of the same name in two schemas are two tables.
-- Earlier loads went into the schema the service's user had by default, which is the one this migration runs in.
ALTER TABLE csv_ingest_ledger ADD COLUMN target_schema text;
UPDATE csv_ingest_ledger SET target_schema = current_schema();
ALTER TABLE csv_ingest_ledger ALTER COLUMN target_schema SET NOT NULL;

DROP INDEX csv_ingest_ledger_loaded;
CREATE INDEX csv_ingest_ledger_loaded ON csv_ingest_ledger (checksum, target_schema, target_table) WHERE status = 'loaded';
