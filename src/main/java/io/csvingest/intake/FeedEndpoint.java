package io.csvingest.intake;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.csvingest.clean.HeaderNormalizer;
import io.csvingest.feed.Cleaning;
import io.csvingest.feed.ColumnSpec;
import io.csvingest.feed.Dialect;
import io.csvingest.feed.Feed;
import io.csvingest.feed.Folders;
import io.csvingest.feed.LoadMethod;
import io.csvingest.feed.LoadMode;
import io.csvingest.feed.Names;
import io.csvingest.feed.RejectLimit;
import io.csvingest.feed.ReservedNames;
import io.csvingest.feed.ValueFormats;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** {@code feed:name?include=...&table=...&mode=...}: one feed's options; its consumer watches the inbox via camel-file. */
public class FeedEndpoint extends DefaultEndpoint {

    private final String name;
    private String include = "(?i).*\\.csv(\\.gz)?";
    private String folder;
    private String schema;
    private String table;
    private LoadMode mode = LoadMode.APPEND;
    private LoadMethod method;
    private boolean methodSet;
    private List<String> keys = List.of();
    private List<ColumnSpec> columns = List.of();
    private Cleaning cleaning = Cleaning.DEFAULT;
    private ValueFormats formats = ValueFormats.DEFAULT;
    private Dialect dialect = Dialect.DEFAULT;
    private RejectLimit maxRejects = RejectLimit.NONE;
    private int batchSize;
    private String rowSteps;
    private boolean fallback;
    private boolean reload;

