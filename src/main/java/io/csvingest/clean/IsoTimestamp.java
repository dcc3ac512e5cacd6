package io.csvingest.clean;

/**
 * The common ISO timestamp forms ({@code 2024-03-05T12:34:56Z}, {@code 2024-03-05 12:34:56+01:00}, no fraction)
 * checked and put in canonical text without java.time: the same text {@link java.time.OffsetDateTime#toString} /
 * {@link java.time.LocalDateTime#toString} give, at a fraction of the cost. Anything else returns null (slow path).
 */
final class IsoTimestamp {

    private static final int[] DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private IsoTimestamp() {
    }

    /** {@code withOffset}: canonical timestamptz text (an offset is required); else timestamp text (offset ignored). */
    static String canonical(String value, boolean withOffset) {
        int n = value.length();
        if (n < 19 || !digits(value, 0, 4) || value.charAt(4) != '-' || !digits(value, 5, 2) || value.charAt(7) != '-'
            || !digits(value, 8, 2) || (value.charAt(10) != 'T' && value.charAt(10) != ' ') || !digits(value, 11, 2)
            || value.charAt(13) != ':' || !digits(value, 14, 2) || value.charAt(16) != ':' || !digits(value, 17, 2)) {
            return null;
        }
        int year = number(value, 0, 4);
        int month = number(value, 5, 2);
        int day = number(value, 8, 2);
        int hour = number(value, 11, 2);
        int minute = number(value, 14, 2);
        int second = number(value, 17, 2);
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        if (month < 1 || month > 12 || day < 1 || day > DAYS[month - 1] + (month == 2 && leap ? 1 : 0) || hour > 23
            || minute > 59 || second > 59) {
            return null;
        }
        String offset = offset(value, 19);
        if (offset == null || (withOffset && offset.isEmpty())) {
            return null;
        }
        StringBuilder text = new StringBuilder(25).append(value, 0, 10).append('T').append(value, 11, 16);
        if (second != 0) {
            text.append(value, 16, 19);
        }
        return withOffset ? text.append(offset).toString() : text.toString();
    }

    /** The canonical offset after the time ("" when none, "Z" for zero, "+01:00"), or null when it is not one. */
    private static String offset(String value, int at) {
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

    private static boolean digits(String value, int from, int count) {
        for (int i = from; i < from + count; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String value, int from, int count) {
        int result = 0;
        for (int i = from; i < from + count; i++) {
            result = result * 10 + value.charAt(i) - '0';
        }
        return result;
    }
}
