package io.trajectory.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV and Arrow extracts carry the same rows as the JSON data, read back with real parsers. */
@MicronautTest(transactional = false) // the tests hold no connection of the control database
class ExtractsTest extends ServiceTestSupport {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    protected HttpClient client() {
        return client;
    }

    static final String GAP = url("/api/v1/trajectory-gap", "period", "2008/09 Q2");

    List<CSVRecord> csv(HttpResponse<byte[]> r) throws IOException {
        assertThat(r.getStatus().getCode()).isEqualTo(200);
        assertThat(r.getContentType().orElseThrow().getName()).isEqualTo("text/csv");
        String text = new String(r.body(), StandardCharsets.UTF_8);
        try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))) {
            assertThat(p.getHeaderNames()).contains("indicator", "gap", "computedRating", "ratingsDisagree");
            return p.getRecords();
        }
    }

    @Test
    void doesTheGapAsCsvHoldTheSameRowsAsTheJson() throws IOException {
        JsonNode data = json(GAP).get("data");
        for (HttpResponse<byte[]> r : List.of(getBytes(GAP, "text/csv"), getBytes(GAP + "&format=csv", null))) {
            List<CSVRecord> rows = csv(r);
            assertThat(rows).hasSize(data.size());
            for (int i = 0; i < rows.size(); i++) {
                JsonNode j = data.get(i);
                assertThat(rows.get(i).get("indicator")).isEqualTo(j.get("indicator").asText());
                assertThat(rows.get(i).get("computedRating")).isEqualTo(j.get("computedRating").asText());
                String gap = rows.get(i).get("gap");
                if (j.get("gap").isNull()) {
                    assertThat(gap).isEmpty();
                } else {
                    assertThat(Double.parseDouble(gap)).isEqualTo(j.get("gap").asDouble());
                }
            }
        }
    }

    @Test
    void doesTheGapAsArrowHoldTheSameRowsAsTheJson() throws IOException {
        JsonNode data = json(GAP).get("data");
        for (HttpResponse<byte[]> r : List.of(getBytes(GAP, "application/vnd.apache.arrow.stream"),
                getBytes(GAP + "&format=arrow", null))) {
            assertThat(r.getStatus().getCode()).isEqualTo(200);
            assertThat(r.getContentType().orElseThrow().getName()).isEqualTo("application/vnd.apache.arrow.stream");
            List<String> refs = new ArrayList<>();
            List<Double> gaps = new ArrayList<>();
            List<Boolean> disagree = new ArrayList<>();
            try (RootAllocator allocator = new RootAllocator();
                 ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(r.body()), allocator)) {
                VectorSchemaRoot root = reader.getVectorSchemaRoot();
                assertThat(root.getSchema().findField("gap").getType().toString()).contains("FloatingPoint");
                while (reader.loadNextBatch()) {
                    for (int i = 0; i < root.getRowCount(); i++) {
                        refs.add(root.getVector("indicator").getObject(i).toString());
                        gaps.add((Double) root.getVector("gap").getObject(i));
                        disagree.add((Boolean) root.getVector("ratingsDisagree").getObject(i));
                    }
                }
            }
            assertThat(refs).hasSize(data.size());
            for (int i = 0; i < refs.size(); i++) {
                JsonNode j = data.get(i);
                assertThat(refs.get(i)).isEqualTo(j.get("indicator").asText());
                assertThat(gaps.get(i)).isEqualTo(j.get("gap").isNull() ? null : j.get("gap").asDouble());
                assertThat(disagree.get(i)).isEqualTo(j.get("ratingsDisagree").asBoolean());
            }
        }
    }

    @Test
    void doesTheComparisonExtractCarryTheRiskSummaryRowsOrTheTableAskedFor() throws IOException {
        String u = url("/api/v1/comparison", "from", "2006/07 Q4", "to", "2007/08 Q1", "format", "csv");
        String text = new String(getBytes(u, null).body(), StandardCharsets.UTF_8);
        try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))) {
            // the key columns first (issue 8: extracts an analyst can stack), then the rows as before
            assertThat(p.getHeaderNames()).containsExactly("fromPeriod", "toPeriod", "area", "theme", "rating", "fromCount",
                    "toCount", "fromShare", "toShare");
            boolean found = false;
            for (CSVRecord rec : p) {
                if (rec.get("theme").equals("Totals") && rec.get("rating").equals("GREEN")) {
                    found = rec.get("fromCount").equals("63") && rec.get("toCount").equals("80");
                }
            }
            assertThat(found).isTrue();
        }
        String movers = new String(getBytes(u + "&table=movers", null).body(), StandardCharsets.UTF_8);
        assertThat(movers.lines().findFirst().orElseThrow())
                .isEqualTo("fromPeriod,toPeriod,area,ref,title,theme,from,to,officer,comment");
    }

    @Test
    void doesATrendAsCsvKeepTheMissingQuarterAsEmptyCells() throws IOException {
        String u = url("/api/v1/trend", "indicator", "LAA 4.3.2", "from", "2007/08 Q3", "to", "2008/09 Q1", "format", "csv");
        String text = new String(getBytes(u, null).body(), StandardCharsets.UTF_8);
        try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))) {
            List<CSVRecord> rows = p.getRecords();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(1).get("period")).isEqualTo("2007/08 Q4");
            assertThat(rows.get(1).get("actual")).isEmpty();
        }
    }
}
