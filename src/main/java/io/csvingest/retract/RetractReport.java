package io.csvingest.retract;

import static io.csvingest.outcome.FileReport.quote;

/** The JSON account of a retraction, written beside the dropped file in {@code retract/done/}. */
final class RetractReport {

    private RetractReport() {
    }

    static String json(Retraction retraction) {
        Retraction.Done done = retraction.done();
        return "{\n"
               + "  \"dropped\": " + quote(retraction.name()) + ",\n"
               + "  \"load\": " + done.loadId() + ",\n"
               + "  \"file\": " + quote(done.file()) + ",\n"
               + "  \"table\": " + quote(done.table()) + ",\n"
               + "  \"mode\": " + quote(done.mode()) + ",\n"
               + "  \"status\": \"retracted\",\n"
               + "  \"retracted\": " + quote(done.at().toString()) + ",\n"
               + "  \"instance\": " + quote(done.instance()) + ",\n"
               + "  \"rows\": {\"loaded\": " + done.loaded() + ", \"removed\": " + done.removed()
               + ", \"keptByLaterLoads\": " + done.keptByLaterLoads() + "}\n"
               + "}\n";
    }
}
