package io.csvingest.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import io.csvingest.IngestException;
import io.csvingest.clean.CleanedHeader;
import io.csvingest.clean.ColumnTypes;
import io.csvingest.clean.Coercer;
import io.csvingest.clean.RowCleaner;
import io.csvingest.clean.TypeInference;
import io.csvingest.context.FileLoad;
import io.csvingest.context.LoadContext;
import io.csvingest.feed.ColumnSpec;
import io.csvingest.feed.ColumnType;
import io.csvingest.feed.Feed;
import io.csvingest.feed.Lineage;
import io.csvingest.feed.LoadMethod;
import io.csvingest.feed.LoadMode;
import io.csvingest.feed.NewColumns;
import io.csvingest.ledger.LoadLedger;
import io.csvingest.parse.CsvSource;
import io.csvingest.parse.RecordBlock;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Plans a file's load from the target table's columns as {@code sql/table-columns.sql} read them (the body; empty
 * when there is no table): a missing table is created from the header and inferred types. The body becomes the SQL
 * that prepares the table.
 */
public class TablePlanner implements Processor {

    /** Rows read ahead to infer the column types of a new table. */
    static final int SAMPLE_ROWS = 1000;

    @Override
    public void process(Exchange exchange) {
        LoadContext context = LoadContext.of(exchange);
        FileLoad load = FileLoad.of(exchange);
        CsvSource source = CsvSource.of(exchange);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> existing = exchange.getIn().getBody(List.class);
        // a dry run (check) has no ledger entry: its plan is never run
        RowLineage lineage = context.feed().lineage().isEmpty() ? null
                : new RowLineage(context.feed().lineage(), context.find(LoadLedger.ENTRY).orElse(0L),
                        LoadContext.fileName(exchange));
        Planned planned = plan(new TableName(load.schema(), load.table()), CleanedHeader.of(exchange).columns(),
                context.feed(), existing, source::peek, lineage);
        if (planned.types() != null) {
            context.set(Coercer.TYPES, new ColumnTypes(planned.types(), planned.widenable()));
        }
        planned.added().forEach(load.tableChanges()::added);
        load.tableChanges().ignored(planned.ignored());
        context.set(TablePlan.PART, planned.plan());
        exchange.getIn().setBody(planned.plan().preparation());
    }

    /**
     * A file's plan, the types its values are checked against, per file column (null: no rows and no table, nothing
     * to check), the columns it adds to its table ({@code email text}) and those of the file it ignores, and which
     * columns may widen for a value that does not fit (those the service typed itself, or all with the feed's widen).
     */
    record Planned(TablePlan plan, List<ColumnType> types, Map<String, String> added, List<String> ignored, boolean[] widenable) {
    }

    /**
     * Plans the load of a file with these columns into {@code table}, whose existing columns {@code existing}
     * describes ({@code sql/table-columns.sql}; empty or null: no such table), the first rows read by {@code peek}.
     */
    static Planned plan(TableName table, List<String> columns, Feed feed, List<Map<String, Object>> existing,
                        IntFunction<RecordBlock> peek) {
        return plan(table, columns, feed, existing, peek, null);
    }

    /** The same, the rows also filling the feed's lineage columns ({@code lineage} null: none). */
    static Planned plan(TableName table, List<String> columns, Feed feed, List<Map<String, Object>> existing,
                        IntFunction<RecordBlock> peek, RowLineage lineage) {
        List<String> lineageInFile = columns.stream().filter(Lineage::isColumn).toList();
        if (lineage != null && !lineageInFile.isEmpty()) {
            throw new IngestException("The file has a column named " + String.join(", ", lineageInFile) + ", which the"
                                      + " feed's lineage fills itself: rename it in the header, or turn the feed's lineage off");
        }
        List<String> missingKeys = feed.keys().stream().filter(key -> !columns.contains(key)).toList();
        if (!missingKeys.isEmpty()) {
            throw new IngestException("The feed's key column(s) " + missingKeys + " are not in the file (its columns: "
                                      + String.join(", ", columns) + ")");
        }
        boolean exists = existing != null && !existing.isEmpty();
        if (exists) {
            boolean empty = existing.stream().allMatch(column -> Boolean.TRUE.equals(column.get("empty")));
            Planned planned = withLineage(existingTable(table, columns, feed, existing, peek), lineage, feed,
                    existing.stream().map(column -> String.valueOf(column.get("column_name"))).collect(Collectors.toSet()));
            return empty ? planned : staged(planned, feed);
        }
        // a header without rows says nothing about types: create no table rather than an all-text one
        List<ColumnType> types = peek.apply(1).size() > 0 ? types(columns, feed, peek.apply(SAMPLE_ROWS)) : null;
        // a new table is empty: an upsert copies straight into it (see staged)
        Planned planned = new Planned(TablePlan.of(table, columns, types, feed.mode(), feed.keys(), false, true, null), types,
                Map.of(), List.of(), inferred(columns, feed));
        return types == null ? planned : withLineage(planned, lineage, feed, Set.of());
    }

