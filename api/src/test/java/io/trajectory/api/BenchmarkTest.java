package io.trajectory.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * How do we compare: the sample's districts on LAA 5.10 (housing benefit recipients aged 60+,
 * higher is better) in 2008/09 Q2, against every district and against the urban districts'
 * comparison group; and districts measured against their own plans, or none.
 */
@MicronautTest(transactional = false)
class BenchmarkTest extends ServiceTestSupport {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    protected HttpClient client() {
        return client;
    }

    @Test
    void doesHarnbyRankThirdOfTheSevenDistrictsWithTheMedianAndQuartilesOfTheirFigures() {
        JsonNode answer = json(url("/api/v1/benchmark", "indicator", "LAA 5.10", "period", "2008/09 Q2", "area", "Harnby"));
        JsonNode data = answer.get("data");
        List<String> order = new ArrayList<>();
        data.get("rows").forEach(r -> order.add(r.get("area").asText() + " " + r.get("rank").asInt() + "/"
                + r.get("of").asInt() + " q" + r.get("quartile").asInt()));
        // 1966, 1791, 1625, 1467, 1321, 1141, 1119
        assertThat(order).containsExactly("Cressbrook 1/7 q1", "Aldermoor 2/7 q1", "Harnby 3/7 q2", "Ravensdale 4/7 q2",
                "Oakley Chase 5/7 q3", "Whitmore Downs 6/7 q3", "Fenwick Vale 7/7 q4");
        JsonNode summary = data.get("summary");
        assertThat(summary.get("count").asInt()).isEqualTo(7);
        assertThat(summary.get("median").asDouble()).isEqualTo(1467.0);
        assertThat(summary.get("lowerQuartile").asDouble()).isCloseTo(1141 + 0.5 * (1321 - 1141), within(1e-9));
        assertThat(summary.get("upperQuartile").asDouble()).isCloseTo(1625 + 0.5 * (1791 - 1625), within(1e-9));
        assertThat(summary.get("best").asDouble()).isEqualTo(1966.0);
        assertThat(summary.get("worst").asDouble()).isEqualTo(1119.0);
        assertThat(data.get("focus").get("areaName").asText()).isEqualTo("Harnby BC");
        assertThat(answer.get("meta").get("area").asText()).isEqualTo("Harnby");
        assertThat(answer.get("chart").get("title").get("subtitle").asText()).contains("Harnby BC is 3rd of 7 (quartile 2)");
    }

    @Test
    void doesAComparisonGroupRankOnlyItsMembers() {
        JsonNode data = json(url("/api/v1/benchmark", "indicator", "LAA 5.10", "period", "2008/09 Q2", "area", "Harnby",
                "group", "urban districts")).get("data");
        assertThat(data.get("rows").size()).isEqualTo(3);
        assertThat(data.get("focus").get("rank").asInt()).isEqualTo(2);
        assertThat(data.get("focus").get("quartile").asInt()).as("floor(1 * 4 / 3) + 1").isEqualTo(2);
        assertThat(data.get("summary").get("median").asDouble()).isEqualTo(1625.0);
    }

    @Test
    void doesATrendAgainstAGroupCarryTheGroupsMedianEachQuarter() {
        JsonNode answer = json(url("/api/v1/trend", "indicator", "LAA 5.10", "area", "Harnby", "from", "2008/09 Q1",
                "to", "2008/09 Q2", "group", "Urban districts"));
        JsonNode q2 = answer.get("data").get(1);
        assertThat(q2.get("period").asText()).isEqualTo("2008/09 Q2");
        assertThat(q2.get("groupMedian").asDouble()).isEqualTo(1625.0);
        assertThat(answer.get("meta").get("group").asText()).isEqualTo("Urban districts");
        assertThat(answer.get("chart").toString()).contains("Comparison group median");
    }

    @Test
    void doesAnUnknownGroupNameTheParameterAndTheGroupsThereAre() {
        HttpResponse<String> r = get(url("/api/v1/benchmark", "indicator", "LAA 5.10", "group", "Coastal"));
        assertThat(r.getStatus().getCode()).isEqualTo(400);
        JsonNode p = parse(body(r));
        assertThat(p.get("parameter").asText()).isEqualTo("group");
        assertThat(p.get("acceptedForms").asText()).contains("Rural districts", "Urban districts");
    }

    @Test
    void doesTheBenchmarkExtractCarryItsKeyColumns() throws Exception {
        HttpResponse<String> r = get(url("/api/v1/benchmark", "indicator", "LAA 5.10", "period", "2008/09 Q2",
                "format", "csv"));
        assertThat(r.getStatus().getCode()).isEqualTo(200);
        try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body(r)))) {
            assertThat(p.getHeaderNames()).startsWith("indicator", "period", "area", "areaName", "actual", "rank", "of",
                    "quartile");
            assertThat(p.getRecords()).hasSize(7).first().satisfies(rec -> {
                assertThat(rec.get("indicator")).isEqualTo("LAA 5.10");
                assertThat(rec.get("period")).isEqualTo("2008/09 Q2");
                assertThat(rec.get("area")).isEqualTo("Cressbrook");
            });
        }
    }

    @Test
    void isADistrictMeasuredAgainstItsOwnPlanAndOneWithoutAPlanNeverFlagged() {
        JsonNode harnby = json(url("/api/v1/trajectory-gap", "period", "2008/09 Q2", "area", "Harnby", "theme",
                "Older People")).get("data");
        JsonNode h = null;
        JsonNode w = null;
        for (JsonNode row : harnby) {
            if (row.get("indicator").asText().equals("LAA 5.10")) {
                h = row;
            }
        }
        assertThat(h).isNotNull();
        assertThat(h.get("planned").asDouble()).isEqualTo(1662.5);
        assertThat(h.get("gap").asDouble()).isEqualTo(-37.5);
        assertThat(h.get("gapShareOfPlannedImprovement").asDouble()).as("37.5 of the 87.5 planned so far")
                .isCloseTo(-37.5 / 87.5, within(1e-9));
        for (JsonNode row : json(url("/api/v1/trajectory-gap", "period", "2008/09 Q2", "area", "Whitmore Downs", "theme",
                "Older People")).get("data")) {
            if (row.get("indicator").asText().equals("LAA 5.10")) {
                w = row;
            }
        }
        assertThat(w).isNotNull();
        assertThat(w.get("actual").asDouble()).isEqualTo(1141.0);
        assertThat(w.get("planned").isNull()).isTrue();
        assertThat(w.get("gap").isNull()).isTrue();
        assertThat(w.get("computedRating").isNull()).isTrue();
        assertThat(w.get("computedRatingReason").asText()).isEqualTo("no plan for Whitmore Downs DC");
        assertThat(w.get("ratingsDisagree").asBoolean()).isFalse();
    }

    @Test
    void doTheAreasAndGroupsListSayWhatEachAreaIs() {
        JsonNode areas = json("/api/v1/areas").get("data");
        JsonNode harnby = null;
        for (JsonNode a : areas) {
            if (a.get("code").asText().equals("Harnby")) {
                harnby = a;
            }
        }
        assertThat(harnby).isNotNull();
        assertThat(harnby.get("name").asText()).isEqualTo("Harnby BC");
        assertThat(harnby.get("type").asText()).isEqualTo("district");
        assertThat(harnby.get("hasFigures").asBoolean()).isTrue();
        JsonNode groups = json("/api/v1/comparison-groups").get("data");
        assertThat(groups.size()).isEqualTo(2);
    }
}
