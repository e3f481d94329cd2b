package io.trajectory.api.pages;

import io.micronaut.runtime.event.annotation.EventListener;
import io.trajectory.api.TrajectoryConfig;
import io.trajectory.api.refresh.SnapshotPublished;
import io.trajectory.api.reports.ReportConfig;
import io.trajectory.api.snapshot.LiveSnapshot;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.Basis;
import io.trajectory.warehouse.query.QuarterlyPack;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packs written to the data folder: after every refresh that publishes, the pack of the new
 * latest quarter is written under {@code <data-dir>/reports} as {@code quarterly-2008-09-Q2.html},
 * {@code .pdf} and {@code .docx} (a later refresh of the same quarter writes it again), and
 * listed on {@code /reports}.
 */
@Singleton
public final class PackArchive {

    private static final Logger LOG = LoggerFactory.getLogger(PackArchive.class);
    private static final Pattern FILE = Pattern.compile("quarterly-\\d{4}-\\d{2}-Q[1-4]\\.(html|pdf|docx)");

    private final Path folder;
    private final LiveSnapshot snapshot;
    private final PackReports reports;
    private final ReportConfig config;

    public PackArchive(TrajectoryConfig trajectory, LiveSnapshot snapshot, PackReports reports, ReportConfig config) {
        this.folder = trajectory.dataDir().toAbsolutePath().normalize().resolve("reports");
        this.snapshot = snapshot;
        this.reports = reports;
        this.config = config;
    }

    @EventListener
    void onPublished(SnapshotPublished event) {
        if (!config.writeAfterRefresh()) {
            return;
        }
        try {
            List<Path> written = writeLatest();
            LOG.info("Refresh {}: wrote the report pack {}", event.refreshId(), written);
        } catch (RuntimeException | SQLException e) {
            LOG.warn("Refresh {}: could not write the report pack: {}", event.refreshId(), e.toString());
        }
    }

    /** Writes the latest quarter's pack (HTML, PDF, .docx) and returns the files. */
    public List<Path> writeLatest() throws SQLException {
        return snapshot.query((c, info) -> {
            FiscalQuarter latest = info.latest();
            QuarterlyPack pack = reports.pack(c, info, latest, Basis.LATEST);
            String name = "quarterly-" + latest.folderName();
            Frame frame = PackReports.frame(info, pack, "/reports/quarterly?period=" + latest.key());
            String html = reports.xhtml(pack, frame);
            try {
                Files.createDirectories(folder);
                return List.of(write(name + ".html", html.getBytes(StandardCharsets.UTF_8)),
                        write(name + ".pdf", reports.pdf(pack, frame)), write(name + ".docx", reports.docx(pack)));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the report pack under " + folder + ": " + e.getMessage(), e);
            }
        });
    }

    /** The packs written so far, newest quarter first. */
    public List<Written> written() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> FILE.matcher(f.getFileName().toString()).matches())
                    .map(f -> {
                        String n = f.getFileName().toString();
                        String quarter = FiscalQuarter.parse(n.substring("quarterly-".length(), n.lastIndexOf('.'))).toString();
                        try {
                            return new Written(quarter, n, Files.size(f), Files.getLastModifiedTime(f).toInstant());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sorted(Comparator.comparing((Written w) -> FiscalQuarter.parse(w.quarter())).reversed()
                            .thenComparing(Written::file))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + folder + ": " + e.getMessage(), e);
        }
    }

    /** A written file by its name, only one of the packs' (never a path elsewhere). */
    public Optional<Path> file(String name) {
        return name != null && FILE.matcher(name).matches() && Files.isRegularFile(folder.resolve(name))
                ? Optional.of(folder.resolve(name)) : Optional.empty();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path tmp = folder.resolve(name + ".tmp");
        Files.write(tmp, bytes);
        return Files.move(tmp, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A file of a written pack. */
    public record Written(String quarter, String file, long bytes, Instant writtenAt) {
    }
}
