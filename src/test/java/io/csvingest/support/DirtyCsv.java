package io.csvingest.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A generated dirty orders file and, computed here while writing it (never by the code under test), what loading it
 * must give: the rows of the table, the rejected lines and the count of every bucket.
 *
 * <p>Header {@code BOM + " Order ID ,Customer Name,Amount,Qty,Active,Order Date"}; about 1% exact duplicate records
 * (some differing only in padding), 0.5% blank lines, padded values, null tokens, amounts with thousands
 * separators, a quoted multi-line name every 500 rows, and a few bad values in every typed column plus records with
 * a wrong field count.
 */
public final class DirtyCsv {

    /** One expected table row, as PostgreSQL prints it: order_id, customer_name, amount, qty, active, order_date. */
    public record Expected(String id, String name, String amount, String qty, String active, String date) {
        public List<String> asList() {
            return java.util.Arrays.asList(id, name, amount, qty, active, date);
        }
    }

    /** One expected reject: start line, column at fault ("" for a wrong field count) and the record's text. */
    public record ExpectedReject(long line, String column, String raw) {
    }

    public final StringBuilder text = new StringBuilder("\uFEFF Order ID ,Customer Name,Amount,Qty,Active,Order Date\n");
    public final List<Expected> rows = new ArrayList<>();
    public final List<ExpectedReject> rejects = new ArrayList<>();
    public long read;
    public long duplicates;
    public long blank;
    private long line = 1;
    private final List<String> written = new ArrayList<>();

    public DirtyCsv(int orders, long seed) {
        Random random = new Random(seed);
        String[] truths = {"yes", "Y", "1", "t", "TRUE"};
        String[] falsehoods = {"no", "N", "0", "f", "False"};
        for (int i = 1; i <= orders; i++) {
            if (i % 200 == 0) {
                blank(i % 400 == 0 ? "" : ",,  ,,,");
            }
            long cents = 100L * random.nextInt(5_000_000) + random.nextInt(100);
            int qty = random.nextInt(1000);
            boolean active = random.nextBoolean();
            LocalDate date = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
            String name = i % 500 == 250 ? "Line one\nline two, \"quoted\"" : "Customer " + i;
            String nameField = name.contains("\n") ? "\"" + name.replace("\"", "\"\"") + "\"" : pad(name, random);
            boolean nameIsNull = i % 50 == 7;
            String amountField = String.format(Locale.US, i % 3 == 0 ? "%,d.%02d" : "%d.%02d", cents / 100, cents % 100);
            String qtyField = pad(Integer.toString(qty), random);
            String activeField = (active ? truths : falsehoods)[random.nextInt(5)];
            String dateField = date.toString();
            String badColumn = i % 97 == 0 ? "amount" : i % 89 == 0 ? "qty" : i % 83 == 0 ? "active" : i % 79 == 0 ? "order_date" : null;
            switch (badColumn == null ? "" : badColumn) {
                case "amount" -> amountField = "12.3.4";
                case "qty" -> qtyField = "7 pcs";
                case "active" -> activeField = "maybe";
                case "order_date" -> dateField = "2026-02-30";
                default -> { }
            }
            String record = i + "," + (nameIsNull ? (i % 100 == 7 ? "N/A" : "NULL") : nameField) + ","
                            + (amountField.contains(",") ? "\"" + amountField + "\"" : amountField) + ","
                            + qtyField + ",  " + activeField + " ," + dateField;
            if (badColumn != null) {
                rejects.add(new ExpectedReject(line + 1, badColumn, record));
            } else {
                rows.add(new Expected(Long.toString(i), nameIsNull ? null : name,
                        String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100), Integer.toString(qty),
                        active ? "t" : "f", date.toString()));
            }
            record(record);
            if (i % 100 == 50) {
                duplicate(written.get(written.size() - 1 - random.nextInt(Math.min(5, written.size()))));
            }
            if (i % 700 == 0) {
                String wrong = i + ",Customer " + i + ",1.00,1,yes,2026-01-01,extra";
                rejects.add(new ExpectedReject(line + 1, "", wrong));
                record(wrong);
                written.remove(written.size() - 1);
            }
        }
    }

    private void record(String record) {
        text.append(record).append('\n');
        written.add(record);
        line += 1 + record.chars().filter(c -> c == '\n').count();
        read++;
    }

    /** A copy of an earlier record, sometimes with extra padding around a value (equal once trimmed). */
    private void duplicate(String earlier) {
        String copy = duplicates % 2 == 0 || earlier.contains("\"") ? earlier : earlier.replaceFirst(",", " ,  ");
        text.append(copy).append('\n');
        line += 1 + copy.chars().filter(c -> c == '\n').count();
        read++;
        duplicates++;
    }

    private void blank(String record) {
        text.append(record).append('\n');
        line++;
        read++;
        blank++;
    }

    private static String pad(String value, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "  " + value;
            case 1 -> value + "   ";
            case 2 -> "\t" + value + " ";
            default -> value;
        };
    }
}
