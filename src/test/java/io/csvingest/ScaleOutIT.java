package io.csvingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.csvingest.support.Await;
import io.csvingest.support.Inbox;
import io.csvingest.support.PackagedApp;
import io.csvingest.support.TestDatabase;
import io.csvingest.support.TestFeeds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three instances of the packaged service (JVMs of their own, as three containers would be) on one inbox, outbox
 * and dead-letter folder and one database: every file loaded by exactly one of them, also when one is killed mid-file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final int LEASE_SECONDS = 2;
    private static final int BIG_ROWS = 1_000_000;

    private final TestDatabase db = new TestDatabase("csv_ingest_scale_out_it");
    private final Inbox shared = new Inbox(Path.of("target/scale-out-it/shared"));
    private final List<PackagedApp> instances = new ArrayList<>();

    @BeforeAll
    void createDatabase() {
        db.create();
    }

    @BeforeEach
    void startThreeInstancesOnOneInbox() throws IOException {
        shared.reset();
        db.execute("DROP TABLE IF EXISTS orders_burst, big, price_list, csv_ingest_ledger, csv_ingest_claim, csv_ingest_schema_history");
        for (int n = 1; n <= 3; n++) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "DB_URL", db.url(), "DB_USER", TestDatabase.USER,
                    "INBOX_DIR", shared.inbox().toAbsolutePath().toString(),
                    "OUTBOX_DIR", shared.outbox().toAbsolutePath().toString(),
                    "DEADLETTER_DIR", shared.deadLetter().toAbsolutePath().toString(),
                    "INSTANCE_NAME", "instance-" + n,
                    "MANAGEMENT_PORT", String.valueOf(PackagedApp.freePort()),
                    "CLAIM_LEASE_SECONDS", String.valueOf(LEASE_SECONDS)));
            Path container = Path.of("target/scale-out-it/app-" + n);
            instances.add(new PackagedApp(container, env));
            // every instance runs the same feeds, as replicas of one image do
            Files.writeString(container.resolve("routes/orders-burst.yaml"), TestFeeds.yaml("orders-burst", """
                    include: "orders_burst-.*\\\\.csv"
                    table: orders_burst
                    """));
            Files.writeString(container.resolve("routes/price-list.yaml"), TestFeeds.yaml("price-list", """
                    include: "price_list-.*\\\\.csv"
                    table: price_list
                    mode: replace
                    """));
            // the big file loads through INSERTs in 100 batches into a table that makes each take 0.06 s or more
            // (see dropBigFile): 6 s or more, several leases, however fast the machine
            Files.writeString(container.resolve("routes/big.yaml"), TestFeeds.yaml("big", """
                    include: "big\\\\.csv"
                    table: big
                    method: insert
                    batchSize: 10000
                    """));
        }
        for (PackagedApp instance : instances) {
            instance.start();
        }
    }

    @AfterEach
    void stopInstances() throws InterruptedException {
        for (PackagedApp instance : instances) {
            if (instance.process().isAlive()) {
                instance.kill();
            }
        }
        instances.clear();
    }

    @AfterAll
    void dropDatabase() {
        db.drop();
    }

    @Test
    void should_load_each_of_300_files_dropped_at_once_exactly_once_across_three_instances() throws IOException {
        // no table yet: whichever instance comes first creates it, the others wait for it (one table lock)
        Path staging = Files.createDirectories(Path.of("target/scale-out-it/staging"));
        for (int f = 1; f <= 300; f++) {
            StringBuilder csv = new StringBuilder("order_id,amount\n");
            for (int r = 1; r <= 20; r++) {
                csv.append(f * 100 + r).append(',').append(r).append(".50\n");
            }
            Files.writeString(staging.resolve(String.format("orders_burst-%03d.csv", f)), csv.toString());
        }
        try (var files = Files.list(staging)) {
            for (Path file : files.toList()) {
                Files.move(file, shared.inbox().resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
        }

        Await.dataFiles(shared.outbox(), "orders_burst-", 300, TIMEOUT);

        assertEquals(List.of(List.of("6000", "6000")), db.rows("SELECT count(*), count(DISTINCT order_id) FROM orders_burst"));
        assertEquals(List.of(List.of("300", "300")), db.rows(
                "SELECT count(*), count(DISTINCT file_name) FROM csv_ingest_ledger WHERE status = 'loaded'"));
        assertEquals(List.of(List.of("0")), db.rows("SELECT count(*) FROM csv_ingest_ledger WHERE status <> 'loaded'"),
                "no attempt failed, was interrupted or skipped as a duplicate");
        assertEquals(List.of(), Await.list(shared.inbox(), "orders_burst"));
        assertEquals(List.of(), Await.list(shared.deadLetter(), "orders_burst"));
        List<List<String>> perInstance = db.rows(
                "SELECT instance, count(*) FROM csv_ingest_ledger GROUP BY instance ORDER BY instance");
        assertTrue(perInstance.size() >= 2, "the instances shared the work: " + perInstance);
        Await.until("every claim let go", TIMEOUT, () -> db.rows("SELECT count(*) FROM csv_ingest_claim").equals(List.of(List.of("0"))));
    }

    @Test
    void should_apply_five_dated_replace_files_dropped_at_once_in_name_order_across_three_instances() throws IOException {
        Path staging = Files.createDirectories(Path.of("target/scale-out-it/staging"));
        for (int round = 1; round <= 3; round++) {
            List<String> names = new ArrayList<>();
            for (int day = 1; day <= 5; day++) {
                String name = "price_list-2026-12-0" + day + "-r" + round + ".csv";
                StringBuilder csv = new StringBuilder("sku,price,list\n");
                for (int sku = 1; sku <= 2000; sku++) {
                    csv.append(sku).append(',').append(day * 10 + round).append(".00,").append(name).append('\n');
                }
                Files.writeString(staging.resolve(name), csv.toString());
                names.add(name);
            }
            // moved in newest first, at once: the listing order says nothing
            for (int i = names.size() - 1; i >= 0; i--) {
                Files.move(staging.resolve(names.get(i)), shared.inbox().resolve(names.get(i)), StandardCopyOption.ATOMIC_MOVE);
            }

            Await.dataFiles(shared.outbox(), "price_list-", 5 * round, TIMEOUT);

            String last = names.get(4);
            assertEquals(List.of(List.of("2000", last, String.valueOf(50 + round) + ".00")),
                    db.rows("SELECT count(*), min(list), min(price) FROM price_list"), "round " + round + ": the last file's rows");
            assertEquals(names, db.rows("SELECT file_name FROM csv_ingest_ledger WHERE status = 'loaded' AND file_name LIKE '%-r"
                                        + round + ".csv' ORDER BY finished_at").stream().map(row -> row.get(0)).toList(),
                    "round " + round + ": committed in name order");
        }
        assertEquals(List.of(), Await.list(shared.deadLetter(), "price_list"));
    }

    @Test
    void should_keep_a_file_that_loads_for_several_leases_on_one_instance() throws Exception {
        dropBigFile();

        Await.dataFiles(shared.outbox(), "big-", 1, TIMEOUT);

        // the load takes longer than two leases: without the heartbeat another instance would take it over
        assertEquals(List.of(List.of(String.valueOf(BIG_ROWS), String.valueOf(BIG_ROWS))),
                db.rows("SELECT count(*), count(DISTINCT id) FROM big"));
        assertEquals(List.of(List.of("loaded")), db.rows("SELECT status FROM csv_ingest_ledger WHERE file_name = 'big.csv'"));
        double seconds = Double.parseDouble(db.rows("SELECT extract(epoch FROM finished_at - started_at) FROM csv_ingest_ledger"
                                                    + " WHERE file_name = 'big.csv'").get(0).get(0));
        assertTrue(seconds > 2 * LEASE_SECONDS, "the load outlasted two leases: " + seconds + " s");
        assertEquals(0, instances.stream().mapToLong(instance -> instance.occurrences("Taking over")).sum());
    }

    private void dropBigFile() throws IOException {
        Path big = Path.of("target/scale-out-it/big-" + BIG_ROWS + ".csv");
        if (!Files.exists(big)) {
            try (BufferedWriter out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
                out.write("id,x,y\n");
                for (int i = 1; i <= BIG_ROWS; i++) {
                    out.write(i + "," + (i % 1000) / 1000.0 + "," + i % 7 + "\n");
                }
            }
        }
        db.createSlowTable("big", "id bigint, x numeric, y bigint", 0.06);
        Files.copy(big, shared.root().resolve(".big.csv.part"), StandardCopyOption.REPLACE_EXISTING);
        Files.move(shared.root().resolve(".big.csv.part"), shared.inbox().resolve("big.csv"), StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void should_complete_the_file_of_an_instance_killed_mid_file_on_another_instance_within_the_lease() throws Exception {
        dropBigFile();

        Await.until("one instance loading big.csv", TIMEOUT,
                () -> instances.stream().anyMatch(instance -> instance.occurrences("Loading big.csv") >= 1));
        PackagedApp holder = instances.stream().filter(instance -> instance.occurrences("Loading big.csv") >= 1)
                .findFirst().orElseThrow();
        List<List<String>> claim = db.rows("SELECT instance FROM csv_ingest_claim WHERE path = 'big.csv'");
        assertEquals(1, claim.size(), "the loading instance holds the file's claim");
        holder.kill();
        long killedAt = System.nanoTime();

        // the lease runs out (its heartbeat stopped with it), then a survivor's next poll takes the file
        Await.until("a survivor taking big.csv over", Duration.ofSeconds(LEASE_SECONDS + 5), () -> instances.stream()
                .anyMatch(instance -> instance != holder && instance.occurrences("Taking over big.csv") >= 1));
        double takeoverSeconds = (System.nanoTime() - killedAt) / 1e9;
        Await.dataFiles(shared.outbox(), "big-", 1, TIMEOUT);

        assertEquals(List.of(List.of(String.valueOf(BIG_ROWS), String.valueOf(BIG_ROWS))),
                db.rows("SELECT count(*), count(DISTINCT id) FROM big"));
        List<List<String>> ledger = db.rows("SELECT status, instance FROM csv_ingest_ledger WHERE file_name = 'big.csv' ORDER BY id");
        assertEquals(2, ledger.size(), ledger.toString());
        assertEquals("interrupted", ledger.get(0).get(0), "the killed attempt (nothing of it committed)");
        assertEquals("loaded", ledger.get(1).get(0));
        assertTrue(!ledger.get(0).get(1).equals(ledger.get(1).get(1)), "another instance completed it: " + ledger);
        assertTrue(claim.get(0).get(0).startsWith(ledger.get(0).get(1) + "/"), "the claim was the killed instance's");
        long survivorsTookOver = instances.stream().filter(instance -> instance != holder)
                .filter(instance -> instance.occurrences("Taking over big.csv from instance " + claim.get(0).get(0)) == 1).count();
        assertEquals(1, survivorsTookOver, "exactly one survivor took the file over, and said so");
        // renewed every third of the lease: it ran out between 2/3 of it and all of it after the kill
        assertTrue(takeoverSeconds >= LEASE_SECONDS * 2.0 / 3 - 0.5, "not before the lease ran out: " + takeoverSeconds + " s");
        assertEquals(List.of(), Await.list(shared.inbox(), "big"));
        assertEquals(List.of(), Await.list(shared.deadLetter(), "big"));
    }
}
