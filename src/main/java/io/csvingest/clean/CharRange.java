package io.csvingest.clean;

/** A reusable view of characters {@code [from, to)} of an array, so values can be checked without a String each. */
public final class CharRange implements CharSequence {

    private char[] text;
    private int from;
    private int to;

    public CharRange of(char[] chars, int start, int end) {
        this.text = chars;
        this.from = start;
        this.to = end;
        return this;
    }

    @Override
    public int length() {
        return to - from;
    }

    @Override
    public char charAt(int index) {
        return text[from + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(text, from + start, end - start);
    }

    @Override
    public String toString() {
        return new String(text, from, to - from);
    }
}
