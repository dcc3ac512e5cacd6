package io.csvingest.feeds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/** One YAML file of {@code routes/} read and parsed into route definitions, without touching the running routes. */
record FeedFile(Path path, String checksum, List<RouteDefinition> routes) {

    static FeedFile read(CamelContext context, Path path) throws Exception {
        String yaml = Files.readString(path, StandardCharsets.UTF_8);
        Resource resource = ResourceHelper.fromString("file:" + path.toAbsolutePath(), yaml);
        List<RouteDefinition> routes = new ArrayList<>();
        for (RoutesBuilder builder : PluginHelper.getRoutesLoader(context).findRoutesBuilders(List.of(resource))) {
            RouteBuilder routeBuilder = (RouteBuilder) builder;
            routeBuilder.setCamelContext(context);
            routeBuilder.configure();
            routes.addAll(routeBuilder.getRouteCollection().getRoutes());
        }
        return new FeedFile(path, checksum(yaml), List.copyOf(routes));
    }

    /** The feed files of a folder: {@code *.yaml} / {@code *.yml}, not hidden, sorted. */
    static List<Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("[^.].*\\.ya?ml")).sorted().toList();
        }
    }

    static String checksum(Path path) throws IOException {
        return checksum(Files.readString(path, StandardCharsets.UTF_8));
    }

    List<String> routeIds() {
        return routes.stream().map(RouteDefinition::getRouteId).toList();
    }

    /** The names of the {@code feed:} endpoints its routes start from. */
    List<String> feedNames() {
        return routes.stream()
                .map(route -> route.getInput().getEndpointUri())
                .filter(uri -> uri.startsWith("feed:"))
                .map(uri -> uri.substring("feed:".length()).replaceFirst("^//", "").replaceFirst("\\?.*$", ""))
                .toList();
    }

    private static String checksum(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
