package io.trajectory.etl.landing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.period.PeriodFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a landing-zone folder holds, found by walking it: the definitions, the return folders
 * (by quarter) and anything that does not fit. Every file is checksummed so a load can tell
 * what changed since the last one. A file that cannot be read at all stops the load with a
 * {@link LandingZoneException} naming it.
 */
public record LandingZone(Path root, DefinitionFiles definitions,
                          List<ReturnFolder> returns, List<UnknownFolder> unknownFolders, List<String> warnings) {

    /** {@code definitions/indicators.csv}. */
    public SourceFile register() {
        return definitions.register();
    }

    /** {@code definitions/trajectories.csv}, if present. */
    public Optional<SourceFile> trajectories() {
        return definitions.trajectories();
    }

    /** A folder under {@code returns/} whose name is not a quarter; its files are quarantined. */
    public record UnknownFolder(String folder, String reason, List<SourceFile> files) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static LandingZone scan(Path root) {
        Path base = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(base)) {
            throw new LandingZoneException("landing zone " + root + " is not a folder");
        }
        List<String> warnings = new ArrayList<>();
        Path registerPath = base.resolve("definitions/indicators.csv");
        if (!Files.exists(registerPath)) {
            throw new LandingZoneException("definitions/indicators.csv is missing from the landing zone " + base
                    + ": the indicator register is required");
        }
        DefinitionFiles definitions = new DefinitionFiles(sourceFile(base, registerPath),
                optionalFile(base, "definitions/trajectories.csv"), optionalFile(base, "definitions/areas.csv"),
                optionalFile(base, "definitions/area_targets.csv"), optionalFile(base, "definitions/comparison_groups.csv"));

        List<ReturnFolder> returns = new ArrayList<>();
        List<UnknownFolder> unknown = new ArrayList<>();
        Path returnsDir = base.resolve("returns");
        if (Files.isDirectory(returnsDir)) {
            for (Path folder : list(returnsDir)) {
                if (!Files.isDirectory(folder)) {
                    warnings.add("ignored file " + relative(base, folder) + ": returns/ holds one folder per quarter");
                    continue;
                }
                String name = folder.getFileName().toString();
                FiscalQuarter quarter;
                try {
                    quarter = FiscalQuarter.parse(name);
                } catch (PeriodFormatException e) {
                    List<SourceFile> files = new ArrayList<>();
                    for (Path f : list(folder)) {
                        if (Files.isRegularFile(f)) {
                            files.add(sourceFile(base, f));
                        }
                    }
                    unknown.add(new UnknownFolder(name, "return folder '" + name + "' is not a quarter: " + e.getMessage(), files));
                    continue;
                }
                returns.add(returnFolder(base, folder, quarter, warnings));
            }
        }
        returns.sort(Comparator.comparing(ReturnFolder::quarter));
        for (int i = 1; i < returns.size(); i++) {
            if (returns.get(i).quarter().equals(returns.get(i - 1).quarter())) {
                throw new LandingZoneException("returns/" + returns.get(i - 1).folder() + " and returns/" + returns.get(i).folder()
                        + " are both the return for " + returns.get(i).quarter() + ": keep one folder per quarter");
            }
        }
        return new LandingZone(base, definitions, List.copyOf(returns), List.copyOf(unknown), List.copyOf(warnings));
    }

    private static Optional<SourceFile> optionalFile(Path base, String name) {
        Path p = base.resolve(name);
        return Files.exists(p) ? Optional.of(sourceFile(base, p)) : Optional.empty();
    }

    private static ReturnFolder returnFolder(Path base, Path folder, FiscalQuarter quarter, List<String> warnings) {
        Optional<SourceFile> indicators = Optional.empty();
        Optional<SourceFile> commitments = Optional.empty();
        Optional<SourceFile> signOffFile = Optional.empty();
        for (Path f : list(folder)) {
            String name = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            switch (name) {
                case "indicators.csv", "indicators.xlsx" -> {
                    if (indicators.isPresent()) {
                        throw new LandingZoneException(relative(base, folder) + " has both " + indicators.get().path().getFileName()
                                + " and " + f.getFileName() + ": keep one indicator return");
                    }
                    indicators = Optional.of(sourceFile(base, f));
                }
                case "commitments.txt", "commitments.csv", "commitments.docx" -> {
                    if (commitments.isPresent()) {
                        throw new LandingZoneException(relative(base, folder) + " has both " + commitments.get().path().getFileName()
                                + " and " + f.getFileName() + ": keep one commitments report");
                    }
                    commitments = Optional.of(sourceFile(base, f));
                }
                case "signoff.json" -> signOffFile = Optional.of(sourceFile(base, f));
                default -> warnings.add("ignored " + relative(base, f) + ": not a file the return contract names");
            }
        }
        Optional<SignOff> signOff = signOffFile.map(f -> readSignOff(f, quarter));
        return new ReturnFolder(folder.getFileName().toString(), quarter, indicators, commitments, signOffFile, signOff);
    }

    static SignOff readSignOff(SourceFile file, FiscalQuarter folderQuarter) {
        JsonNode json;
        try {
            json = JSON.readTree(file.path().toFile());
        } catch (IOException e) {
            throw new LandingZoneException(file.name() + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (json == null || !json.isObject()) {
            throw new LandingZoneException(file.name() + " must be a JSON object with period, signed_off_by and signed_off_at");
        }
        String period = text(json, "period", file);
        String by = text(json, "signed_off_by", file);
        String at = text(json, "signed_off_at", file);
        FiscalQuarter signed;
        try {
            signed = FiscalQuarter.parse(period);
        } catch (PeriodFormatException e) {
            throw new LandingZoneException(file.name() + ": field period: " + e.getMessage(), e);
        }
        if (!signed.equals(folderQuarter)) {
            throw new LandingZoneException(file.name() + " signs off " + signed + " but sits in the folder for "
                    + folderQuarter + ": move it or correct its period");
        }
        try {
            return new SignOff(by, Instant.parse(at));
        } catch (DateTimeParseException e) {
            throw new LandingZoneException(file.name() + ": field signed_off_at '" + at
                    + "' is not an ISO-8601 instant such as 2007-10-23T10:00:00Z", e);
        }
    }

    private static String text(JsonNode json, String field, SourceFile file) {
        JsonNode node = json.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new LandingZoneException(file.name() + ": field " + field + " is missing or blank");
        }
        return node.asText().strip();
    }

    static SourceFile sourceFile(Path base, Path file) {
        if (!Files.isReadable(file)) {
            throw new LandingZoneException("cannot read " + relative(base, file) + ": permission denied or not a file");
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            long bytes = 0;
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    bytes += n;
                }
            }
            return new SourceFile(file, relative(base, file), HexFormat.of().formatHex(md.digest()), bytes);
        } catch (IOException e) {
            throw new LandingZoneException("cannot read " + relative(base, file) + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new LandingZoneException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String relative(Path base, Path p) {
        return base.relativize(p).toString().replace('\\', '/');
    }
}
