package io.trajectory.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/comparison/risk-summary}: the Indicator Risk Summary as the warehouse works it
 * out once (quarter, quarter before, same quarter last year), which the overview page shows too.
 */
@MicronautTest(transactional = false) // the tests hold no connection of the control database
class RiskSummaryTest extends ServiceTestSupport {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    protected HttpClient client() {
        return client;
    }

    JsonNode row(JsonNode rows, String theme, String rating) {
        for (JsonNode r : rows) {
            if (r.get("theme").asText().equals(theme) && r.get("rating").asText().equals(rating)) {
                return r;
            }
        }
        throw new AssertionError("no row for " + theme + " " + rating);
    }

    @Test
    void theRiskSummaryOf2007_08Q1ReproducesThePublishedReport() throws IOException {
        JsonNode answer = json(url("/api/v1/comparison/risk-summary", "period", "Q1 07-08"));
        JsonNode rows = answer.get("data");
        for (Map.Entry<String, int[]> theme : ComparisonSeedTest.seedTable().entrySet()) {
            for (int r = 0; r < ComparisonSeedTest.SEED_RATINGS.length; r++) {
                JsonNode x = row(rows, theme.getKey(), ComparisonSeedTest.SEED_RATINGS[r]);
                assertThat(x.get("previousCount").asLong()).as(theme.getKey() + " 2006/07 Q4").isEqualTo(theme.getValue()[2 * r]);
                assertThat(x.get("count").asLong()).as(theme.getKey() + " 2007/08 Q1").isEqualTo(theme.getValue()[2 * r + 1]);
            }
        }
        assertThat(answer.get("meta").get("periods").toString()).isEqualTo("[\"2006/07 Q1\",\"2006/07 Q4\",\"2007/08 Q1\"]");
        assertThat(answer.get("meta").get("shareRule").asText()).isNotBlank();
        assertThat(answer.get("chart").get("facet").get("field").asText()).isEqualTo("theme");
    }

    @Test
    void everyFigureEqualsTheTwoComparisonsItJoins() {
        for (String basis : List.of("latest", "as-reported")) {
            JsonNode rows = json(url("/api/v1/comparison/risk-summary", "period", "2008/09 Q2", "basis", basis)).get("data");
            Map<String, JsonNode> withPrevious = new HashMap<>();
            Map<String, JsonNode> withLastYear = new HashMap<>();
            json(url("/api/v1/comparison", "from", "2008/09 Q1", "to", "2008/09 Q2", "basis", basis)).at("/data/rows")
                    .forEach(r -> withPrevious.put(r.get("theme").asText() + "|" + r.get("rating").asText(), r));
            json(url("/api/v1/comparison", "from", "2007/08 Q2", "to", "2008/09 Q2", "basis", basis)).at("/data/rows")
                    .forEach(r -> withLastYear.put(r.get("theme").asText() + "|" + r.get("rating").asText(), r));
            assertThat(rows.size()).isEqualTo(withPrevious.size());
            for (JsonNode r : rows) {
                String key = r.get("theme").asText() + "|" + r.get("rating").asText();
                JsonNode p = withPrevious.get(key);
                JsonNode y = withLastYear.get(key);
                assertThat(r.get("count").asLong()).as(basis + " " + key).isEqualTo(p.get("toCount").asLong());
                assertThat(r.get("share").isNull() ? null : r.get("share").asDouble()).as(basis + " " + key)
                        .isEqualTo(p.get("toShare").isNull() ? null : p.get("toShare").asDouble());
                assertThat(r.get("previousCount").asLong()).as(basis + " " + key).isEqualTo(p.get("fromCount").asLong());
                assertThat(r.get("lastYearCount").asLong()).as(basis + " " + key).isEqualTo(y.get("fromCount").asLong());
                assertThat(r.get("lastYearShare").isNull() ? null : r.get("lastYearShare").asDouble()).as(basis + " " + key)
                        .isEqualTo(y.get("fromShare").isNull() ? null : y.get("fromShare").asDouble());
                assertThat(r.get("area").asText()).isEmpty();
            }
        }
    }

    @Test
    void aQuarterWithNoPublishedReturnHasNoFiguresRatherThanZeros() {
        // the sample's first return is 2006/07 Q1: a year before it there is none
        JsonNode rows = json(url("/api/v1/comparison/risk-summary", "period", "2006/07 Q1")).get("data");
        assertThat(rows).isNotEmpty();
        rows.forEach(r -> {
            assertThat(r.get("lastYearPeriod").asText()).isEqualTo("2005/06 Q1");
            assertThat(r.get("lastYearCount").isNull()).as(r.toString()).isTrue();
            assertThat(r.get("lastYearShare").isNull()).isTrue();
        });
        assertThat(row(rows, "Totals", "GREEN").get("count").asLong()).isPositive();
    }

    @Test
    void everyAreaTogetherIsAnAreaTooAndABadOneIsNamed() {
        JsonNode all = json(url("/api/v1/comparison/risk-summary", "period", "2008/09 Q2", "area", "all"));
        assertThat(all.get("meta").get("area").asText()).isEqualTo("all");
        assertThat(all.get("data").get(0).get("area").asText()).isEqualTo("all");
        assertThat(row(all.get("data"), "Totals", "GREEN").get("count").asLong())
                .isGreaterThanOrEqualTo(row(json(url("/api/v1/comparison/risk-summary", "period", "2008/09 Q2")).get("data"),
                        "Totals", "GREEN").get("count").asLong());
        assertThat(parse(body(get(url("/api/v1/comparison/risk-summary", "area", "Atlantis")))).get("parameter").asText())
                .isEqualTo("area");
        assertThat(parse(body(get(url("/api/v1/comparison/risk-summary", "period", "2008/09 Q9")))).get("parameter").asText())
                .isEqualTo("period");
    }
}
