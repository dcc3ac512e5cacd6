-- Which instance is loading which inbox file, until when: several instances share one inbox, each file is loaded
-- by the one holding its claim. A claim whose lease ran out (its instance died) may be taken by another instance.
CREATE TABLE csv_ingest_claim (
    path        text        PRIMARY KEY,  -- the file's path relative to the inbox, e.g. orders/2026-11-22.csv
    instance    text        NOT NULL,     -- INSTANCE_NAME/<random per process start>
    claimed_at  timestamptz NOT NULL DEFAULT now(),
    lease_until timestamptz NOT NULL
);
