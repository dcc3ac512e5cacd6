package io.csvingest;

import java.nio.charset.StandardCharsets;

/** Lengths in UTF-8 bytes, which is how file systems (255) and PostgreSQL (63 per name) count, not in Java chars. */
public final class Utf8 {

    private Utf8() {
    }

    public static int length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest beginning of {@code text} of at most {@code maxBytes} UTF-8 bytes that ends between two characters. */
    public static String cut(String text, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }
}