    /** The plan also filling the lineage columns, adding those the table's {@code present} columns lack. */
    private static Planned withLineage(Planned planned, RowLineage lineage, Feed feed, Set<String> present) {
        if (lineage == null) {
            return planned;
        }
        return new Planned(planned.plan().withLineage(lineage, present, feed.keys(), feed.mode()), planned.types(),
                planned.added(), planned.ignored(), planned.widenable());
    }

    /**
     * An upsert by COPY into a table that holds rows goes through a staging table ({@link TablePlan#staged()}). Into a
     * table that has never held one (new, or truncated) it copies straight in, as an append does: a batch with a key
     * the table already has (an earlier batch's, or another writer's) fails its COPY on the key and goes again as
     * INSERT ... ON CONFLICT, which updates; so the last row per key still wins, only that batch is slower.
     */
    private static Planned staged(Planned planned, Feed feed) {
        if (feed.mode() != LoadMode.UPSERT || feed.method() != LoadMethod.COPY || !planned.plan().copyable()) {
            return planned;
        }
        return new Planned(planned.plan().staged(), planned.types(), planned.added(), planned.ignored(), planned.widenable());
    }

    /**
     * A file into a table that exists: by column name; its columns the table lacks are added (typed as mapped or
     * inferred), ignored or refused, as the feed's {@code newColumns} says. A file without rows adds nothing.
     */
    private static Planned existingTable(TableName table, List<String> columns, Feed feed, List<Map<String, Object>> existing,
                                         IntFunction<RecordBlock> peek) {
        Set<String> present = existing.stream().map(column -> String.valueOf(column.get("column_name")))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> missing = columns.stream().filter(column -> !present.contains(column)).toList();
        boolean copyable = existing.stream().allMatch(column -> Boolean.TRUE.equals(column.get("copyable")));
        if (missing.isEmpty()) {
            List<Map<String, Object>> described = inFileOrder(columns, existing);
            return new Planned(TablePlan.of(table, columns, null, feed.mode(), feed.keys(), true, copyable, arrayTypes(described)),
                    existingTypes(described), Map.of(), List.of(), widenAll(columns, feed));
        }
        boolean noRows = peek.apply(1).size() == 0;
        if (feed.newColumns() == NewColumns.REJECT) {
            throw new IngestException("Table " + table + " has no column " + String.join(", ", missing) + " (its columns: "
                                      + String.join(", ", present) + "). Rename the CSV header, add the column to the"
                                      + " table, load the file into another table, or set the feed's newColumns to add"
                                      + " or ignore.");
        }
        if (feed.newColumns() == NewColumns.IGNORE || noRows) {
            List<String> known = columns.stream().filter(present::contains).toList();
            List<Map<String, Object>> described = inFileOrder(known, existing);
            TablePlan plan = TablePlan.of(table, known, null, feed.mode(), feed.keys(), true, copyable, arrayTypes(described))
                    .from(columns);
            List<ColumnType> types = new ArrayList<>(Collections.nCopies(columns.size(), ColumnType.TEXT));
            List<ColumnType> knownTypes = existingTypes(described);
            for (int i = 0; i < known.size(); i++) {
                types.set(plan.field(i), knownTypes.get(i));
            }
            return new Planned(plan, types, Map.of(), noRows ? List.of() : missing, widenAll(columns, feed));
        }
        List<ColumnType> inferred = types(columns, feed, peek.apply(SAMPLE_ROWS));
        List<ColumnType> types = new ArrayList<>();
        List<String> elementTypes = new ArrayList<>();
        List<String> alters = new ArrayList<>();
        Map<String, String> added = new LinkedHashMap<>();
        List<Map<String, Object>> described = inFileOrder(columns, existing);
        boolean arrayable = true;
        boolean[] widenable = widenAll(columns, feed);
        boolean[] inferredTypes = inferred(columns, feed);
        for (int i = 0; i < columns.size(); i++) {
            Map<String, Object> column = described.get(i);
            if (column == null) {
                widenable[i] = inferredTypes[i];
                types.add(inferred.get(i));
                elementTypes.add(inferred.get(i).sql());
                alters.add("ALTER TABLE " + table.sql() + " ADD COLUMN IF NOT EXISTS " + Identifiers.quote(columns.get(i))
                           + " " + inferred.get(i).sql());
                added.put(columns.get(i), inferred.get(i).sql());
            } else {
                types.add(ColumnType.fromDataType(String.valueOf(column.get("data_type"))));
                elementTypes.add(String.valueOf(column.get("element_type")));
                arrayable &= Boolean.TRUE.equals(column.get("arrayable"));
            }
        }
        TablePlan plan = TablePlan.of(table, columns, null, feed.mode(), feed.keys(), true, copyable,
                arrayable ? elementTypes : null).preparedFirstBy(alters);
        return new Planned(plan, types, added, List.of(), widenable);
    }

