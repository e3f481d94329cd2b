package io.trajectory.warehouse.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where snapshots live under the data folder:
 * <pre>
 *   data/snapshots/warehouse-v000007.duckdb    complete snapshots, never written again
 *   data/snapshots/.warehouse-v000008.partial  one being built (ignored by readers)
 *   data/current                               the name of the snapshot readers should use
 * </pre>
 * DuckDB lets one process write a file and then nobody else may open it, so every refresh
 * builds a new file and {@link #promote} switches {@code current} to it with an atomic rename,
 * only once the file is complete. A load that fails or is killed leaves {@code current} alone.
 */
public final class SnapshotStore {

    private static final Pattern NAME = Pattern.compile("warehouse-v(\\d{6})\\.duckdb");
    private static final String PARTIAL_SUFFIX = ".partial";

    private final Path dataDir;
    private final Path snapshotsDir;
    private final Path pointer;

    private SnapshotStore(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.snapshotsDir = this.dataDir.resolve("snapshots");
        this.pointer = this.dataDir.resolve("current");
    }

    public static SnapshotStore at(Path dataDir) {
        return new SnapshotStore(dataDir);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The snapshot {@code current} names, if any has been published. */
    public Optional<Snapshot> current() {
        if (!Files.exists(pointer)) {
            return Optional.empty();
        }
        try {
            String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new IllegalStateException(pointer + " does not name a snapshot: '" + name + "'");
            }
            Path file = snapshotsDir.resolve(name);
            if (!Files.exists(file)) {
                throw new IllegalStateException(pointer + " names " + file + ", which does not exist");
            }
            return Optional.of(new Snapshot(Integer.parseInt(m.group(1)), file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pointer, e);
        }
    }

    /** Every complete snapshot, oldest first. */
    public List<Snapshot> all() {
        if (!Files.isDirectory(snapshotsDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(snapshotsDir)) {
            List<Snapshot> out = new ArrayList<>();
            for (Path f : files.toList()) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches()) {
                    out.add(new Snapshot(Integer.parseInt(m.group(1)), f));
                }
            }
            out.sort(Comparator.comparingInt(Snapshot::version));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + snapshotsDir, e);
        }
    }

    public int nextVersion() {
        int highest = all().stream().mapToInt(Snapshot::version).max().orElse(0);
        return highest + 1;
    }

    /** A fresh (deleted if left over) path to build version {@code version} in. */
    public Path stagingFile(int version) {
        try {
            Files.createDirectories(snapshotsDir);
            Path staging = snapshotsDir.resolve("." + fileName(version) + PARTIAL_SUFFIX);
            Files.deleteIfExists(staging);
            Files.deleteIfExists(Path.of(staging + ".wal"));
            return staging;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + snapshotsDir, e);
        }
    }

    /** Removes partial files left by a load that failed or was killed. */
    public List<Path> removePartials() {
        if (!Files.isDirectory(snapshotsDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(snapshotsDir)) {
            List<Path> removed = new ArrayList<>();
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(".") && (name.endsWith(PARTIAL_SUFFIX) || name.endsWith(PARTIAL_SUFFIX + ".wal"))) {
                    Files.deleteIfExists(f);
                    removed.add(f);
                }
            }
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy " + snapshotsDir, e);
        }
    }

    /**
     * Makes a completely built staging file the current snapshot: flush it to disk, rename it to
     * its final name, then replace {@code current} atomically.
     */
    public Snapshot promote(Path staging, int version) {
        try {
            force(staging);
            Path target = snapshotsDir.resolve(fileName(version));
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            Path tmp = dataDir.resolve("current.tmp");
            Files.writeString(tmp, fileName(version) + "\n", StandardCharsets.UTF_8);
            force(tmp);
            Files.move(tmp, pointer, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new Snapshot(version, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + staging, e);
        }
    }

    /** Deletes complete snapshots older than the newest {@code keep}, never the current one. */
    public List<Path> prune(int keep) {
        Optional<Snapshot> current = current();
        List<Snapshot> all = all();
        List<Path> removed = new ArrayList<>();
        for (int i = 0; i < all.size() - keep; i++) {
            Snapshot s = all.get(i);
            if (current.isPresent() && current.get().version() == s.version()) {
                continue;
            }
            try {
                Files.deleteIfExists(s.file());
                removed.add(s.file());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + s.file(), e);
            }
        }
        return removed;
    }

    static String fileName(int version) {
        return String.format("warehouse-v%06d.duckdb", version);
    }

    private static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
