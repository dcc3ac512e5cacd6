-- The load ledger: one row per attempt to load a file. Answers "what was loaded, when, and what failed" with SQL.
CREATE TABLE csv_ingest_ledger (
    id              bigserial PRIMARY KEY,
    file_name       text        NOT NULL,
    checksum        text        NOT NULL,  -- SHA-256 of the file's bytes, hex
    size_bytes      bigint      NOT NULL,
    feed            text        NOT NULL,
    target_table    text        NOT NULL,
    -- started | loaded | duplicate | dead-lettered | waiting | interrupted
    status          text        NOT NULL,
    rows_read       bigint,
    rows_loaded     bigint,
    rows_rejected   bigint,
    rows_duplicates bigint,
    rows_blank      bigint,
    rows_filtered   bigint,
    started_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    error           text,
    instance        text        NOT NULL
);

-- finds an earlier load of the same content into the same table (duplicate files)
CREATE INDEX csv_ingest_ledger_loaded ON csv_ingest_ledger (checksum, target_table) WHERE status = 'loaded';
CREATE INDEX csv_ingest_ledger_started ON csv_ingest_ledger (started_at);
