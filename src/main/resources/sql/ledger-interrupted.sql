-- Attempts of this instance left "started" by a crash or a lost database: none of them is running any more.
update csv_ingest_ledger
set status = 'interrupted', finished_at = now(), error = 'interrupted (process stopped or database lost); loaded again later'
where status = 'started' and instance = ?
