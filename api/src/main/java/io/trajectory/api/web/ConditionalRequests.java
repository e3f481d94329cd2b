package io.trajectory.api.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;
import io.trajectory.api.snapshot.LiveSnapshot;
import io.trajectory.warehouse.query.SnapshotInfo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Conditional GETs for everything worked out from the snapshot (answers, extracts, pages). A
 * published snapshot never changes, so an answer is the same for as long as the same snapshot
 * serves the same request from the same user: its {@code ETag} names the snapshot version and a
 * digest of the request, and a browser or proxy that sends it back in {@code If-None-Match} gets
 * {@code 304 Not Modified} without the query running again. {@code Cache-Control: no-cache} makes
 * them ask every time, so a new snapshot is seen at once. Runs after security, so a 304 is only
 * ever given to someone who may read the answer.
 */
@ServerFilter("/**")
public final class ConditionalRequests implements Ordered {

    /** Not bound to the snapshot: the refresh history, administration, health, files on disk. */
    private static final List<String> NOT_SNAPSHOT_BOUND = List.of("/api/v1/refreshes", "/admin", "/health", "/reports/files");
    private static final String VERSION_SEEN = ConditionalRequests.class.getName() + ".version";

    private final LiveSnapshot live;
    /** A restart may bring other settings (a rating rule, say): its answers get other tags. */
    private final String instance = UUID.randomUUID().toString();

    public ConditionalRequests(LiveSnapshot live) {
        this.live = live;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.RENDERING.order();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> answerNotModified(HttpRequest<?> request) {
        Optional<SnapshotInfo> info = snapshotBound(request) ? live.info() : Optional.empty();
        if (info.isEmpty()) {
            return null;
        }
        request.setAttribute(VERSION_SEEN, info.get().version());
        String tag = tag(request, info.get().version());
        String ifNoneMatch = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && matches(ifNoneMatch, tag)) {
            return headers(HttpResponse.status(HttpStatus.NOT_MODIFIED), request, tag);
        }
        return null;
    }

    @ResponseFilter
    public void tagAnswer(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Optional<Integer> seen = request.getAttribute(VERSION_SEEN, Integer.class);
        if (seen.isEmpty() || response.getStatus() != HttpStatus.OK) {
            return;
        }
        // A snapshot switched while this request ran: its answer may come from either, so no tag.
        Optional<SnapshotInfo> now = live.info();
        if (now.isEmpty() || now.get().version() != seen.get()) {
            return;
        }
        headers(response, request, tag(request, seen.get()));
    }

    private static MutableHttpResponse<?> headers(MutableHttpResponse<?> response, HttpRequest<?> request, String tag) {
        response.getHeaders().set(HttpHeaders.ETAG, tag);
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL,
                (request.getUserPrincipal().isPresent() ? "private" : "public") + ", no-cache");
        response.getHeaders().set(HttpHeaders.VARY, "Accept, Authorization");
        return response;
    }

    private static boolean snapshotBound(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD) {
            return false;
        }
        String path = request.getPath();
        if (NOT_SNAPSHOT_BOUND.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"))
                || path.equals("/reports")) {
            return false;
        }
        // Controllers only: static scripts and styles are the server's own business.
        return RouteAttributes.getRouteMatch(request).filter(m -> m instanceof MethodBasedRouteMatch<?, ?>).isPresent();
    }

    /** {@code W/"v7-<digest>"}: weak, since the same answer may be sent compressed or not. */
    private String tag(HttpRequest<?> request, int version) {
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        String user = request.getUserPrincipal().map(Principal::getName).orElse("");
        String key = String.join("\n", instance, String.valueOf(version), request.getUri().toString(),
                accept == null ? "" : accept, user);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "W/\"v" + version + "-" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code If-None-Match} holds {@code *} or a list of tags, each compared weakly (RFC 9110 13.1.2). */
    private static boolean matches(String ifNoneMatch, String tag) {
        String opaque = tag.substring(2);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(tag) || c.equals(opaque) || (c.startsWith("W/") && c.substring(2).equals(opaque))) {
                return true;
            }
        }
        return false;
    }
}
