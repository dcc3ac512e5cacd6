-- Runs inside the file's transaction: the rows and "loaded" commit together, or neither does.
update csv_ingest_ledger
set status = 'loaded', rows_read = ?, rows_loaded = ?, rows_rejected = ?, rows_duplicates = ?, rows_blank = ?,
    rows_filtered = ?, finished_at = clock_timestamp()  -- now() would be when the transaction began
where id = ?
