package io.trajectory.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Is it real or noise: trends read as XmR charts, over HTTP, on the sample agreement. */
@MicronautTest(transactional = false)
class ProcessControlTest extends ServiceTestSupport {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    protected HttpClient client() {
        return client;
    }

    @Test
    void doesATenQuarterTrendCarryTheProcessMeanAndLimitsOfItsFigures() {
        JsonNode answer = json(url("/api/v1/trend", "indicator", "LAA 5.10", "from", "2006/07 Q1", "to", "2008/09 Q2"));
        JsonNode data = answer.get("data");
        List<Double> figures = new ArrayList<>();
        data.forEach(r -> figures.add(r.get("actual").isNull() ? null : r.get("actual").asDouble()));
        double sum = 0;
        int n = 0;
        double ranges = 0;
        int m = 0;
        for (int i = 0; i < figures.size(); i++) {
            if (figures.get(i) == null) {
                continue;
            }
            sum += figures.get(i);
            n++;
            if (i > 0 && figures.get(i - 1) != null) {
                ranges += Math.abs(figures.get(i) - figures.get(i - 1));
                m++;
            }
        }
        assertThat(n).isEqualTo(10);
        double mean = sum / n;
        double mr = ranges / m;
        for (JsonNode r : data) {
            assertThat(r.get("processMean").asDouble()).isCloseTo(mean, within(1e-9));
            assertThat(r.get("lowerProcessLimit").asDouble()).isCloseTo(mean - 2.66 * mr, within(1e-9));
            assertThat(r.get("upperProcessLimit").asDouble()).isCloseTo(mean + 2.66 * mr, within(1e-9));
            assertThat(r.get("specialCause").isArray()).isTrue();
            assertThat(r.get("variation").asText()).isIn("IMPROVING", "CONCERNING", "COMMON");
        }
        JsonNode control = answer.get("meta").get("processControl");
        assertThat(control.get("figures").asInt()).isEqualTo(10);
        assertThat(control.get("assurance").asText()).isIn("CONSISTENTLY_PASSING", "CONSISTENTLY_FAILING", "HIT_AND_MISS");
        assertThat(control.get("target").asDouble()).isEqualTo(10800.0);
        // A caseload rising quarter after quarter: the first figures sit below the mean, the last above
        assertThat(data.get(0).get("variation").asText()).isEqualTo("CONCERNING");
        assertThat(data.get(9).get("variation").asText()).isEqualTo("IMPROVING");
    }

    @Test
    void doesAShortTrendSayWhyItHasNoProcessLimits() {
        JsonNode answer = json(url("/api/v1/trend", "indicator", "LAA 5.10", "from", "2007/08 Q3", "to", "2008/09 Q2"));
        JsonNode first = answer.get("data").get(0);
        assertThat(first.get("processMean").isNull()).isTrue();
        assertThat(first.get("processLimitsReason").asText()).isEqualTo("process limits need at least 10 figures; there are 4");
        assertThat(first.get("variation").isNull()).isTrue();
        assertThat(answer.get("meta").get("processControl").get("assuranceReason").asText()).isEqualTo("no process limits");
    }
}
