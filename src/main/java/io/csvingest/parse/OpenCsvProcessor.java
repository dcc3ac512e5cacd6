package io.csvingest.parse;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.csvingest.context.LoadContext;
import io.csvingest.feed.Feed;
import io.csvingest.intake.PickedUpFile;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;

/** Reads the picked-up file (the one open file its checksum came from) as a streaming {@link CsvSource}, closed when the file's exchange is done. */
public class OpenCsvProcessor implements Processor {

    @Override
    public void process(Exchange exchange) throws IOException {
        PickedUpFile file = PickedUpFile.of(exchange);
        CsvSource source = CsvSource.open(file.fromStart(), file.name(), file.size(), LoadContext.of(exchange).feed().dialect());
        LoadContext.of(exchange).set(CsvSource.PART, source);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                try {
                    source.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }
}
