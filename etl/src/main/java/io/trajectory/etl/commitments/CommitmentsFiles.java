package io.trajectory.etl.commitments;

import io.trajectory.warehouse.period.FiscalQuarter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A return's commitments file, read by the reader its name calls for. */
public final class CommitmentsFiles {

    /** The names a return folder may hold its commitments under; one of them at most. */
    public static final List<String> NAMES = List.of("commitments.txt", "commitments.csv", "commitments.docx");

    private CommitmentsFiles() {
    }

    /**
     * @param path          the file
     * @param name          its name in the landing zone, for rows, problems and errors
     * @param reportQuarter the quarter of the return
     * @throws CommitmentsFileException naming the file when it cannot be read at all
     */
    public static CommitmentsParse read(Path path, String name, FiscalQuarter reportQuarter) {
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".docx")) {
                try (InputStream in = Files.newInputStream(path)) {
                    return CommitmentsDocxReader.read(name, in, reportQuarter);
                }
            }
            try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                return lower.endsWith(".csv")
                        ? CommitmentsCsvReader.read(name, in, reportQuarter)
                        : CommitmentsReportParser.parse(name, in, reportQuarter);
            }
        } catch (IOException e) {
            throw new CommitmentsFileException(name, "cannot be read: " + e.getMessage(), e);
        }
    }
}
