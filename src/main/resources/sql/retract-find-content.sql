-- The loads of a file's content (by its SHA-256), loaded or retracted, oldest first: which load a dropped file names.
select id, status, target_schema || '.' || target_table as target, retracted_at
from csv_ingest_ledger
where checksum = ? and status in ('loaded', 'retracted')
order by id
