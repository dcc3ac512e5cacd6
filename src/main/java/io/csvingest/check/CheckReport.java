package io.csvingest.check;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.csvingest.clean.Reject;
import io.csvingest.context.FileLoad;
import io.csvingest.feed.ColumnType;
import io.csvingest.feed.Feed;

import static io.csvingest.outcome.FileReport.array;
import static io.csvingest.outcome.FileReport.quote;

/** The account of a dry run: {@code <name>.check.json} (what a load would do) and {@code <name>.check.sql} (its DDL). */
final class CheckReport {

    private CheckReport() {
    }

    /** What loading the file would do; {@code feed} null when no feed takes it, {@code problem} when the check failed. */
    static String json(FileCheck check, Feed feed, FileLoad load, String delimiter, boolean sepLine, List<String> columns,
                       List<ColumnType> types, String problem) {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"file\": ").append(quote(check.name())).append(",\n");
        json.append("  \"feed\": ").append(feed == null ? "null" : quote(feed.name())).append(",\n");
        json.append("  \"wouldLoad\": ").append(problem == null).append(",\n");
        json.append("  \"problem\": ").append(problem == null ? "null" : quote(problem)).append(",\n");
        if (feed != null) {
            json.append("  \"dialect\": {\"delimiter\": ").append(delimiter == null ? "null" : quote(delimiter))
                    .append(", \"charset\": ").append(quote(feed.dialect().charset().name()))
                    .append(", \"bom\": ").append(check.bom()).append(", \"sepLine\": ").append(sepLine).append("},\n");
            json.append("  \"mode\": ").append(quote(feed.mode().option())).append(",\n");
        }
        if (load != null) {
            json.append("  \"table\": ").append(quote(load.target())).append(",\n");
            json.append("  \"tableExists\": ").append(check.tableExists()).append(",\n");
            json.append("  \"ddl\": ").append(array(check.ddl())).append(",\n");
            json.append("  \"columns\": [");
            List<String> described = new ArrayList<>();
            for (int c = 0; columns != null && c < columns.size(); c++) {
                described.add("\n    {\"name\": " + quote(columns.get(c)) + ", \"type\": "
                              + (types == null ? "null" : quote(types.get(c).sql())) + ", \"samples\": "
                              + array(c < check.samples().size() ? new ArrayList<>(check.samples().get(c)) : List.of()) + "}");
            }
            json.append(String.join(",", described)).append(described.isEmpty() ? "],\n" : "\n  ],\n");
            json.append("  \"rows\": {\"read\": ").append(load.read()).append(", \"wouldLoad\": ").append(check.wouldLoad())
                    .append(", \"wouldReject\": ").append(check.wouldReject()).append(", \"duplicates\": ")
                    .append(load.duplicates()).append(", \"blank\": ").append(load.blank()).append("},\n");
            json.append("  \"rejects\": [");
            List<String> rejects = new ArrayList<>();
            for (Reject reject : check.rejects()) {
                rejects.add("\n    {\"line\": " + reject.line() + ", \"column\": " + quote(reject.column())
                            + ", \"reason\": " + quote(reject.reason()) + "}");
            }
            json.append(String.join(",", rejects)).append(rejects.isEmpty() ? "]" : "\n  ]").append(",\n");
            json.append("  \"rejectsNotListed\": ").append(check.wouldReject() - check.rejects().size()).append("\n");
        } else {
            json.setLength(json.length() - 2);
            json.append("\n");
        }
        return json.append("}\n").toString();
    }

    /** The statements the load would run, one per line; a comment when it would run none. */
    static String sql(FileCheck check, FileLoad load, String problem) {
        String head = "-- " + check.name() + ": what its load would run on the database before its rows (nothing was run)\n";
        if (problem != null) {
            return head + "-- nothing: " + problem.replace('\n', ' ') + "\n";
        }
        if (check.ddl().isEmpty()) {
            return head + "-- nothing: table " + load.target() + " exists with every column the file loads\n";
        }
        return head + check.ddl().stream().map(statement -> statement + ";").collect(Collectors.joining("\n")) + "\n";
    }
}
