package io.trajectory.etl.commitments;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Test fixtures under {@code src/test/resources/commitments/}, and the shared seed report if present. */
final class CommitmentFixtures {

    static final String SEED = "q2-2008-09-commitments-report-excerpt.txt";

    private CommitmentFixtures() {
    }

    static Reader reader(String name) {
        InputStream in = CommitmentFixtures.class.getResourceAsStream("/commitments/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no test resource commitments/" + name);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    static List<String> lines(String name) {
        try (Reader r = reader(name)) {
            return new BufferedReader(r).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed report, found by walking up from the working directory to a folder holding {@code shared/seeds}. */
    static Optional<Path> seed() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("seeds").resolve(SEED);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
