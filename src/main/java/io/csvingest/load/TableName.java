package io.csvingest.load;

/**
 * A target table with its schema, as every statement on it names it: schema-qualified and quoted, so that no other
 * schema on the search path ({@code pg_catalog} comes first) can stand in for it.
 */
public record TableName(String schema, String table) {

    /** {@code "schema"."table"}. */
    public String sql() {
        return Identifiers.quoteSchema(schema) + "." + Identifiers.quote(table);
    }

    /** {@code schema.table}, as logs and reports show it. */
    @Override
    public String toString() {
        return schema + "." + table;
    }
}
