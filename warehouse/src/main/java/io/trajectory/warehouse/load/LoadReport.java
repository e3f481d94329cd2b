package io.trajectory.warehouse.load;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one {@code etl} run did, as data: the JSON document {@code etl --summary FILE} writes and
 * the service's refresh reads (documented field by field in {@code docs/load-summary.md}). The
 * ETL writes it for a load that fails too, so a reader never has to match console text. A
 * reader that finds no file knows the load was stopped before it could say anything.
 *
 * <p>Counts are null when the load failed before it knew them. Instants are ISO-8601 text
 * ({@code 2026-11-23T07:38:12.345Z}), so the file reads the same in any language.
 *
 * @param summaryVersion       the document's version, {@value #VERSION}; a reader ignores fields it does not know
 * @param outcome              {@code published}, {@code unchanged} (nothing new, no new snapshot) or {@code failed}
 * @param landing              the landing zone loaded (absolute path)
 * @param dataDir              the data folder (absolute path)
 * @param snapshotVersion      the snapshot current when the load ended: the one it published, the unchanged
 *                             one, or after a failure the one still serving (null when there is none)
 * @param snapshotFile         that snapshot's file
 * @param latestPeriod         the latest published quarter in it, e.g. {@code 2008/09 Q2}
 * @param factRows             its {@code fact_indicator_return} rows
 * @param batchId              the lake batch this load wrote, null when nothing was new (or it failed)
 * @param returnsLoaded        quarterly returns read this load (new or changed)
 * @param returnsUnchanged     returns the lake already held
 * @param rowsRead             return rows read this load
 * @param rowsLoaded           return rows that passed validation
 * @param rowsQuarantined      rows this load sent to {@code meta_quarantine} (every file)
 * @param topQuarantineReasons the commonest quarantine reasons, most rows first (at most 10)
 * @param quartersHeldBack     quarters in the landing zone that were not published, and why
 * @param warnings             what the load warned about (ignored files, register problems)
 * @param timings              milliseconds per stage, in the order run ({@code scan}, {@code definitions},
 *                             {@code spark}, {@code returns}, {@code lake}, {@code publish})
 * @param publishSteps         milliseconds per publish step ({@code 04_facts}, ...), empty when no snapshot was built
 * @param startedAt            when the load started
 * @param finishedAt           when it ended
 * @param error                why it failed, naming the file (and line) where one is at fault; null otherwise
 */
@JsonPropertyOrder({"summaryVersion", "outcome"})
public record LoadReport(int summaryVersion, Outcome outcome, String landing, String dataDir, Integer snapshotVersion,
                         String snapshotFile, String latestPeriod, Long factRows, String batchId, Integer returnsLoaded,
                         Integer returnsUnchanged, Long rowsRead, Long rowsLoaded, Long rowsQuarantined,
                         List<ReasonCount> topQuarantineReasons, List<HeldBackQuarter> quartersHeldBack,
                         List<String> warnings, Map<String, Long> timings, Map<String, Long> publishSteps,
                         String startedAt, String finishedAt, String error) {

    /** The version of the document this code writes. */
    public static final int VERSION = 1;

    /** How the load ended. */
    public enum Outcome {
        @JsonProperty("published") PUBLISHED,
        @JsonProperty("unchanged") UNCHANGED,
        @JsonProperty("failed") FAILED
    }

    /** A quarantine reason and how many rows it sent to quarantine. */
    public record ReasonCount(String reason, long rows) {
    }

    /**
     * A quarter present in the landing zone but not published.
     *
     * @param period the quarter, canonical ({@code 2007/08 Q3})
     * @param folder its folder, {@code returns/2007-08-Q3}
     * @param reason why, in words a person can act on
     */
    public record HeldBackQuarter(String period, String folder, String reason) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public LoadReport {
        topQuarantineReasons = topQuarantineReasons == null ? List.of() : List.copyOf(topQuarantineReasons);
        quartersHeldBack = quartersHeldBack == null ? List.of() : List.copyOf(quartersHeldBack);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        timings = timings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(timings));
        publishSteps = publishSteps == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(publishSteps));
    }

    /**
     * A load that failed: nothing was published.
     *
     * @param current the snapshot still serving, or null
     */
    public static LoadReport failed(Path landing, Path dataDir, Integer current, List<String> warnings,
                                    Map<String, Long> timings, Instant startedAt, Instant finishedAt, String error) {
        return new LoadReport(VERSION, Outcome.FAILED, absolute(landing), absolute(dataDir), current, null, null, null,
                null, null, null, null, null, null, List.of(), List.of(), warnings, timings, Map.of(),
                startedAt.toString(), finishedAt.toString(), error);
    }

    /** Milliseconds from start to finish. */
    public long tookMillis() {
        return Instant.parse(finishedAt).toEpochMilli() - Instant.parse(startedAt).toEpochMilli();
    }

    /**
     * Writes the document to {@code file} atomically: a reader sees the whole of it or nothing
     * (written beside it, then renamed over it).
     */
    public void write(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        // Not Files.createTempFile: its owner-only permissions would pass to the summary.
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".partial");
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                JSON.writeValue(out, this);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a document {@link #write} wrote; an error names the file. */
    public static LoadReport read(Path file) throws IOException {
        try {
            LoadReport report = JSON.readValue(file.toFile(), LoadReport.class);
            if (report.outcome() == null) {
                throw new IOException("it has no outcome");
            }
            return report;
        } catch (IOException e) {
            throw new IOException("cannot read the load summary " + file + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** The document as JSON text. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String absolute(Path p) {
        return p == null ? null : p.toAbsolutePath().normalize().toString();
    }
}
