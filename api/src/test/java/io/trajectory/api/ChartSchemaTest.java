package io.trajectory.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.trajectory.warehouse.rating.Rating;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every chart the service draws is valid Vega-Lite v5: checked against the official JSON schema
 * (fetched from npm at build time), with inline data, a title, and rating colours from Rating.
 */
@MicronautTest(transactional = false) // the tests hold no connection of the control database
class ChartSchemaTest extends ServiceTestSupport {

    static JsonSchema schema;

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    protected HttpClient client() {
        return client;
    }

    @BeforeAll
    static void loadSchema() throws IOException {
        Path file = Path.of(System.getProperty("trajectory.vegaLiteSchema", "target/npm/node_modules/vega-lite/build/vega-lite-schema.json"));
        assertThat(file).as("the Vega-Lite schema, fetched by the build with npm").exists();
        try (InputStream in = Files.newInputStream(file)) {
            // refs resolved as met: preloading every ref of this schema exhausts the heap
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .preloadJsonSchema(false).cacheRefs(false).build();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/periods",
            "/api/v1/themes",
            "/api/v1/indicators?theme=Health",
            "/api/v1/indicators/LAA%205.10",
            "/api/v1/trend?indicator=LAA%205.10",
            "/api/v1/trend?indicator=LAA%204.3.2&from=2007/08%20Q3&to=2008/09%20Q1",
            "/api/v1/trend?indicator=LAA%201.1.1&from=2005/06%20Q4&to=2008/09%20Q4",
            "/api/v1/trend/themes",
            "/api/v1/trajectory-gap?period=2008/09%20Q2",
            "/api/v1/comparison?from=2006/07%20Q4&to=2007/08%20Q1",
            "/api/v1/comparison?from=2008/09%20Q1&to=2008/09%20Q2&subject=commitments",
            "/api/v1/commitments?period=2008/09%20Q2",
            "/api/v1/refreshes"})
    void isEveryChartValidVegaLiteWithInlineDataAndATitle(String url) {
        JsonNode chart = json(url).get("chart");
        Set<ValidationMessage> errors = schema.validate(chart);
        assertThat(errors).as(url + "\n" + chart.toPrettyString().lines().limit(80).reduce("", (a, b) -> a + "\n" + b)).isEmpty();
        assertThat(chart.get("$schema").asText()).isEqualTo("https://vega.github.io/schema/vega-lite/v5.json");
        assertThat(chart.get("title").get("text").asText()).isNotBlank();
        assertThat(chart.findValues("url")).as("no data to fetch: everything inline").isEmpty();
        assertThat(chart.findValues("values")).isNotEmpty();
        // wherever a rating colour scale appears, each rating it lists (only those in the chart) has Rating's colour
        for (JsonNode scale : ratingScales(chart)) {
            List<String> colours = new ArrayList<>();
            scale.get("range").forEach(c -> colours.add(c.asText()));
            List<String> expected = new ArrayList<>();
            scale.get("domain").forEach(d -> expected.add(io.trajectory.warehouse.query.TrendQuery.ratingsInReportOrder()
                    .stream().filter(r -> r.label().equals(d.asText())).findFirst().map(Rating::colour).orElseThrow()));
            assertThat(colours).as("colours of " + scale.get("domain")).containsExactlyElementsOf(expected);
        }
    }

    /** The charts embedded in the scrutiny pages (drawn in a browser by PagesBrowserTest). */
    @ParameterizedTest
    @ValueSource(strings = {
            "/?period=2008/09%20Q2",
            "/?period=2006/07%20Q1",
            "/theme?theme=Safer",
            "/indicator?ref=LAA%201.2.2",
            "/moved?from=2008/09%20Q1&to=2008/09%20Q2",
            "/moved?from=2007/08%20Q2&to=2008/09%20Q2&basis=as-reported"})
    void isEveryChartOnThePagesValidVegaLite(String url) {
        HttpResponse<String> page = get(url, VIEWER, null);
        assertThat(page.getStatus().getCode()).isEqualTo(200);
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("<script type=\"application/json\" id=\"([^\"]+)\">(.*?)</script>", java.util.regex.Pattern.DOTALL)
                .matcher(body(page));
        int charts = 0;
        while (m.find()) {
            charts++;
            JsonNode chart = parse(m.group(2));
            assertThat(schema.validate(chart)).as(url + " " + m.group(1)).isEmpty();
            assertThat(chart.get("$schema").asText()).isEqualTo("https://vega.github.io/schema/vega-lite/v5.json");
            assertThat(chart.findValues("title")).as("a title").isNotEmpty();
            assertThat(chart.findValues("url")).as("no data to fetch: everything inline").isEmpty();
        }
        assertThat(charts).as("charts on " + url).isPositive();
    }

    @org.junit.jupiter.api.Test
    void doesTheValidatorCatchAnInvalidChart() {
        JsonNode bad = parse("{\"data\":{\"values\":[]},\"mark\":{\"type\":\"bars\"},\"encoding\":{\"x\":{\"field\":\"a\",\"type\":\"numeric\"}}}");
        assertThat(schema.validate(bad)).isNotEmpty();
    }

    static List<JsonNode> ratingScales(JsonNode chart) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode scale : chart.findValues("scale")) {
            JsonNode domain = scale.get("domain");
            boolean ratings = domain != null && domain.size() > 0 && io.trajectory.warehouse.query.TrendQuery
                    .ratingsInReportOrder().stream().anyMatch(r -> r.label().equals(domain.get(0).asText()));
            if (ratings && scale.has("range") && scale.get("range").get(0).asText().startsWith("#")) {
                out.add(scale);
            }
        }
        return out;
    }
}
