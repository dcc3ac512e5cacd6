package io.csvingest.parse;

import java.io.IOException;
import java.util.Locale;
import java.util.zip.ZipException;

/** Turns the parser's and decoder's exceptions into plain words naming the file, the line and what to do. */
final class ParseErrors {

    private ParseErrors() {
    }

    /** {@code recordLine}: where the failing record starts; {@code parserLine}: where the parser stopped. */
    static String describe(String fileName, IOException e, long recordLine, long parserLine) {
        String message = String.valueOf(e.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("eof reached before encapsulated token finished")) {
            return "Malformed CSV in " + fileName + ": a quoted field starting on line " + recordLine
                   + " is never closed (unterminated quote); the file ends inside it";
        }
        if (lower.contains("between encapsulated token and delimiter")) {
            return "Malformed CSV in " + fileName + " at line " + parserLine
                   + ": unexpected character after a closing quote (a quote inside a field must be doubled: \"\")";
        }
        if (e instanceof ZipException || e instanceof java.io.EOFException || lower.contains("zlib")) {
            return fileName + " is a damaged or truncated gzip file (" + (e.getMessage() == null ? "it ends early" : message)
                   + "); compress it again";
        }
        return "Malformed CSV in " + fileName + " near line " + recordLine + ": " + message;
    }

    /** {@code header}: the column names (null while reading the header itself), to name the column at fault. */
    static String notText(String fileName, Dialect dialect, long line, String[] values, java.util.List<String> header) {
        String where = "line " + line;
        for (int i = 0; i < values.length; i++) {
            if (values[i].indexOf('\uFFFD') >= 0) {
                where += header != null && i < header.size() ? ", column " + header.get(i) : ", field " + (i + 1);
                break;
            }
        }
        return fileName + " is not valid " + dialect.charset().name() + " text (" + where + "): it is a binary file, or"
               + " saved in another encoding; set the feed's charset (e.g. charset: windows-1252) or save it as "
               + dialect.charset().name();
    }
}
