package io.csvingest.feeds;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;

/** Swaps a feed file's routes in the running context: feed routes stop first, failed starts put the old ones back. */
final class RouteSwap {

    private static final long DRAIN_HOURS = 24;

    private final CamelContext context;

    RouteSwap(CamelContext context) {
        this.context = context;
    }

    /** Whether one of the file's routes has an exchange (a CSV file) in flight. */
    boolean busy(FeedFile file) {
        return file.routeIds().stream().anyMatch(id -> context.getInflightRepository().size(id) > 0);
    }

    /**
     * Stops the file's feed routes gracefully with no practical time limit: their consumers take no new file and
     * the file in flight, however long, finishes (a forced stop would fail it). The other routes stop in {@link #replace}.
     */
    void drain(FeedFile file) {
        for (RouteDefinition route : feedRoutesFirst(file.routes())) {
            if (isFeedRoute(route) && context.getRoute(route.getRouteId()) != null) {
                try {
                    context.getRouteController().stopRoute(route.getRouteId(), DRAIN_HOURS, TimeUnit.HOURS);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot stop route " + route.getRouteId() + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** Replaces {@code current} (null: nothing yet) by {@code next}; on failure the old routes run again. */
    void replace(FeedFile current, FeedFile next) throws Exception {
        ModelCamelContext model = (ModelCamelContext) context;
        List<RouteDefinition> old = current == null ? List.of() : feedRoutesFirst(current.routes());
        model.removeRouteDefinitions(old);
        try {
            model.addRouteDefinitions(next.routes());
        } catch (Exception e) {
            try {
                model.removeRouteDefinitions(next.routes().stream().filter(r -> context.getRoute(r.getRouteId()) != null).toList());
                model.addRouteDefinitions(old);
            } catch (Exception restore) {
                e.addSuppressed(restore);
            }
            throw e;
        }
    }

    void remove(FeedFile gone) throws Exception {
        ((ModelCamelContext) context).removeRouteDefinitions(feedRoutesFirst(gone.routes()));
    }

    /** Whether all of the file's routes run. */
    boolean running(FeedFile file) {
        return file.routeIds().stream().allMatch(id -> context.getRouteController().getRouteStatus(id) == ServiceStatus.Started);
    }

    /** Starts again the file's routes that a drain stopped. */
    void restart(FeedFile file) {
        for (String id : file.routeIds()) {
            try {
                if (context.getRoute(id) != null && context.getRouteController().getRouteStatus(id) != ServiceStatus.Started) {
                    context.getRouteController().startRoute(id);
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot restart route " + id + ": " + e.getMessage(), e);
            }
        }
    }

    private static boolean isFeedRoute(RouteDefinition route) {
        return route.getInput().getEndpointUri().startsWith("feed:");
    }

    /** The routes that take files first, so a route they call is never stopped under a file in flight. */
    private static List<RouteDefinition> feedRoutesFirst(List<RouteDefinition> routes) {
        return routes.stream()
                .sorted(Comparator.comparing((RouteDefinition r) -> !isFeedRoute(r)))
                .toList();
    }
}
