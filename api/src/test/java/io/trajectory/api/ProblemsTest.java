package io.trajectory.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.trajectory.warehouse.period.FiscalQuarter;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad requests answer problem+json naming the parameter; request text never becomes SQL. */
@MicronautTest(transactional = false) // the tests hold no connection of the control database
class ProblemsTest extends ServiceTestSupport {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    protected HttpClient client() {
        return client;
    }

    JsonNode problem(String url, int status) {
        HttpResponse<String> r = get(url);
        assertThat(r.getStatus().getCode()).as(url + ": " + body(r)).isEqualTo(status);
        assertThat(r.getContentType().orElseThrow().getName()).isEqualTo("application/problem+json");
        JsonNode p = parse(body(r));
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("detail").asText()).isNotBlank();
        return p;
    }

    @Test
    void trendForUnknownIndicatorReturns404() {
        JsonNode p = problem(url("/api/v1/trend", "indicator", "LAA 99.9"), 404);
        assertThat(p.get("parameter").asText()).isEqualTo("indicator");
        assertThat(p.get("detail").asText()).contains("LAA 99.9");
        assertThat(problem("/api/v1/indicators/LAA%2099.9", 404).get("parameter").asText()).isEqualTo("ref");
    }

    @Test
    void aBadPeriodReturns400NamingTheParameterAndTheAcceptedForms() {
        for (String bad : List.of("2007/08 Q5", "Q1 2007/09", "last quarter", "20075")) {
            JsonNode p = problem(url("/api/v1/trajectory-gap", "period", bad), 400);
            assertThat(p.get("parameter").asText()).isEqualTo("period");
            assertThat(p.get("acceptedForms").asText()).isEqualTo(FiscalQuarter.ACCEPTED_FORMS);
            assertThat(p.get("detail").asText()).contains(bad);
        }
        assertThat(problem(url("/api/v1/comparison", "from", "2006/07 Q4", "to", "nonsense"), 400)
                .get("parameter").asText()).isEqualTo("to");
        assertThat(problem(url("/api/v1/comparison", "to", "2006/07 Q4"), 400).get("parameter").asText()).isEqualTo("from");
    }

    @Test
    void everyPeriodSpellingIsAccepted() {
        for (String spelling : List.of("2007/08 Q1", "Q1 2007/08", "Q1 07-08", "2007-08-Q1", "2007-08;Q1",
                "Quarter 1 2007/08", "20071")) {
            JsonNode meta = json(url("/api/v1/trajectory-gap", "period", spelling)).get("meta");
            assertThat(meta.get("periods").get(0).asText()).as(spelling).isEqualTo("2007/08 Q1");
        }
    }

    @Test
    void otherBadParametersReturn400() {
        assertThat(problem(url("/api/v1/trend", "indicator", "LAA 5.10", "basis", "yesterday"), 400)
                .get("parameter").asText()).isEqualTo("basis");
        assertThat(problem(url("/api/v1/comparison", "from", "2006/07 Q4", "to", "2007/08 Q1", "subject", "people"), 400)
                .get("parameter").asText()).isEqualTo("subject");
        assertThat(problem(url("/api/v1/periods", "format", "xlsx"), 400).get("parameter").asText()).isEqualTo("format");
        assertThat(problem(url("/api/v1/commitments", "period", "2008/09 Q2", "rating", "purple"), 400)
                .get("parameter").asText()).isEqualTo("rating");
        assertThat(problem(url("/api/v1/trend", "indicator", "LAA 5.10", "area", "Atlantis"), 400)
                .get("parameter").asText()).isEqualTo("area");
        assertThat(problem(url("/api/v1/trend", "indicator", "LAA 5.10", "from", "2008/09 Q2", "to", "2007/08 Q1"), 400)
                .get("parameter").asText()).isEqualTo("from");
        assertThat(problem(url("/api/v1/trend"), 400).get("parameter").asText()).isEqualTo("indicator");
        assertThat(problem(url("/api/v1/trajectory-gap", "period", "2008/09 Q2", "theme", "Nope"), 400)
                .get("parameter").asText()).isEqualTo("theme");
        problem("/api/v1/no-such-thing", 404);
    }

    @Test
    void injectionAttemptsAreOnlyEverDataNeverSql() {
        List<String> attacks = List.of("LAA 5.10' OR '1'='1", "'; drop table dim_theme; --", "x\" or 1=1 --",
                "LAA 5.10'; select * from meta_refresh; --", ") union select 1,2,3 --", "%' or indicator_ref like '%");
        for (String attack : attacks) {
            problem(url("/api/v1/trend", "indicator", attack), 404);
            problem(url("/api/v1/indicators/" + attack.replace("%", "%25").replace(" ", "%20")
                    .replace("\"", "%22").replace("'", "%27").replace(";", "%3B")), 404);
            assertThat(json(url("/api/v1/indicators", "q", attack)).get("data").size()).as(attack).isZero();
            assertThat(json(url("/api/v1/indicators", "theme", attack)).get("data").size()).as(attack).isZero();
            problem(url("/api/v1/trajectory-gap", "period", attack), 400);
            problem(url("/api/v1/trajectory-gap", "period", "2008/09 Q2", "theme", attack), 400);
            problem(url("/api/v1/trend/themes", "area", attack), 400);
            problem(url("/api/v1/comparison", "from", "2006/07 Q4", "to", "2007/08 Q1", "basis", attack), 400);
        }
        // and the warehouse is as it was
        assertThat(json("/api/v1/themes").get("data").size()).isEqualTo(7);
        assertThat(json(url("/api/v1/indicators", "q", "LAA 5.10")).get("data").size()).isEqualTo(1);
    }
}
