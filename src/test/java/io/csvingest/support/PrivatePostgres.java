package io.csvingest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own that checks passwords (scram-sha-256 for every connection): the machine's
 * server trusts its clients, so only here does a wrong password fail and a right one prove anything.
 */
public final class PrivatePostgres implements AutoCloseable {

    /** The cluster's superuser. */
    public static final String ADMIN = "csv_ingest_admin";
    /** initdb refuses to run as root: as root, the cluster runs as this OS user (the Debian packages create it). */
    private static final String OS_USER = "postgres";

    private final Path bin;
    private final Path root;
    private final Path data;
    private final Path sockets;
    private final boolean asOsUser;
    private final String adminPassword = "admin-" + UUID.randomUUID();
    private final Thread stopOnExit = new Thread(this::stop, "private-postgres-stop");
    private int port;
    /** The postmaster, a child of this JVM (pg_ctl start would detach it): stopped with pg_ctl, then waited for. */
    private Process server;

    private PrivatePostgres(Path bin, Path root, boolean asOsUser) {
        this.bin = bin;
        this.root = root.toAbsolutePath();
        this.data = this.root.resolve("data");
        this.sockets = this.root.resolve("sockets");
        this.asOsUser = asOsUser;
    }

    /**
     * The folder with {@code initdb}, {@code pg_ctl} and {@code postgres}: {@code pg_config --bindir}, else the newest
     * {@code /usr/lib/postgresql/<version>/bin}; empty when this machine has no PostgreSQL server binaries.
     */
    public static Optional<Path> binaries() {
        try {
            Process config = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            String out = new String(config.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (config.waitFor(10, TimeUnit.SECONDS) && config.exitValue() == 0 && hasServerBinaries(Path.of(out))) {
                return Optional.of(Path.of(out));
            }
        } catch (IOException e) {
            // no pg_config on the PATH: look where the Debian packages put the server
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(versions)) {
            return dirs.filter(d -> d.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                    .sorted(Comparator.comparingDouble((Path d) -> Double.parseDouble(d.getFileName().toString())).reversed())
                    .map(d -> d.resolve("bin")).filter(PrivatePostgres::hasServerBinaries).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasServerBinaries(Path dir) {
        return Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"))
               && Files.isExecutable(dir.resolve("postgres"));
    }

    /**
     * Creates and starts a cluster under {@code root} (emptied first; a cluster a killed run left there is stopped)
     * on a free port of 127.0.0.1, with {@link #ADMIN} as its superuser. Stopped and deleted by {@link #close}, or
     * when the JVM exits if no one closed it.
     */
    public static PrivatePostgres start(Path bin, Path root) throws IOException, InterruptedException {
        boolean asOsUser = "0".equals(output(List.of("id", "-u")));
        Path parent = root.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        if (asOsUser && !"0".equals(output(List.of("runuser", "-u", OS_USER, "--", "sh", "-c", "test -x \"$0\"; echo $?",
                parent.toString())))) {
            // a checkout under a folder the OS user cannot enter (e.g. /root): the cluster goes to the temp folder
            root = Files.createTempDirectory("csv-ingest-private-pg");
        }
        PrivatePostgres cluster = new PrivatePostgres(bin, root, asOsUser);
        Runtime.getRuntime().addShutdownHook(cluster.stopOnExit);
        try {
            cluster.create();
            return cluster;
        } catch (Throwable e) { // an AssertionError from Await too: nothing may stay running
            cluster.close();
            throw e;
        }
    }

    private void create() throws IOException, InterruptedException {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), false);
        }
        deleteTree(root);
        Files.createDirectories(sockets);
        Path pwfile = Files.writeString(root.resolve("admin-password"), adminPassword + "\n");
        if (asOsUser) {
            UserPrincipal owner = root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER);
            for (Path path : List.of(root, sockets, pwfile)) {
                Files.setOwner(path, owner);
            }
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "--auth=scram-sha-256",
                "--username=" + ADMIN, "--pwfile=" + pwfile, "-E", "UTF8", "--locale=C", "--no-sync"), true);
        port = PackagedApp.freePort();
        Path log = root.resolve("server.log");
        server = new ProcessBuilder(command(List.of(bin.resolve("postgres").toString(), "-D", data.toString(),
                "-p", String.valueOf(port), "-k", sockets.toString(), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off")))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Await.until("the private PostgreSQL to accept connections", Duration.ofSeconds(60), () -> !server.isAlive() || accepts());
        if (!server.isAlive()) {
            throw new IllegalStateException("the private PostgreSQL exited with " + server.exitValue() + ":\n" + Inbox.read(log));
        }
    }

    private boolean accepts() {
        try {
            DriverManager.getConnection(url("postgres"), ADMIN, adminPassword).close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of {@code database} on this cluster. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Runs {@code sql} in {@code database} as the superuser. */
    public void execute(String database, String sql) {
        try (Connection c = DriverManager.getConnection(url(database), ADMIN, adminPassword); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("on the private cluster: " + e.getMessage(), e);
        }
    }

    /** Every row of a query in {@code database}, as the superuser sees it, each value rendered as a string. */
    public List<List<String>> rows(String database, String sql) {
        try (Connection c = DriverManager.getConnection(url(database), ADMIN, adminPassword);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("on the private cluster: " + e.getMessage(), e);
        }
    }

    /**
     * A string literal for SQL that any text survives unchanged, whatever standard_conforming_strings says: an escape
     * string ({@code E'...'}) with its backslashes and single quotes doubled.
     */
    public static String literal(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("PostgreSQL text cannot hold NUL");
        }
        return "E'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** Stops the server (fast: open sessions rolled back) and deletes the cluster's folder. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already exiting: the hook runs or ran
        }
        deleteTree(root);
    }

    private synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            String pgCtl = bin.resolve("pg_ctl").toString();
            if (server.isAlive() && !run(List.of(pgCtl, "-D", data.toString(), "-m", "fast", "-w", "-t", "30", "stop"), false)) {
                run(List.of(pgCtl, "-D", data.toString(), "-m", "immediate", "-w", "stop"), false);
            }
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            System.err.println("could not stop the private PostgreSQL in " + data + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
    }

    /** Runs a PostgreSQL command (as {@link #OS_USER} when we are root), its output appended to {@code <root>-commands.log}. */
    private boolean run(List<String> command, boolean required) throws IOException, InterruptedException {
        List<String> full = command(command);
        Path log = root.resolveSibling(root.getFileName() + "-commands.log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", full) + " (see " + log + ")");
        }
        if (process.exitValue() != 0 && required) {
            String serverLog = Files.exists(root.resolve("server.log")) ? Inbox.read(root.resolve("server.log")) : "";
            throw new IllegalStateException(String.join(" ", full) + " exited with " + process.exitValue() + ":\n"
                                            + Inbox.read(log) + serverLog);
        }
        return process.exitValue() == 0;
    }

    /** {@code command}, run as {@link #OS_USER} when we are root. */
    private List<String> command(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asOsUser) {
            full.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        full.addAll(command);
        return full;
    }

    private static String output(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
