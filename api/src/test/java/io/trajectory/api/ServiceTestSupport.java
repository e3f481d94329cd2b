package io.trajectory.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Tests that start the real service on the sample agreement's real snapshot and ask it
 * questions over HTTP with a real client, logged in as the analyst unless they say otherwise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceTestSupport implements TestPropertyProvider {

    public static final String VIEWER = "viewer:viewer-pass";
    public static final String ANALYST = "analyst:analyst-pass";
    public static final String ADMIN = "admin:admin123";

    protected static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Map<String, String> getProperties() {
        return Map.of("trajectory.data-dir", SampleSnapshot.dataDir().toString());
    }

    protected abstract HttpClient client();

    /** {@code /api/v1/trend?indicator=LAA 5.10&from=...}: values encoded here. */
    protected static String url(String path, String... keysAndValues) {
        StringBuilder b = new StringBuilder(path);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            b.append(i == 0 ? '?' : '&').append(keysAndValues[i]).append('=')
                    .append(URLEncoder.encode(keysAndValues[i + 1], StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return b.toString();
    }

    /** GET as the analyst; any status, body as text. */
    protected HttpResponse<String> get(String url) {
        return get(url, ANALYST, null);
    }

    /** GET with {@code user:password} (null = anonymous) and an Accept header (null = none). */
    protected HttpResponse<String> get(String url, String login, String accept) {
        MutableHttpRequest<?> request = HttpRequest.GET(url);
        if (login != null) {
            String[] up = login.split(":", 2);
            request.basicAuth(up[0], up[1]);
        }
        if (accept != null) {
            request.accept(accept);
        }
        return exchange(request, String.class);
    }

    protected HttpResponse<byte[]> getBytes(String url, String accept) {
        MutableHttpRequest<?> request = HttpRequest.GET(url).basicAuth("analyst", "analyst-pass");
        if (accept != null) {
            request.accept(accept);
        }
        return exchange(request, byte[].class);
    }

    @SuppressWarnings("unchecked")
    protected <T> HttpResponse<T> exchange(MutableHttpRequest<?> request, Class<T> type) {
        try {
            return client().toBlocking().exchange(request, type);
        } catch (HttpClientResponseException e) {
            HttpResponse<T> r = (HttpResponse<T>) e.getResponse();
            return r;
        }
    }

    /** GET as the analyst, expecting 200, parsed. */
    protected JsonNode json(String url) {
        HttpResponse<String> r = get(url);
        if (r.getStatus().getCode() != 200) {
            throw new AssertionError("GET " + url + " answered " + r.getStatus() + ": " + body(r));
        }
        return parse(body(r));
    }

    protected static String body(HttpResponse<String> r) {
        return r.getBody(String.class).orElse("");
    }

    protected static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
