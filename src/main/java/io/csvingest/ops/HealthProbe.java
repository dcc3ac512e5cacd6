package io.csvingest.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The image's HEALTHCHECK: exits 0 when {@code /observe/health/ready} answers 200 on MANAGEMENT_PORT, else 1. In Java
 * because the JRE image has no curl; run as {@code java -cp /app/csv-ingest.jar io.csvingest.ops.HealthProbe}.
 */
public final class HealthProbe {

    private HealthProbe() {
    }

    public static void main(String... args) {
        String port = System.getenv().getOrDefault("MANAGEMENT_PORT", "9876");
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health/ready"))
                            .timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println(response.statusCode() + " " + response.body());
            System.exit(response.statusCode() == 200 ? 0 : 1);
        } catch (Exception e) {
            System.out.println("no answer on port " + port + ": " + e);
            System.exit(1);
        }
    }
}
