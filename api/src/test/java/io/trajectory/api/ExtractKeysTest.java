package io.trajectory.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every extract, the answers' and the pages' CSV downloads alike, carries its key columns
 * (indicator, period, area, as they apply), so an analyst can stack extracts of several
 * indicators, areas or quarters and still tell the rows apart; and the figures are the JSON's,
 * nothing rounded away.
 */
@MicronautTest(transactional = false) // the tests hold no connection of the control database
class ExtractKeysTest extends ServiceTestSupport {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    protected HttpClient client() {
        return client;
    }

    List<CSVRecord> csv(String url, String login, List<String> keys) throws IOException {
        HttpResponse<String> r = exchange(HttpRequest.GET(url.replace(" ", "%20")).basicAuth(login.split(":")[0],
                login.split(":")[1]).accept("text/csv"), String.class);
        assertThat(r.getStatus().getCode()).as(url + ": " + body(r)).isEqualTo(200);
        assertThat(r.getContentType().orElseThrow().getName()).as(url).isEqualTo("text/csv");
        try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body(r)))) {
            assertThat(p.getHeaderNames()).as("key columns of " + url).containsAll(keys);
            List<CSVRecord> rows = p.getRecords();
            assertThat(rows).as("rows of " + url).isNotEmpty();
            for (CSVRecord row : rows) {
                for (String key : keys) {
                    if (!key.equals("area")) { // the whole authority's area code is blank, as in the landing zone
                        assertThat(row.get(key)).as(key + " in " + url + " line " + row.getRecordNumber()).isNotBlank();
                    }
                }
            }
            return rows;
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/periods | period",
            "/api/v1/themes | theme",
            "/api/v1/indicators | ref",
            "/api/v1/indicators/LAA 5.10 | indicator,period",
            "/api/v1/trend?indicator=LAA 5.10 | indicator,period,area",
            "/api/v1/trend/themes?area=all | theme,period,area,rating",
            "/api/v1/trajectory-gap?period=2008/09 Q2 | indicator,period,area",
            "/api/v1/comparison?from=2006/07 Q4&to=2007/08 Q1 | fromPeriod,toPeriod,area,theme,rating",
            "/api/v1/comparison?from=2006/07 Q4&to=2007/08 Q1&table=transitions | fromPeriod,toPeriod,area,from,to",
            "/api/v1/comparison?from=2006/07 Q4&to=2007/08 Q1&table=movers | fromPeriod,toPeriod,area,ref",
            "/api/v1/comparison/risk-summary?period=2007/08 Q1 | area,theme,rating,period",
            "/api/v1/commitments?period=2008/09 Q2 | period,ref,item",
            "/risk-summary.csv?period=2007/08 Q1 | area,theme,rating,period",
            "/theme/ratings.csv?theme=Safer | theme,period,area,rating",
            "/theme/gaps.csv?theme=Safer | indicator,period,area",
            "/indicator/trend.csv?ref=LAA 1.2.2 | indicator,period,area",
            "/indicator/history.csv?ref=LAA 1.2.2 | ref,version",
            "/moved/indicators.csv?from=2008/09 Q1&to=2008/09 Q2 | fromPeriod,toPeriod,area,ref",
            "/moved/commitments.csv?from=2008/09 Q1&to=2008/09 Q2 | fromPeriod,toPeriod,area,ref",
            "/moved/indicators-transitions.csv?from=2008/09 Q1&to=2008/09 Q2 | fromPeriod,toPeriod,area,from,to",
            "/moved/commitments-transitions.csv?from=2008/09 Q1&to=2008/09 Q2 | fromPeriod,toPeriod,area,from,to"})
    void everyExtractCarriesItsKeyColumns(String url, String keys) throws IOException {
        csv(url, ANALYST, Arrays.asList(keys.split(",")));
    }

    @Test
    void trendsOfTwoIndicatorsInTwoAreasStackIntoRowsThatStillSayWhichIsWhich() throws IOException {
        String area = json(url("/api/v1/trajectory-gap", "period", "2008/09 Q2")).get("data").get(0).get("area").asText();
        assertThat(area).as("the whole authority's area code").isEmpty();
        List<CSVRecord> stacked = new ArrayList<>();
        for (String ref : List.of("LAA 5.10", "LAA 1.2.2")) {
            stacked.addAll(csv(url("/api/v1/trend", "indicator", ref, "from", "2007/08 Q1", "to", "2008/09 Q2"), ANALYST,
                    List.of("indicator", "period", "area")));
        }
        assertThat(stacked).hasSize(12);
        assertThat(stacked.subList(0, 6)).allMatch(r -> r.get("indicator").equals("LAA 5.10") && r.get("area").isEmpty());
        assertThat(stacked.subList(6, 12)).allMatch(r -> r.get("indicator").equals("LAA 1.2.2"));
    }

    @Test
    void aDistrictsTrendNamesTheDistrictInEveryRow() throws IOException {
        assertThat(json(url("/api/v1/trend/themes", "area", "all")).get("data").get(0).get("area").asText())
                .as("every area together").isEqualTo("all");
        // the sample's districts report some indicators; LAA 5.8 is reported by Harnby
        List<CSVRecord> rows = csv(url("/api/v1/trend", "indicator", "LAA 5.8", "area", "Harnby"), ANALYST,
                List.of("indicator", "period", "area"));
        String code = rows.get(0).get("area");
        assertThat(code).isNotBlank();
        assertThat(rows).allMatch(r -> r.get("area").equals(code) && r.get("indicator").equals("LAA 5.8"));
        assertThat(rows).anyMatch(r -> r.get("actual").equals("4461.0"));
    }

    @Test
    void theRiskSummaryExtractHasEveryShareTheJsonHasNothingRounded() throws IOException {
        String u = url("/api/v1/comparison/risk-summary", "period", "2007/08 Q1");
        JsonNode data = json(u).get("data");
        List<CSVRecord> rows = csv(u, ANALYST, List.of("area", "theme", "rating", "period"));
        assertThat(rows).hasSize(data.size());
        for (int i = 0; i < rows.size(); i++) {
            for (String share : List.of("share", "previousShare", "lastYearShare")) {
                JsonNode j = data.get(i).get(share);
                String cell = rows.get(i).get(share);
                if (j.isNull()) {
                    assertThat(cell).isEmpty();
                } else {
                    assertThat(Double.parseDouble(cell)).as(share + " of row " + i).isEqualTo(j.asDouble());
                }
            }
        }
    }
}
