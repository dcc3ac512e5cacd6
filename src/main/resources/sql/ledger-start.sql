-- A new attempt: recorded at once (outside the file's transaction), so a failed or interrupted attempt stays visible.
insert into csv_ingest_ledger (file_name, checksum, size_bytes, feed, target_schema, target_table, mode, status, instance)
values (?, ?, ?, ?, ?, ?, ?, 'started', ?)
returning id
