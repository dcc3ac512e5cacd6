package io.csvingest.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A throw-away PostgreSQL database for one test class ({@code TEST_PG_URL}, {@code TEST_PG_USER}). */
public final class TestDatabase {

    /** The same default the test classes put in their {@code db.url} property. */
    public static final String SERVER = env("TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    public static final String USER = env("TEST_PG_USER", "postgres");

    private final String name;

    public TestDatabase(String name) {
        this.name = name;
    }

    public String url() {
        return SERVER + name;
    }

    public TestDatabase create() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        admin("CREATE DATABASE " + name);
        return this;
    }

    public void drop() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    public void execute(String sql) {
        try (Connection c = connect(url()); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Every row of a query, each as its values rendered with {@code String.valueOf}. */
    public List<List<String>> rows(String sql) {
        try (Connection c = connect(url()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * Creates {@code table} ({@code columns} as in CREATE TABLE) with a trigger that sleeps {@code seconds} after each
     * statement filling it (one per COPY or INSERT batch): a file then loads for a known least time on any machine.
     */
    public void createSlowTable(String table, String columns, double seconds) {
        execute("CREATE OR REPLACE FUNCTION slow_statement() RETURNS trigger LANGUAGE plpgsql AS"
                + " $$ BEGIN PERFORM pg_sleep(TG_ARGV[0]::float8); RETURN NULL; END $$");
        execute("CREATE TABLE " + table + " (" + columns + ")");
        execute("CREATE TRIGGER slow_statement AFTER INSERT ON " + table
                + " FOR EACH STATEMENT EXECUTE FUNCTION slow_statement('" + seconds + "')");
    }

    public long count(String table) {
        return Long.parseLong(rows("SELECT count(*) FROM " + table).get(0).get(0));
    }

    public boolean tableExists(String table) {
        return !rows("SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name = '"
                     + table.replace("'", "''") + "'").isEmpty();
    }

    /** Runs {@code sql} on the server's maintenance database (roles, databases). */
    public void admin(String sql) {
        try (Connection c = connect(SERVER + "postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A connection of the test's own to this database (as {@code TEST_PG_USER}), e.g. to hold a lock. */
    public Connection connect() throws SQLException {
        return connect(url());
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, USER, env("TEST_PG_PASSWORD", ""));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
