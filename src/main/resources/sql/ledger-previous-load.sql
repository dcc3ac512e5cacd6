-- The earlier load of the same content into the same table, if any.
select file_name, finished_at
from csv_ingest_ledger
where checksum = ? and target_table = ? and status = 'loaded'
limit 1
