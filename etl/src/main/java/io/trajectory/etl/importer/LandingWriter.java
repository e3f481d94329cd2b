package io.trajectory.etl.importer;

import io.trajectory.etl.landing.LandingZoneException;
import io.trajectory.warehouse.period.FiscalQuarter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes an import's result as a landing zone (the contract in docs/landing-zone.md). */
final class LandingWriter {

    static final List<String> RETURN_COLUMNS = List.of("indicator_ref", "period", "area", "actual", "rag", "trend",
            "data_status", "comment", "reported_by");

    private LandingWriter() {
    }

    /**
     * @param overwrite replace the files this import writes when {@code out} already holds a landing zone
     * @return the files written, relative to {@code out}
     * @throws LandingZoneException when {@code out} is not empty and {@code overwrite} is false, or a write fails
     */
    static List<String> write(Importer.Result result, Path out, boolean overwrite, String signedOffBy) {
        try {
            if (Files.isDirectory(out) && !overwrite) {
                try (Stream<Path> s = Files.list(out)) {
                    if (s.findAny().isPresent()) {
                        throw new LandingZoneException(out + " is not empty: give an empty or new folder, or --overwrite to "
                                + "replace the files this import writes");
                    }
                }
            }
            List<String> written = new ArrayList<>();
            List<String> registerColumns = new ArrayList<>();
            registerColumns.add("indicator_ref");
            registerColumns.addAll(Mapping.REGISTER_FIELDS);
            registerColumns.add("valid_from");
            csv(out, "definitions/indicators.csv", registerColumns, result.register(), written);
            if (!result.trajectories().isEmpty()) {
                csv(out, "definitions/trajectories.csv", List.of("indicator_ref", "period", "planned_value", "stretch_planned_value"),
                        result.trajectories(), written);
            }
            if (!result.comparisonGroups().isEmpty()) {
                List<Map<String, String>> rows = new ArrayList<>();
                result.comparisonGroups().forEach((area, group) -> rows.add(Map.of("group", group, "area", area)));
                rows.sort((a, b) -> (a.get("group") + a.get("area")).compareTo(b.get("group") + b.get("area")));
                csv(out, "definitions/comparison_groups.csv", List.of("group", "area"), rows, written);
            }
            for (Map.Entry<FiscalQuarter, List<Map<String, String>>> r : result.returns().entrySet()) {
                String folder = "returns/" + r.getKey().folderName();
                csv(out, folder + "/indicators.csv", RETURN_COLUMNS, r.getValue(), written);
                Instant at = result.signOffs().get(r.getKey());
                if (at != null) {
                    Path file = out.resolve(folder + "/signoff.json");
                    Files.writeString(file, "{\"period\": \"" + r.getKey() + "\", \"signed_off_by\": \"" + json(signedOffBy)
                            + "\", \"signed_off_at\": \"" + at + "\"}\n", StandardCharsets.UTF_8);
                    written.add(folder + "/signoff.json");
                }
            }
            return written;
        } catch (IOException e) {
            throw new LandingZoneException("cannot write the landing zone " + out + ": " + e.getMessage(), e);
        }
    }

    private static void csv(Path out, String name, List<String> columns, List<Map<String, String>> rows, List<String> written)
            throws IOException {
        Path file = out.resolve(name);
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            p.printRecord(columns);
            for (Map<String, String> row : rows) {
                List<String> cells = new ArrayList<>(columns.size());
                columns.forEach(c -> cells.add(row.getOrDefault(c, "")));
                p.printRecord(cells);
            }
        }
        written.add(name + " (" + rows.size() + " row" + (rows.size() == 1 ? "" : "s") + ")");
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
