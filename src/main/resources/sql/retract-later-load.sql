-- A load into the same table after the given one, still loaded: it holds the table now (what a replace load cannot be retracted under).
select id, file_name
from csv_ingest_ledger
where target_schema = ? and target_table = ? and status = 'loaded' and id > ?
order by id
limit 1
