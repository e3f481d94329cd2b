package io.trajectory.warehouse.lake;

import org.apache.commons.io.file.PathUtils;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The Parquet lake: one folder per table, each load ("batch") writing its own
 * {@code batch_id=...} partition. A batch counts only once its commit marker
 * {@code _batches/<id>.committed} exists, so a load that fails or is killed half-way leaves
 * partitions nobody reads, and {@link #removeUncommitted()} tidies them up next time.
 */
public final class Lake {

    /** Tables the ETL writes, each under {@code <root>/<table>/batch_id=<id>/}. */
    public static final List<String> TABLES = List.of(
            "dim_indicator", "dim_area", "dim_plan", "bridge_comparison_group", "fact_planned_value",
            "fact_indicator_return", "fact_commitment_return", "meta_return", "meta_source_file", "meta_quarantine");

    private static final String BATCHES = "_batches";
    private static final String MARKER = ".committed";

    private final Path root;

    private Lake(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public static Lake at(Path root) {
        return new Lake(root);
    }

    public Path root() {
        return root;
    }

    /** The folder a batch writes a table into. */
    public Path tableDir(String table, String batchId) {
        return root.resolve(table).resolve("batch_id=" + batchId);
    }

    /** Committed batches, oldest first. */
    public List<Batch> committedBatches() {
        Path dir = root.resolve(BATCHES);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Batch> batches = new ArrayList<>();
            for (Path marker : files.filter(p -> p.getFileName().toString().endsWith(MARKER)).toList()) {
                batches.add(readMarker(marker));
            }
            batches.sort(Comparator.comparing(Batch::id));
            return List.copyOf(batches);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list committed batches in " + dir, e);
        }
    }

    public Optional<Batch> latestBatch() {
        List<Batch> batches = committedBatches();
        return batches.isEmpty() ? Optional.empty() : Optional.of(batches.get(batches.size() - 1));
    }

    /** The id the next batch should use: b000001, b000002, ... (sorts in load order). */
    public String nextBatchId() {
        int highest = 0;
        for (Batch b : committedBatches()) {
            highest = Math.max(highest, b.sequence());
        }
        // Uncommitted leftovers may hold higher numbers; skip past them rather than reuse a folder.
        for (String table : TABLES) {
            Path dir = root.resolve(table);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> parts = Files.list(dir)) {
                    for (Path p : parts.toList()) {
                        String name = p.getFileName().toString();
                        if (name.startsWith("batch_id=b")) {
                            highest = Math.max(highest, Batch.sequenceOf(name.substring("batch_id=".length())));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + dir, e);
                }
            }
        }
        return Batch.idFor(highest + 1);
    }

    /** Writes the commit marker last, atomically: from now on readers see the batch. */
    public void commit(Batch batch) {
        Path dir = root.resolve(BATCHES);
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(batch.id() + MARKER + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                batch.properties().store(w, "Trajectory lake batch " + batch.id());
            }
            Files.move(tmp, dir.resolve(batch.id() + MARKER), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit batch " + batch.id() + " in " + dir, e);
        }
    }

    /** Deletes partitions of batches that never committed (a failed or killed load). */
    public List<Path> removeUncommitted() {
        List<String> committed = committedBatches().stream().map(Batch::id).toList();
        List<Path> removed = new ArrayList<>();
        for (String table : TABLES) {
            Path dir = root.resolve(table);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> parts = Files.list(dir)) {
                for (Path p : parts.toList()) {
                    String name = p.getFileName().toString();
                    boolean isBatch = name.startsWith("batch_id=");
                    if ((isBatch && !committed.contains(name.substring("batch_id=".length()))) || name.startsWith("_temporary")) {
                        PathUtils.delete(p);
                        removed.add(p);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot tidy " + dir, e);
            }
        }
        return removed;
    }

    private static Batch readMarker(Path marker) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String name = marker.getFileName().toString();
        return new Batch(name.substring(0, name.length() - MARKER.length()), p);
    }
}
