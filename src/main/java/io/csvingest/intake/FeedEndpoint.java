package io.csvingest.intake;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.csvingest.feed.Cleaning;
import io.csvingest.feed.ColumnSpec;
import io.csvingest.feed.Dialect;
import io.csvingest.feed.Feed;
import io.csvingest.feed.FileOrder;
import io.csvingest.feed.Folders;
import io.csvingest.feed.Lineage;
import io.csvingest.feed.LoadMethod;
import io.csvingest.feed.LoadMode;
import io.csvingest.feed.Names;
import io.csvingest.feed.NewColumns;
import io.csvingest.feed.RejectLimit;
import io.csvingest.feed.ReservedNames;
import io.csvingest.feed.ValueFormats;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Loads the CSV files dropped into an inbox folder into PostgreSQL tables: which files a feed takes and how they load.
 * Each option is checked as it is set (a bad value refuses the feed with the reason); the consumer watches the inbox
 * through camel-file. The options' Javadoc below is their user documentation.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "feed", title = "CSV feed", syntax = "feed:name", consumerOnly = true,
             remote = false, category = {Category.FILE, Category.DATABASE})
public class FeedEndpoint extends DefaultEndpoint {

    static final String DEFAULT_INCLUDE = "(?i).*\\.csv(\\.gz)?";

