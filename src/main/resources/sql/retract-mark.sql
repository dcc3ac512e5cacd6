-- The load's rows are out of its table again: in the retraction's transaction, so it commits with the DELETE.
update csv_ingest_ledger
set status = 'retracted', retracted_at = now(), retracted_by = ?, rows_retracted = ?
where id = ?
returning retracted_at
