-- An attempt that did not load: duplicate, dead-lettered, waiting (database unreachable) or interrupted.
update csv_ingest_ledger
set status = ?, error = ?, finished_at = now()
where id = ?