    @UriPath(description = "The feed's name: letters, digits, '-' or '_', unique among the feeds")
    @Metadata(required = true)
    private final String name;
    @UriParam(defaultValue = DEFAULT_INCLUDE)
    private String include = DEFAULT_INCLUDE;
    @UriParam
    private String folder;
    @UriParam
    private String schema;
    @UriParam
    private String table;
    @UriParam(defaultValue = "append", enums = "append,replace,upsert")
    private String mode = "append";
    @UriParam(defaultValue = "name", enums = "name,modified")
    private String fileOrder = FileOrder.NAME.option();
    @UriParam(defaultValue = "add", enums = "add,ignore,reject")
    private String newColumns = NewColumns.ADD.option();
    @UriParam(defaultValue = "false")
    private boolean widen;
    @UriParam(defaultValue = "false")
    private String lineage = "false";
    @UriParam(enums = "copy,insert")
    private String method = LoadMethod.COPY.option();
    @UriParam
    private String keys;
    @UriParam
    private String columns;
    @UriParam(defaultValue = "true")
    private boolean trim = true;
    @UriParam(defaultValue = "NULL,null,N/A,n/a")
    private String nullValues;
    @UriParam(defaultValue = "false")
    private boolean quotedEmptyAsNull;
    @UriParam(defaultValue = "true")
    private boolean dropDuplicates = true;
    @UriParam(defaultValue = "auto")
    private String delimiter = "auto";
    @UriParam(defaultValue = "UTF-8")
    private String charset = "UTF-8";
    @UriParam
    private String maxRejects;
    @UriParam
    private String thousandsSeparator;
    @UriParam(defaultValue = ".")
    private String decimalSeparator = ".";
    @UriParam
    private String dateFormat;
    @UriParam
    private String timestampFormat;
    @UriParam
    private int batchSize;
    @UriParam(defaultValue = "2")
    private int concurrentFiles = 2;
    private boolean concurrentFilesSet;
    @UriParam
    private String rowSteps;
    @UriParam(defaultValue = "false")
    private boolean reload;
    @UriParam(defaultValue = "false")
    private boolean fallback;

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
        formats();
        LoadMode loadMode = LoadMode.parse(mode);
        if (loadMode == LoadMode.UPSERT && keyList().isEmpty()) {
            throw new IllegalArgumentException("Feed '" + name + "' has mode upsert but no keys (e.g. keys: order_id)");
        }
        if (concurrentFiles < 1) {
            throw new IllegalArgumentException("Feed '" + name + "' has concurrentFiles " + concurrentFiles + ": at least 1");
        }
        if (loadMode != LoadMode.APPEND && concurrentFilesSet && concurrentFiles > 1) {
            throw new IllegalArgumentException("Feed '" + name + "' has mode " + mode + ", whose files load one at a time"
                                               + " per table, in order: concurrentFiles is for append feeds");
        }
    }

    /** What the options say, as the model every step of a file's load reads. */
    Feed feed(Folders folders) {
        LoadMode loadMode = LoadMode.parse(mode);
        LoadMethod loadMethod = LoadMethod.parse(method);
        Cleaning cleaning = Cleaning.DEFAULT.withTrim(trim).withDropDuplicates(dropDuplicates)
                .withQuotedEmptyAsNull(quotedEmptyAsNull);
        if (nullValues != null) {
            cleaning = cleaning.withNullValues(nullValues);
        }
        return new Feed(name, schema, table, loadMode, loadMethod, keyList(),
                columns == null ? List.of() : ColumnSpec.parseAll(columns), cleaning, formats(), dialect(),
                maxRejects == null ? RejectLimit.NONE : RejectLimit.parse(maxRejects), batchSize, rowSteps, reload, folders,
                NewColumns.parse(newColumns), widen, Lineage.parse(lineage));
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        FeedComponent component = (FeedComponent) getComponent();
        Folders folders = component.folders();
        Path watched = folder == null ? folders.inbox() : folders.inbox().resolve(folder);
        Feed feed = feed(folders);
        // a file name is one piece of text: . matches any character of it (a line break too)
        FeedRegistry.Scope scope = new FeedRegistry.Scope(name, watched, Pattern.compile(include, Pattern.DOTALL), fallback);
        FeedActivity activity = new FeedActivity(name);
        boolean append = feed.mode() == LoadMode.APPEND;
        return new FeedConsumer(this, new FeedProcessor(processor, feed, activity), component.registry(), scope, activity,
                component.filesEndpoint(watched, name, activity, append ? null : FileOrder.parse(fileOrder), feed.table()),
                append ? concurrentFiles : 1);
    }

    private List<String> keyList() {
        return keys == null ? List.of() : Arrays.stream(keys.split(",")).map(String::strip).filter(k -> !k.isEmpty())
                .map(Names::snakeCase).toList();
    }

    private ValueFormats formats() {
        ValueFormats formats = ValueFormats.DEFAULT.withDecimalSeparator(decimalSeparator);
        formats = thousandsSeparator == null ? formats : formats.withThousandsSeparator(thousandsSeparator);
        formats = dateFormat == null ? formats : formats.withDateFormat(dateFormat);
        return timestampFormat == null ? formats : formats.withTimestampFormat(timestampFormat);
    }

    private Dialect dialect() {
        return Dialect.DEFAULT.withDelimiter(delimiter).withCharset(charset).withQuotePadding(trim);
    }

    /** The service-wide default ({@code CONCURRENT_FILES}), for feeds that set none of their own. */
    void defaultConcurrentFiles(int concurrentFiles) {
        this.concurrentFiles = concurrentFiles;
    }

    /** The service-wide default ({@code LOAD_METHOD}), for feeds that set no method of their own. */
    void defaultMethod(LoadMethod method) {
        this.method = method.option();
    }

    public String getName() {
        return name;
    }

    public String getInclude() {
        return include;
    }

    /**
     * Regular expression the whole file name must match, e.g. {@code orders-.*\.csv}; {@code .} matches any character
     * of a name, a line break too.
     */
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

    /**
     * A subfolder of the inbox this feed watches instead of the inbox itself, e.g. {@code sensors} watches {@code
     * inbox/sensors/} (a real folder: one that is a symbolic link is never read through).
     */
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
     * The schema the feed's tables are in: looked up, created, locked, loaded, emptied and upserted there, always by
     * this schema-qualified name. It must exist. Default: the database's default schema for the service's user (the
     * first schema of its search_path that exists: public, or one named like the user), where the load ledger is too.
     * pg_catalog, information_schema, pg_toast and any pg_* schema are refused.
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

    /**
     * Target table, a lower_snake_case name; default: named after the file ({@code Sales 2024.csv} loads into {@code
     * sales_2024}). The service's own tables and names starting with pg_ are refused.
     */
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
        return mode;
    }

    /**
     * How a file's rows meet the table: append adds them; replace makes the table's rows exactly the file's, in one
     * transaction; upsert inserts new keys and updates existing ones (INSERT ... ON CONFLICT (keys) DO UPDATE).
     */
    public void setMode(String mode) {
        this.mode = LoadMode.parse(mode).option();
    }

    public String getFileOrder() {
        return fileOrder;
    }

    /**
     * The order a replace or upsert feed's files load in, one at a time per table, across all instances sharing the
     * inbox: name (prices-2026-12-01.csv before prices-2026-12-02.csv) or modified (oldest first). A file waits while
     * one before it is waiting or loading. Append feeds take their files in any order, several at once.
     */
    public void setFileOrder(String fileOrder) {
        this.fileOrder = FileOrder.parse(fileOrder).option();
    }

    public String getNewColumns() {
        return newColumns;
    }

    /**
     * What a file's columns that its existing table lacks do: add (the default) adds them in the file's transaction,
     * typed as the feed's columns map them or as inferred from the file; ignore loads the other columns and counts the
     * dropped values in the report; reject dead-letters the file, naming them.
     */
    public void setNewColumns(String newColumns) {
        this.newColumns = NewColumns.parse(newColumns).option();
    }

    public boolean isWiden() {
        return widen;
    }

    /**
     * Whether a value that does not fit a column of a table that existed before the file widens the column (bigint to
     * numeric to text, date to timestamp to timestamptz to text, boolean to text) in the file's transaction instead
     * of rejecting its row. A table the file's own transaction created always widens: no row is ever rejected for a
     * type the service chose itself.
     */
    public void setWiden(boolean widen) {
        this.widen = widen;
    }

    public String getLineage() {
        return lineage;
    }

    /**
     * Lineage columns each loaded row gets, filled by the service: {@code true} adds {@code _load_id} (the id of the
     * load's row in {@code csv_ingest_ledger}); a list of {@code load}, {@code file}, {@code line} adds those of
     * {@code _load_id}, {@code _source_file} (the file's name) and {@code _source_line} (the line its record starts
     * on). A table that lacks them gets them in the file's transaction; an upsert sets them to the latest load's.
     * Default false: no lineage columns.
     */
    public void setLineage(String lineage) {
        Lineage.parse(lineage);
        this.lineage = lineage;
    }

    public String getMethod() {
        return method;
    }

    /**
     * How rows travel: copy (COPY FROM STDIN, the fastest; an upsert copies each batch into a temporary staging table
     * and merges it with one INSERT ... SELECT ... ON CONFLICT) or insert (camel-sql, one INSERT of the whole batch, an
     * array per column). Default: the service-wide LOAD_METHOD.
     */
    public void setMethod(String method) {
        this.method = LoadMethod.parse(method).option();
    }

    public String getKeys() {
        return keys;
    }

    /** Key columns for upsert, comma-separated, e.g. {@code order_id} or {@code sensor_id, measured_at}. */
    public void setKeys(String keys) {
        this.keys = keys;
    }

    public String getColumns() {
        return columns;
    }

    /**
     * Header-to-column mapping with types, comma-separated entries {@code Header[=column][:type]}, e.g. {@code Order
     * ID=order_id:bigint, total:numeric, Customer Name=customer}.
     */
    public void setColumns(String columns) {
        ColumnSpec.parseAll(columns);
        this.columns = columns;
    }

    public boolean isTrim() {
        return trim;
    }

    /**
     * Whether values are trimmed of surrounding white space (quoted ones too), and white space before an opening or
     * after a closing quote is padding ({@code 1, "x,y"} holds {@code x,y}); false reads the file strictly (RFC 4180:
     * a value that does not start with its quote is unquoted text, quotes included).
     */
    public void setTrim(boolean trim) {
        this.trim = trim;
    }

    public String getNullValues() {
        return nullValues;
    }

    /**
     * Values read as NULL, comma-separated; replaces the default list. An empty unquoted value is always NULL; a quoted
     * empty one ({@code ""}) see {@code quotedEmptyAsNull}.
     */
    public void setNullValues(String nullValues) {
        this.nullValues = nullValues;
    }

    public boolean isQuotedEmptyAsNull() {
        return quotedEmptyAsNull;
    }

    /**
     * Whether a quoted empty value ({@code ""}) is NULL like an empty unquoted one. Default false: PostgreSQL's CSV
     * rule, a text column keeps it as an empty string (a column of any other type reads it as NULL).
     */
    public void setQuotedEmptyAsNull(boolean quotedEmptyAsNull) {
        this.quotedEmptyAsNull = quotedEmptyAsNull;
    }

    public boolean isDropDuplicates() {
        return dropDuplicates;
    }

    /** Whether rows identical to an earlier row of the same file are dropped (and counted). */
    public void setDropDuplicates(boolean dropDuplicates) {
        this.dropDuplicates = dropDuplicates;
    }

    public String getDelimiter() {
        return delimiter;
    }

    /** {@code ,} {@code ;} {@code |} {@code tab}, or {@code auto}: the one seen most often in the header line. */
    public void setDelimiter(String delimiter) {
        Dialect.DEFAULT.withDelimiter(delimiter);
        this.delimiter = delimiter;
    }

    public String getCharset() {
        return charset;
    }

    /** The files' character encoding, e.g. {@code windows-1252}; a byte order mark decides instead. */
    public void setCharset(String charset) {
        Dialect.DEFAULT.withCharset(charset);
        this.charset = charset;
    }

    public String getMaxRejects() {
        return maxRejects;
    }

    /**
     * Most rows a file may have rejected before the whole file is dead-lettered instead: a count ({@code 100}) or a
     * share of the rows read ({@code 2%}). Default: no limit.
     */
    public void setMaxRejects(String maxRejects) {
        RejectLimit.parse(maxRejects);
        this.maxRejects = maxRejects;
    }

    public String getThousandsSeparator() {
        return thousandsSeparator;
    }

    /** Grouping character in numbers, e.g. {@code ,} for {@code 1,234.50}. Default: none. */
    public void setThousandsSeparator(String separator) {
        this.thousandsSeparator = separator; // checked with the decimal separator in validate()
    }

    public String getDecimalSeparator() {
        return decimalSeparator;
    }

    /** Decimal point in numbers, e.g. {@code ,} for {@code 1.234,50}. */
    public void setDecimalSeparator(String separator) {
        this.decimalSeparator = separator; // checked with the thousands separator in validate()
    }

    public String getDateFormat() {
        return dateFormat;
    }

    /** A date pattern accepted besides ISO {@code yyyy-MM-dd}, e.g. {@code dd/MM/yyyy} (strict: 31/02 is refused). */
    public void setDateFormat(String pattern) {
        ValueFormats.DEFAULT.withDateFormat(pattern);
        this.dateFormat = pattern;
    }

    public String getTimestampFormat() {
        return timestampFormat;
    }

    /** A timestamp pattern accepted besides ISO, e.g. {@code dd/MM/yyyy HH:mm}. */
    public void setTimestampFormat(String pattern) {
        ValueFormats.DEFAULT.withTimestampFormat(pattern);
        this.timestampFormat = pattern;
    }

    public int getBatchSize() {
        return batchSize;
    }

    /** Rows per batch (COPY or INSERT), each in a savepoint of the file's transaction. Default: BATCH_SIZE. */
    public void setBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        this.batchSize = batchSize;
    }

    public int getConcurrentFiles() {
        return concurrentFiles;
    }

    /**
     * How many of an append feed's files load at once, each in its own transaction (default CONCURRENT_FILES, 2: fits
     * two cores). Files over 8 MB load one at a time all the same. Replace and upsert feeds load one file at a time
     * per table, in order.
     */
    public void setConcurrentFiles(int concurrentFiles) {
        this.concurrentFiles = concurrentFiles;
        this.concurrentFilesSet = true;
    }

    public String getRowSteps() {
        return rowSteps;
    }

    /** A direct: route every row passes through before it is loaded (filter, transform), e.g. {@code direct:orders-rows}. */
    public void setRowSteps(String rowSteps) {
        if (!rowSteps.startsWith("direct:")) {
            throw new IllegalArgumentException("rowSteps must name a direct: route, e.g. direct:orders-rows");
        }
        this.rowSteps = rowSteps;
    }

    public boolean isReload() {
        return reload;
    }

    /**
     * Load a file even when the table already got the same content (SHA-256); by default such a file is skipped and
     * moved to the outbox marked duplicate. Even with reload, the very same file is not loaded twice.
     */
    public void setReload(boolean reload) {
        this.reload = reload;
    }

    public boolean isFallback() {
        return fallback;
    }

    /** A fallback feed (the zero-config one) takes only files no other running feed matches. */
    public void setFallback(boolean fallback) {
        this.fallback = fallback;
    }
}