    FeedEndpoint(String uri, FeedComponent component, String name) {
        super(uri, component);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("Feed name '" + name + "' must be letters, digits, '-' or '_'");
        }
        this.name = name;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("feed: is a consumer only; use it in from:");
    }

    /** Checks the options together, once all are set. */
    void validate() {
        if (mode == LoadMode.UPSERT && keys.isEmpty()) {
            throw new IllegalArgumentException("Feed '" + name + "' has mode upsert but no keys (e.g. keys: order_id)");
        }
        if (mode == LoadMode.UPSERT && methodSet && method == LoadMethod.COPY) {
            throw new IllegalArgumentException("Feed '" + name + "' has mode upsert, which loads through INSERT ... ON"
                                               + " CONFLICT: method copy is for append and replace");
        }
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        FeedComponent component = (FeedComponent) getComponent();
        Folders folders = component.folders();
        Path watched = folder == null ? folders.inbox() : folders.inbox().resolve(folder);
        LoadMethod effective = mode == LoadMode.UPSERT ? LoadMethod.INSERT : method;
        Feed feed = new Feed(name, schema, table, mode, effective, keys, columns, cleaning, formats, dialect, maxRejects, batchSize, rowSteps,
                reload, folders);
        // a file name is one piece of text: . matches any character of it (a line break too)
        FeedRegistry.Claim claim = new FeedRegistry.Claim(name, watched, Pattern.compile(include, Pattern.DOTALL), fallback);
        FeedActivity activity = new FeedActivity(name);
        return new FeedConsumer(this, new FeedProcessor(processor, feed, activity), component.registry(), claim, activity,
                component.filesEndpoint(watched, name, activity));
    }

    public String getName() {
        return name;
    }

    public String getInclude() {
        return include;
    }

    /** Regular expression for the file names this feed takes, e.g. {@code orders-.*\.csv}. */
    public void setInclude(String include) {
        try {
            Pattern.compile(include);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("include is not a valid regular expression: " + e.getDescription(), e);
        }
        this.include = include;
    }

    public String getFolder() {
        return folder;
    }

    /** A subfolder of the inbox this feed watches instead of the inbox itself, e.g. {@code orders}. */
    public void setFolder(String folder) {
        if (!folder.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("folder '" + folder + "' must be one plain subfolder name of the inbox");
        }
        this.folder = folder;
    }

    public String getSchema() {
        return schema;
    }

    /**
     * The schema the feed's tables are in (looked up, created, locked and loaded there, always by this qualified
     * name); default: the database's default schema for the service's user, where the load ledger is too (usually
     * {@code public}). PostgreSQL's own schemas are refused.
     */
    public void setSchema(String schema) {
        ReservedNames.schemaProblem(schema).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        this.schema = schema;
    }

    public String getTable() {
        return table;
    }

    /** Target table; when unset the table is named after the file ({@code sales.csv} loads into {@code sales}). */
    public void setTable(String table) {
        if (!table.equals(Names.snakeCase(table))) {
            throw new IllegalArgumentException("table '" + table + "' must be a lower_snake_case name such as "
                                               + Names.snakeCase(table));
        }
        ReservedNames.tableProblem(table).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        this.table = table;
    }

    public String getMode() {
        return mode.option();
    }

    /** {@code append} (default), {@code replace} or {@code upsert}. */
    public void setMode(String mode) {
        this.mode = LoadMode.parse(mode);
    }

    public String getKeys() {
        return String.join(",", keys);
    }

    /** Key columns for {@code upsert}, comma-separated, e.g. {@code order_id} or {@code sensor_id,measured_at}. */
    public void setKeys(String keys) {
        this.keys = Arrays.stream(keys.split(",")).map(String::strip).filter(k -> !k.isEmpty())
                .map(Names::snakeCase).toList();
    }

    public String getColumns() {
        return columns.toString();
    }

    /** Header-to-column mapping with types, see {@link ColumnSpec#parseAll}. */
    public void setColumns(String columns) {
        this.columns = ColumnSpec.parseAll(columns);
    }

    public boolean isTrim() {
        return cleaning.trim();
    }

    /** Whether values are trimmed of surrounding white space (default true). */
    public void setTrim(boolean trim) {
        cleaning = cleaning.withTrim(trim);
    }

    public String getNullValues() {
        return String.join(",", cleaning.nullValues());
    }

    /** Values read as NULL, comma-separated (default {@code NULL,null,N/A,n/a}); an empty value is always NULL. */
    public void setNullValues(String nullValues) {
        cleaning = cleaning.withNullValues(nullValues);
    }

    public boolean isDropDuplicates() {
        return cleaning.dropDuplicates();
    }

    /** Whether exact duplicate rows within a file are dropped and counted (default true). */
    public void setDropDuplicates(boolean dropDuplicates) {
        cleaning = cleaning.withDropDuplicates(dropDuplicates);
    }

    public String getDelimiter() {
        return dialect.delimiter() == null ? "auto" : dialect.delimiter().toString();
    }

    /** {@code ,} {@code ;} {@code |} {@code tab}, or {@code auto} (default: detected from the header line). */
    public void setDelimiter(String delimiter) {
        dialect = dialect.withDelimiter(delimiter);
    }

    public String getCharset() {
        return dialect.charset().name();
    }

    /** The files' character encoding, e.g. {@code windows-1252} (default UTF-8; a UTF-8 BOM is skipped). */
    public void setCharset(String charset) {
        dialect = dialect.withCharset(charset);
    }

    public String getMaxRejects() {
        return maxRejects.toString();
    }

    /** Most rows a file may have rejected before it is dead-lettered instead: {@code 100} or {@code 2%} (default: no limit). */
    public void setMaxRejects(String maxRejects) {
        this.maxRejects = RejectLimit.parse(maxRejects);
    }

    public String getThousandsSeparator() {
        return formats.thousands() == null ? "" : formats.thousands().toString();
    }

    /** Grouping character in numbers, e.g. {@code ,} for {@code 1,234.50} (default: none). */
    public void setThousandsSeparator(String separator) {
        formats = formats.withThousandsSeparator(separator);
    }

    public String getDecimalSeparator() {
        return String.valueOf(formats.decimal());
    }

    /** Decimal point in numbers, e.g. {@code ,} for {@code 1.234,50} (default {@code .}). */
    public void setDecimalSeparator(String separator) {
        formats = formats.withDecimalSeparator(separator);
    }

    public String getDateFormat() {
        return formats.datePattern();
    }

    /** A date pattern accepted besides ISO {@code yyyy-MM-dd}, e.g. {@code dd/MM/yyyy}. */
    public void setDateFormat(String pattern) {
        formats = formats.withDateFormat(pattern);
    }

    public String getTimestampFormat() {
        return formats.timestampPattern();
    }

    /** A timestamp pattern accepted besides ISO, e.g. {@code dd/MM/yyyy HH:mm}. */
    public void setTimestampFormat(String pattern) {
        formats = formats.withTimestampFormat(pattern);
    }

    public int getBatchSize() {
        return batchSize;
    }

    /** Rows per INSERT batch; defaults to the service-wide {@code BATCH_SIZE}. */
    public void setBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        this.batchSize = batchSize;
    }

    public String getMethod() {
        return method.option();
    }

    /**
     * {@code copy} (COPY through PgJDBC, the default for append and replace) or {@code insert} (camel-sql batches);
     * upsert always inserts. Defaults to the service-wide {@code LOAD_METHOD}.
     */
    public void setMethod(String method) {
        this.method = LoadMethod.parse(method);
        this.methodSet = true;
    }

    /** The service-wide default, which upsert feeds silently leave for INSERT. */
    void defaultMethod(LoadMethod method) {
        this.method = method;
    }

    public String getRowSteps() {
        return rowSteps;
    }

    /** A {@code direct:} route every row passes through before loading (filter, transform); see routes/README.md. */
    public void setRowSteps(String rowSteps) {
        if (!rowSteps.startsWith("direct:")) {
            throw new IllegalArgumentException("rowSteps must name a direct: route, e.g. direct:orders-rows");
        }
        this.rowSteps = rowSteps;
    }

    public boolean isReload() {
        return reload;
    }

    /** Load a file even when the same content was loaded into the table before (default false: skip it as duplicate). */
    public void setReload(boolean reload) {
        this.reload = reload;
    }

    public boolean isFallback() {
        return fallback;
    }

    /** A fallback feed (zero-config) takes only files that no other running feed matches. */
    public void setFallback(boolean fallback) {
        this.fallback = fallback;
    }
}
