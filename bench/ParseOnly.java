import java.nio.file.Path;
import java.util.Iterator;

import io.csvingest.parse.CsvSource;
import io.csvingest.parse.RecordBlock;

/**
 * Parse only, no database: reads a CSV file through the service's CsvSource in batches of 20,000 records, ROUNDS
 * times in one JVM (round 0 is cold), and prints records, fields and seconds per round. Used by bench/fastcsv.sh.
 */
public class ParseOnly {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        for (int round = 0; round < rounds; round++) {
            long started = System.nanoTime();
            long records = 0;
            long fields = 0;
            try (CsvSource source = CsvSource.open(file)) {
                Iterator<RecordBlock> blocks = source.batches(20_000);
                while (blocks.hasNext()) {
                    RecordBlock block = blocks.next();
                    records += block.size();
                    fields += block.firstField(block.size() - 1) + block.fieldCount(block.size() - 1);
                }
            }
            System.out.printf("PARSE round=%d records=%d fields=%d seconds=%.2f%n", round, records, fields,
                    (System.nanoTime() - started) / 1e9);
        }
    }
}
