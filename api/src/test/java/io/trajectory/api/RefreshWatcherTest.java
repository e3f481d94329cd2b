package io.trajectory.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.trajectory.warehouse.load.LoadReport;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A changed sign-off in the landing zone starts a refresh by itself: the real ETL runs as a child
 * process, publishes a new snapshot, the run is recorded with its rows, and the service answers
 * from the new snapshot without a restart.
 */
@MicronautTest(transactional = false) // the tests hold no connection of the control database
class RefreshWatcherTest extends ServiceTestSupport {

    static final Path DATA = copy(SampleSnapshot.dataDir(), Path.of("target/refresh-watch-data"));
    static final Path LANDING = copy(SampleSnapshot.root().resolve("etl/sample/landing"), Path.of("target/refresh-watch-landing"));

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    protected HttpClient client() {
        return client;
    }

    static Path copy(Path from, Path to) {
        try {
            Path target = to.toAbsolutePath();
            SampleSnapshot.deleteTree(target);
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path p : walk.toList()) {
                    if (p.getFileName().toString().startsWith("control.duckdb")) {
                        continue; // the refresh history other tests made is theirs
                    }
                    Path dest = target.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of("trajectory.data-dir", DATA.toString(),
                "trajectory.refresh.landing-dir", LANDING.toString(),
                "trajectory.refresh.watch-interval", "300ms",
                "trajectory.refresh.etl-args", "--force",
                "trajectory.refresh.etl-jar", SampleSnapshot.etlJar().toString());
    }

    @Test
    void doesANewSignOffRefreshTheWarehouseAndSwitchToTheNewSnapshot() throws Exception {
        int before = json(url("/api/v1/trajectory-gap", "period", "2008/09 Q2")).get("meta").get("snapshotVersion").asInt();
        Thread.sleep(1500); // the watcher takes today's sign-offs as its baseline
        assertThat(parse(body(get("/api/v1/refreshes"))).get("data").size()).as("nothing to do yet").isZero();

        Path signoff = LANDING.resolve("returns/2008-09-Q2/signoff.json");
        String text = Files.readString(signoff, StandardCharsets.UTF_8);
        Files.writeString(signoff, text.replace("}", ", \"note\": \"signed off again\"}"), StandardCharsets.UTF_8);

        JsonNode run = null;
        long deadline = System.nanoTime() + 480_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode runs = parse(body(get("/api/v1/refreshes"))).get("data");
            if (runs.size() > 0 && !runs.get(0).get("outcome").asText().equals("RUNNING")) {
                run = runs.get(0);
                break;
            }
            Thread.sleep(500);
        }
        assertThat(run).as("a refresh ran and ended within 8 minutes").isNotNull();
        assertThat(run.get("trigger").asText()).isEqualTo("SCHEDULED");
        assertThat(run.get("outcome").asText()).as(run.toString()).isEqualTo("PUBLISHED");
        assertThat(run.get("snapshotVersion").asInt()).isEqualTo(before + 1);
        assertThat(run.get("rowsLoaded").isNumber()).isTrue();
        assertThat(run.get("rowsQuarantined").asLong()).isZero();
        LoadReport summary = LoadReport.read(DATA.resolve("logs/refresh-" + run.get("id").asText() + ".json"));
        assertThat(summary.outcome()).as("the run is recorded from the ETL's summary").isEqualTo(LoadReport.Outcome.PUBLISHED);
        assertThat(run.get("rowsLoaded").asLong()).isEqualTo(summary.rowsLoaded()).isPositive();
        assertThat(run.get("snapshotVersion").asInt()).isEqualTo(summary.snapshotVersion());
        assertThat(json(url("/api/v1/trajectory-gap", "period", "2008/09 Q2")).get("meta").get("snapshotVersion").asInt())
                .isEqualTo(before + 1);

        // the new latest quarter's report pack is written under the data folder and listed on /reports
        for (String file : List.of("quarterly-2008-09-Q2.html", "quarterly-2008-09-Q2.pdf", "quarterly-2008-09-Q2.docx")) {
            Path written = DATA.resolve("reports").resolve(file);
            assertThat(written).as(file).isRegularFile();
            assertThat(Files.size(written)).as(file).isPositive();
        }
        try (PDDocument pdf = Loader.loadPDF(DATA.resolve("reports/quarterly-2008-09-Q2.pdf").toFile())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(3);
        }
        String reports = body(get("/reports", ANALYST, "text/html"));
        assertThat(reports).contains("href=\"/reports/files/quarterly-2008-09-Q2.pdf\"");
        HttpResponse<byte[]> download = getBytes("/reports/files/quarterly-2008-09-Q2.pdf", null);
        assertThat(download.getStatus().getCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(Files.readAllBytes(DATA.resolve("reports/quarterly-2008-09-Q2.pdf")));
        assertThat(getBytes("/reports/files/..%2Fcurrent", null).getStatus().getCode())
                .as("only a written pack's file can be fetched").isEqualTo(404);
    }
}
