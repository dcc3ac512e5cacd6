-- The earlier load of the same content into the same table, if any (parameters in order):
--   checksum, schema, table;
--   latest only: true for replace/upsert, where only the table's latest load says what the table holds;
--   same file only: true for reload feeds, which skip only this very file already loaded (a crash after the
--   commit, before the move) — same name, attempt started after the file was last modified.
select file_name, finished_at
from csv_ingest_ledger l
where checksum = ? and target_schema = ? and target_table = ? and status = 'loaded'
  and (not ? or id = (select max(id) from csv_ingest_ledger
                      where target_schema = l.target_schema and target_table = l.target_table
                        and status in ('loaded')))
  and (not ? or (file_name = ? and started_at > ?))
order by id desc
limit 1
