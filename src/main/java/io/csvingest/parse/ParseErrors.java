package io.csvingest.parse;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipException;

import io.csvingest.feed.Dialect;
import io.csvingest.intake.FileProblems;

/** Words the scanner's and decoder's failures plainly, naming the file, the line and what to do. */
final class ParseErrors {

    private ParseErrors() {
    }

    /** {@code line}: where the record holding the quote starts. */
    static String unterminated(String fileName, long line) {
        return "Malformed CSV in " + fileName + ": a quoted field in the record starting on line " + line
               + " is never closed (unterminated quote); the file ends inside it";
    }

    static String tooLong(String fileName, long line, int maxChars) {
        return "Malformed CSV in " + fileName + ": the record starting on line " + line + " runs past " + maxChars
               + " characters, most likely a quote that is never closed (a quote inside a field must be doubled: \"\")";
    }

    static String afterClosingQuote(String fileName, long line) {
        return "Malformed CSV in " + fileName + " at line " + line
               + ": unexpected character after a closing quote (a quote inside a field must be doubled: \"\")";
    }

    /** The file could not be read on: a damaged gzip stream, or a read error. */
    static String unreadable(String fileName, IOException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        boolean gzip = fileName.toLowerCase(Locale.ROOT).endsWith(".gz");
        if (gzip && (e instanceof java.io.EOFException || message.contains("unexpected end"))) {
            return fileName + " is a truncated gzip file: it ends before its compressed data does (cut short while"
                   + " copied?); copy it again completely, or compress it again";
        }
        if (e instanceof ZipException || message.contains("zlib") || message.contains("gzip")) {
            return fileName + " is a damaged gzip file (its compressed data is corrupt); compress it again";
        }
        return FileProblems.cannotRead(fileName, e);
    }

    /** {@code field}: 0-based field holding the bytes (-1: unknown); {@code header}: the column names, null for the header. */
    static String notText(String fileName, Dialect dialect, long line, int field, List<String> header) {
        String where = "line " + line;
        if (field >= 0) {
            where += header != null && field < header.size() ? ", column " + header.get(field) : ", field " + (field + 1);
        }
        return fileName + " is not valid " + dialect.charset().name() + " text (" + where + "): it is a binary file, or"
               + " saved in another encoding; set the feed's charset (e.g. charset: windows-1252) or save it as "
               + dialect.charset().name();
    }
}
