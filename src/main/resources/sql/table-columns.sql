-- The target table's columns in the schema new tables are created in (the first schema on search_path).
select column_name, data_type
from information_schema.columns
where table_schema = current_schema()
  and table_name = :#${exchangeProperty.CsvIngestTable}
order by ordinal_position
