-- The load to retract, locked in the retraction's transaction: of two retractions of one load, the second sees the first's.
select id, file_name, target_schema, target_table, status, mode, rows_loaded, retracted_at, retracted_by,
       to_regclass(quote_ident(target_schema) || '.' || quote_ident(target_table)) is not null as table_exists,
       exists (select 1 from pg_attribute
               where attrelid = to_regclass(quote_ident(target_schema) || '.' || quote_ident(target_table))
                 and attname = '_load_id' and not attisdropped) as has_lineage
from csv_ingest_ledger
where id = ?
for update
