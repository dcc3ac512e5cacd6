package io.csvingest.parse;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

import io.csvingest.intake.Feed;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;

/** Opens the picked-up file as a streaming {@link CsvSource} and closes it when the file's exchange is done. */
public class OpenCsvProcessor implements Processor {

    @Override
    public void process(Exchange exchange) throws IOException {
        File file = exchange.getIn().getBody(File.class);
        CsvSource source = CsvSource.open(file.toPath(), Feed.of(exchange).dialect());
        exchange.setProperty(CsvSource.PROPERTY, source);
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
