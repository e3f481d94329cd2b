package io.trajectory.warehouse.load;

import io.trajectory.warehouse.load.LoadReport.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadReportTest {

    @TempDir
    Path dir;

    @Test
    void aFailedLoadIsWrittenAndReadBackWithItsErrorAndNoCounts() throws IOException {
        Instant start = Instant.parse("2026-11-23T07:38:00Z");
        LoadReport failed = LoadReport.failed(dir.resolve("landing"), dir.resolve("data"), 3, List.of(),
                Map.of("scan", 12L), start, start.plusMillis(1500),
                "definitions/indicators.csv is missing from the landing zone");
        Path file = dir.resolve("out/summary.json");

        failed.write(file);
        LoadReport read = LoadReport.read(file);

        assertThat(read).isEqualTo(failed);
        assertThat(read.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(read.rowsLoaded()).isNull();
        assertThat(read.snapshotVersion()).isEqualTo(3);
        assertThat(read.tookMillis()).isEqualTo(1500);
        String json = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(json).contains("\"summaryVersion\" : 1", "\"outcome\" : \"failed\"", "\"rowsLoaded\" : null",
                "\"error\" : \"definitions/indicators.csv is missing from the landing zone\"");
    }

    @Test
    void writingLeavesOnlyTheFinishedFileBehind() throws IOException {
        Instant now = Instant.now();
        LoadReport.failed(dir, dir, null, List.of(), Map.of(), now, now, "first").write(dir.resolve("s.json"));
        LoadReport.failed(dir, dir, null, List.of(), Map.of(), now, now, "second").write(dir.resolve("s.json"));

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("s.json");
        }
        assertThat(LoadReport.read(dir.resolve("s.json")).error()).isEqualTo("second");
    }

    @Test
    void aReaderIgnoresFieldsALaterVersionAdds() throws IOException {
        Path file = dir.resolve("later.json");
        Files.writeString(file, """
                {"summaryVersion": 2, "outcome": "published", "snapshotVersion": 7, "rowsLoaded": 14,
                 "somethingNew": {"a": 1}, "startedAt": "2026-11-23T07:38:00Z", "finishedAt": "2026-11-23T07:38:05Z"}
                """);

        LoadReport read = LoadReport.read(file);

        assertThat(read.outcome()).isEqualTo(Outcome.PUBLISHED);
        assertThat(read.snapshotVersion()).isEqualTo(7);
        assertThat(read.rowsLoaded()).isEqualTo(14);
        assertThat(read.quartersHeldBack()).isEmpty();
    }

    @Test
    void aFileThatIsNotASummaryIsRefusedNamingIt() throws IOException {
        Path half = dir.resolve("half.json");
        Files.writeString(half, "{\"summaryVersion\": 1, \"outc");
        Path none = dir.resolve("none.json");
        Files.writeString(none, "{}");

        assertThatThrownBy(() -> LoadReport.read(half)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot read the load summary " + half);
        assertThatThrownBy(() -> LoadReport.read(none)).hasMessageContaining(none.toString())
                .hasMessageContaining("it has no outcome");
    }
}
