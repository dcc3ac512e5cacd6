package io.csvingest.clean;

/**
 * The common ISO date and timestamp forms ({@code 2024-03-05}, {@code 2024-03-05T12:34:56Z}, {@code 2024-03-05
 * 12:34:56+01:00}, no fraction) checked and put in canonical text without java.time: the same text {@link
 * java.time.OffsetDateTime#toString} / {@link java.time.LocalDateTime#toString} / {@link java.time.LocalDate#toString}
 * give, at a fraction of the cost. Anything else is left to the slow path.
 */
final class IsoTimestamp {

    private static final int[] DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private IsoTimestamp() {
    }

    /** {@code withOffset}: canonical timestamptz text (an offset is required); else timestamp text (offset ignored); null: not this form. */
    static String canonical(CharSequence value, boolean withOffset) {
        if (!isDateTime(value)) {
            return null;
        }
        String offset = offset(value, 19);
        if (offset == null || (withOffset && offset.isEmpty())) {
            return null;
        }
        StringBuilder text = new StringBuilder(25).append(value, 0, 10).append('T').append(value, 11, 16);
        if (!zeroSeconds(value)) {
            text.append(value, 16, 19);
        }
        return withOffset ? text.append(offset).toString() : text.toString();
    }

    /** True when {@code value} already is the text {@link #canonical} would give (so it needs no copy). */
    static boolean isCanonical(CharSequence value, boolean withOffset) {
        if (!isDateTime(value) || value.charAt(10) != 'T' || zeroSeconds(value)) {
            return false;
        }
        int n = value.length() - 19;
        if (!withOffset) {
            return n == 0;
        }
        if (n == 1) {
            return value.charAt(19) == 'Z';
        }
        String offset = n == 6 && value.charAt(22) == ':' ? offset(value, 19) : null;
        return offset != null && !offset.equals("Z");
    }

    /** An ISO date {@code yyyy-MM-dd} that exists. */
    static boolean isDate(CharSequence value) {
        return value.length() == 10 && isDateAt(value);
    }

    private static boolean isDateAt(CharSequence value) {
        if (!digits(value, 0, 4) || value.charAt(4) != '-' || !digits(value, 5, 2) || value.charAt(7) != '-'
            || !digits(value, 8, 2)) {
            return false;
        }
        int year = number(value, 0, 4);
        int month = number(value, 5, 2);
        int day = number(value, 8, 2);
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return month >= 1 && month <= 12 && day >= 1 && day <= DAYS[month - 1] + (month == 2 && leap ? 1 : 0);
    }

    /** A date, 'T' or ' ', and a time {@code HH:mm:ss} that exist; an offset may follow. */
    private static boolean isDateTime(CharSequence value) {
        if (value.length() < 19 || !isDateAt(value) || (value.charAt(10) != 'T' && value.charAt(10) != ' ')
            || !digits(value, 11, 2) || value.charAt(13) != ':' || !digits(value, 14, 2) || value.charAt(16) != ':'
            || !digits(value, 17, 2)) {
            return false;
        }
        return number(value, 11, 2) <= 23 && number(value, 14, 2) <= 59 && number(value, 17, 2) <= 59;
    }

    private static boolean zeroSeconds(CharSequence value) {
        return value.charAt(17) == '0' && value.charAt(18) == '0';
    }

    /** The canonical offset after the time ("" when none, "Z" for zero, "+01:00"), or null when it is not one. */
    private static String offset(CharSequence value, int at) {
        int n = value.length() - at;
        if (n == 0) {
            return "";
        }
        if (n == 1 && value.charAt(at) == 'Z') {
            return "Z";
        }
        char sign = value.charAt(at);
        if ((sign != '+' && sign != '-') || !(n == 3 || n == 5 || n == 6) || !digits(value, at + 1, 2)) {
            return null;
        }
        int hours = number(value, at + 1, 2);
        int minutes = 0;
        if (n == 5 && digits(value, at + 3, 2)) {
            minutes = number(value, at + 3, 2);
        } else if (n == 6 && value.charAt(at + 3) == ':' && digits(value, at + 4, 2)) {
            minutes = number(value, at + 4, 2);
        } else if (n != 3) {
            return null;
        }
        if (hours > 18 || minutes > 59 || (hours == 18 && minutes > 0)) {
            return null;
        }
        if (hours == 0 && minutes == 0) {
            return "Z";
        }
        return sign + (hours < 10 ? "0" : "") + hours + ":" + (minutes < 10 ? "0" : "") + minutes;
    }

    private static boolean digits(CharSequence value, int from, int count) {
        for (int i = from; i < from + count; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(CharSequence value, int from, int count) {
        int result = 0;
        for (int i = from; i < from + count; i++) {
            result = result * 10 + value.charAt(i) - '0';
        }
        return result;
    }
}
