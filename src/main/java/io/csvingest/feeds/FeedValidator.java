package io.csvingest.feeds;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.model.RouteDefinition;

/** Checks a parsed feed file before it may replace what runs: explicit unique route ids, endpoints that resolve. */
final class FeedValidator {

    private FeedValidator() {
    }

    /**
     * Throws with a plain reason when the file must not be applied: a route id or feed name another feed file uses,
     * the id of one of the service's own routes, an endpoint option its component refuses.
     */
    static void validate(CamelContext context, FeedFile file, FeedFile previous, List<FeedFile> others) {
        Map<String, Path> owners = new HashMap<>();
        Map<String, Path> feedNames = new HashMap<>();
        for (FeedFile other : others) {
            other.routeIds().forEach(id -> owners.put(id, other.path()));
            other.feedNames().forEach(feed -> feedNames.put(feed, other.path()));
        }
        for (String feed : file.feedNames()) {
            if (feedNames.containsKey(feed)) {
                throw new IllegalArgumentException("feed:" + feed + " is already defined in " + feedNames.get(feed).getFileName());
            }
        }
        if (file.routes().isEmpty()) {
            throw new IllegalArgumentException("it defines no route");
        }
        Set<String> ids = new HashSet<>();
        for (RouteDefinition route : file.routes()) {
            if (!route.hasCustomIdAssigned()) {
                throw new IllegalArgumentException("a route has no id: give every route an explicit id");
            }
            String id = route.getRouteId();
            if (!ids.add(id)) {
                throw new IllegalArgumentException("route id '" + id + "' appears twice");
            }
            Path owner = owners.get(id);
            if (owner != null) {
                throw new IllegalArgumentException("route id '" + id + "' is already used by " + owner.getFileName());
            }
            if (context.getRoute(id) != null && (previous == null || !previous.routeIds().contains(id))) {
                throw new IllegalArgumentException("route id '" + id + "' is a built-in route of the service");
            }
            // resolving the endpoint checks its options: unknown option, bad mode, unknown column type, ...
            String uri = route.getInput().getEndpointUri();
            try {
                context.getEndpoint(uri);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("route '" + id + "': " + rootMessage(e), e);
            }
        }
    }

    /** One line saying why a feed file was not applied. */
    static String reason(Exception e) {
        String reason = e instanceof IllegalArgumentException ? e.getMessage() : rootMessage(e);
        return String.valueOf(reason).replaceAll("\\s+", " ").strip();
    }

    static String rootMessage(Throwable e) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                messages.add(t.getMessage());
            }
        }
        return messages.isEmpty() ? e.getClass().getSimpleName() : messages.get(messages.size() - 1).strip();
    }
}