    /** Columns whose type the service infers (the feed declares none; or every column, with the feed's widen). */
    private static boolean[] inferred(List<String> columns, Feed feed) {
        boolean[] inferred = widenAll(columns, feed);
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            inferred[i] |= feed.columns().stream().noneMatch(spec -> spec.target().equals(column) && spec.type() != null);
        }
        return inferred;
    }

    /** Every column when the feed says widen, else none. */
    private static boolean[] widenAll(List<String> columns, Feed feed) {
        boolean[] all = new boolean[columns.size()];
        Arrays.fill(all, feed.widen());
        return all;
    }

    /** The feed's declared types, else types inferred from the first rows. */
    private static List<ColumnType> types(List<String> columns, Feed feed, RecordBlock peeked) {
        RowCleaner cleaner = new RowCleaner(feed.cleaning());
        List<String[]> sample = new ArrayList<>();
        for (int r = 0; r < Math.min(peeked.size(), SAMPLE_ROWS); r++) {
            cleaner.clean(peeked, r);
            sample.add(peeked.values(r));
        }
        List<ColumnType> types = new ArrayList<>(TypeInference.infer(columns.size(), sample, feed.formats()));
        for (ColumnSpec spec : feed.columns()) {
            if (spec.type() != null) {
                types.set(columns.indexOf(spec.target()), spec.type());
            }
        }
        return types;
    }

    /**
     * The existing table's columns as {@code sql/table-columns.sql} describes them, in the file's column order (null
     * for a column of the file the table lacks).
     */
    private static List<Map<String, Object>> inFileOrder(List<String> columns, List<Map<String, Object>> existing) {
        Map<String, Map<String, Object>> byName = existing.stream().collect(Collectors.toMap(
                column -> String.valueOf(column.get("column_name")), column -> column));
        return columns.stream().map(byName::get).toList();
    }

    /** What the existing columns take. */
    private static List<ColumnType> existingTypes(List<Map<String, Object>> described) {
        return described.stream().map(column -> ColumnType.fromDataType(String.valueOf(column.get("data_type")))).toList();
    }

    /** The existing columns' element type names, or null when one of them cannot be an array element. */
    private static List<String> arrayTypes(List<Map<String, Object>> described) {
        if (!described.stream().allMatch(column -> Boolean.TRUE.equals(column.get("arrayable")))) {
            return null;
        }
        return described.stream().map(column -> String.valueOf(column.get("element_type"))).toList();
    }
}
