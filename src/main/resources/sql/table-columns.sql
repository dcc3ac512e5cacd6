-- The target table's columns in the file's target schema (named explicitly: never resolved through the search path,
-- where pg_catalog comes first), their types named as information_schema names them (a domain by its base type), and
-- whether COPY can fill the table: a plain or partitioned table without rules or row-level security (else its rows go
-- as INSERTs), and whether a batch of the column's values can go as one array parameter (a base type with an array
-- type, ',' between elements) and the element type to cast it to: without a length (bpchar, not character = char(1),
-- which would cut values short), so that storing into the column checks the length as COPY does.
-- empty: a plain table that has never held a row since it was created or truncated (no heap page at all); an upsert
-- into it needs no staging table.
-- From pg_catalog rather than information_schema: the same answer, several times faster per file.
select a.attname as column_name,
       format_type(coalesce(nullif(t.typbasetype, 0), a.atttypid), null) as data_type,
       c.relkind in ('r', 'p') and not c.relhasrules and not c.relrowsecurity as copyable,
       b.typarray <> 0 and b.typdelim = ',' and b.typcategory <> 'A' as arrayable,
       format_type(b.oid, -1) as element_type,
       c.relkind = 'r' and pg_relation_size(c.oid) = 0 as empty
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
join pg_type t on t.oid = a.atttypid
join pg_type b on b.oid = coalesce(nullif(t.typbasetype, 0), a.atttypid)
where n.nspname = :#schema
  and c.relname = :#table
  and c.relkind in ('r', 'p', 'v', 'f', 'm')
order by a.attnum
