package io.csvingest.feed;

/** A feed's {@code maxRejects}: a count ({@code 100}) or a share of the rows read ({@code 2%}); none by default. */
public record RejectLimit(long count, double percent) {

    public static final RejectLimit NONE = new RejectLimit(Long.MAX_VALUE, 100.0);

    public static RejectLimit parse(String option) {
        String value = option.strip();
        try {
            if (value.endsWith("%")) {
                double percent = Double.parseDouble(value.substring(0, value.length() - 1).strip());
                if (percent < 0 || percent > 100) {
                    throw new NumberFormatException();
                }
                return new RejectLimit(Long.MAX_VALUE, percent);
            }
            long count = Long.parseLong(value);
            if (count < 0) {
                throw new NumberFormatException();
            }
            return new RejectLimit(count, 100.0);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("maxRejects must be a count such as 100 or a percentage such as 2%, was '"
                                               + option + "'", e);
        }
    }

    /** True when more rows were rejected than allowed so far (counts), or in all (percent, once the file is read). */
    public boolean exceeded(long rejected, long read, boolean fileRead) {
        return rejected > count || fileRead && read > 0 && rejected * 100.0 / read > percent;
    }

    @Override
    public String toString() {
        return count != Long.MAX_VALUE ? Long.toString(count) : percent == 100.0 ? "none"
                : java.math.BigDecimal.valueOf(percent).stripTrailingZeros().toPlainString() + "%";
    }
}
