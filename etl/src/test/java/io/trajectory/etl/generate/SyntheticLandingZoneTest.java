package io.trajectory.etl.generate;

import io.trajectory.etl.generate.SyntheticLandingZone.Options;
import io.trajectory.etl.generate.SyntheticLandingZone.QuarterWritten;
import io.trajectory.etl.generate.SyntheticLandingZone.Spec;
import io.trajectory.etl.generate.SyntheticLandingZone.Summary;
import io.trajectory.warehouse.indicator.Accumulation;
import io.trajectory.warehouse.indicator.MeasureUnit;
import io.trajectory.warehouse.indicator.Polarity;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.rating.Rating;
import io.trajectory.warehouse.trajectory.DirectionOfTravel;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticLandingZoneTest {

    // The contract's columns (docs/landing-zone.md), written out here rather than taken from the code under test.
    static final List<String> REGISTER_COLUMNS = List.of(
            "indicator_ref", "ni_code", "title", "theme", "polarity", "unit", "accumulation",
            "baseline_period", "baseline_value", "target_period", "target_value", "stretch_target_value",
            "reward_target", "responsible_officer", "valid_from");
    private static final List<String> TRAJECTORY_COLUMNS = List.of(
            "indicator_ref", "area", "period", "planned_value", "stretch_planned_value");
    static final List<String> RETURN_COLUMNS = List.of(
            "indicator_ref", "period", "area", "actual", "rag", "trend", "data_status", "comment", "reported_by");
    private static final List<String> COMMITMENT_COLUMNS = List.of(
            "ref", "priority", "achieve", "responsible_officer", "status", "comment");
    private static final Set<String> THEMES = Set.of(
            "Children and Young People", "Cleaner and Greener", "Economic Development", "Health",
            "Older People", "Safer", "Stronger");
    private static final Set<String> DATA_STATUSES = Set.of("", "REPORTED", "NOT_AVAILABLE", "PROVISIONAL");
    private static final Pattern SIGNOFF = Pattern.compile(
            "\\{\"period\": \"([^\"]+)\", \"signed_off_by\": \"([^\"]+)\", \"signed_off_at\": \"([^\"]+)\"}\\n");

    /** 3 authorities × 5 indicators × 6 quarters from 2008/09 Q1. */
    private static final Spec SMALL = Spec.of(3, 5, 6);

    @TempDir
    Path temp;

    @Test
    void write_smallSpecProducesTheExpectedFiles() throws IOException {
        Path out = temp.resolve("zone");
        Summary summary = new SyntheticLandingZone(SMALL).write(out);

        Set<String> expected = new TreeSet<>(List.of("definitions/indicators.csv", "definitions/trajectories.csv",
                "definitions/areas.csv", "definitions/area_targets.csv", "definitions/comparison_groups.csv"));
        for (String folder : List.of("2008-09-Q1", "2008-09-Q2", "2008-09-Q3", "2008-09-Q4", "2009-10-Q1", "2009-10-Q2")) {
            expected.add("returns/" + folder + "/indicators.csv");
            expected.add("returns/" + folder + "/commitments.csv");
            expected.add("returns/" + folder + "/signoff.json");
        }
        assertThat(filesUnder(out).keySet()).containsExactlyElementsOf(expected);
        assertThat(summary.files()).isEqualTo(23);
        assertThat(summary.quartersWritten()).isEqualTo(6);
        assertThat(summary.quartersSkipped()).isZero();
        assertThat(summary.bytes()).isEqualTo(filesUnder(out).values().stream().mapToLong(b -> b.length).sum());
    }

    @Test
    void write_eachReturnHasOneRowPerAuthorityAndIndicatorPlusRestatements() throws IOException {
        Path out = temp.resolve("zone");
        Summary summary = new SyntheticLandingZone(SMALL).write(out);

        long total = 0;
        long restatements = 0;
        for (int t = 0; t < SMALL.quarters(); t++) {
            FiscalQuarter quarter = SMALL.firstQuarter().plusQuarters(t);
            List<CSVRecord> rows = read(out.resolve("returns/" + quarter.folderName() + "/indicators.csv"), RETURN_COLUMNS);
            Set<String> cells = new HashSet<>();
            for (CSVRecord row : rows) {
                if (FiscalQuarter.parse(row.get("period")).equals(quarter)) {
                    assertThat(cells.add(row.get("indicator_ref") + "|" + row.get("area"))).as("one row per cell").isTrue();
                } else {
                    restatements++;
                }
            }
            assertThat(cells).hasSize(3 * 5);
            total += rows.size();
        }
        assertThat(summary.rows()).isEqualTo(total);
        assertThat(summary.restatementRows()).isEqualTo(restatements);
    }

    @Test
    void write_everyFileConformsToTheContract() throws IOException {
        Path out = temp.resolve("zone");
        new SyntheticLandingZone(SMALL.withRates(0.2, 0.2)).write(out);

        Map<String, Accumulation> accumulations = new HashMap<>();
        Map<String, List<FiscalQuarter>> validFroms = new HashMap<>();
        for (CSVRecord row : read(out.resolve("definitions/indicators.csv"), REGISTER_COLUMNS)) {
            String ref = row.get("indicator_ref");
            assertThat(ref).matches("NI \\d{3}");
            assertThat(row.get("ni_code")).isEqualTo(ref);
            assertThat(row.get("title")).isNotBlank();
            assertThat(row.get("theme")).isIn(THEMES);
            Polarity.parse(row.get("polarity"));
            MeasureUnit.parse(row.get("unit"));
            assertThat(row.get("unit")).isIn("count", "percent", "rate", "score", "money");
            accumulations.put(ref, Accumulation.parse(row.get("accumulation")));
            FiscalQuarter baseline = FiscalQuarter.parse(row.get("baseline_period"));
            assertThat(baseline).isLessThan(SMALL.firstQuarter());
            assertNumber(row.get("baseline_value"));
            if (!row.get("target_value").isEmpty()) {
                assertThat(FiscalQuarter.parse(row.get("target_period"))).isGreaterThan(SMALL.firstQuarter());
                assertNumber(row.get("target_value"));
            }
            if (!row.get("stretch_target_value").isEmpty()) {
                assertNumber(row.get("stretch_target_value"));
            }
            assertThat(row.get("reward_target")).isIn("Y", "N", "");
            assertThat(row.get("responsible_officer")).isNotBlank();
            validFroms.computeIfAbsent(ref, r -> new ArrayList<>()).add(FiscalQuarter.parse(row.get("valid_from")));
        }
        assertThat(accumulations).hasSize(5);
        validFroms.values().forEach(list -> {
            assertThat(list.get(0)).isEqualTo(SMALL.firstQuarter());
            assertThat(list).isSorted().doesNotHaveDuplicates();
        });

        Set<String> authorities = Set.of("E0600001", "E0600002", "E0600003");
        for (CSVRecord row : read(out.resolve("definitions/trajectories.csv"), TRAJECTORY_COLUMNS)) {
            assertThat(accumulations).containsKey(row.get("indicator_ref"));
            assertThat(row.get("area")).as("the register's (blank) or an authority's own").isIn(
                    Stream.concat(Stream.of(""), authorities.stream()).toList());
            FiscalQuarter.parse(row.get("period"));
            assertNumber(row.get("planned_value"));
            if (!row.get("stretch_planned_value").isEmpty()) {
                assertNumber(row.get("stretch_planned_value"));
            }
        }

        for (int t = 0; t < SMALL.quarters(); t++) {
            FiscalQuarter quarter = SMALL.firstQuarter().plusQuarters(t);
            Path folder = out.resolve("returns/" + quarter.folderName());
            for (CSVRecord row : read(folder.resolve("indicators.csv"), RETURN_COLUMNS)) {
                String ref = row.get("indicator_ref");
                assertThat(accumulations).containsKey(ref);
                FiscalQuarter period = FiscalQuarter.parse(row.get("period"));
                assertThat(period).isBetween(SMALL.firstQuarter(), quarter);
                assertThat(validFroms.get(ref).get(0)).as("in force").isLessThanOrEqualTo(period);
                assertThat(row.get("area")).as("an authority; never the whole authority").isIn(authorities);
                Rating.parse(row.get("rag"));
                DirectionOfTravel.parse(row.get("trend"));
                assertThat(row.get("data_status")).isIn(DATA_STATUSES);
                if (row.get("data_status").equals("NOT_AVAILABLE")) {
                    assertThat(row.get("actual")).isEmpty();
                    assertThat(row.get("rag")).isIn("", "NOT_AVAILABLE");
                } else {
                    assertNumber(row.get("actual"));
                    assertThat(Rating.parse(row.get("rag"))).get().isNotEqualTo(Rating.NOT_AVAILABLE);
                }
                assertThat(row.get("reported_by")).isNotBlank();
            }
            for (CSVRecord row : read(folder.resolve("commitments.csv"), COMMITMENT_COLUMNS)) {
                assertThat(row.get("ref")).isNotBlank();
                assertThat(row.get("status")).matches("(Green|Amber|Red|Achieved)\\b.*");
            }
            Matcher signoff = SIGNOFF.matcher(Files.readString(folder.resolve("signoff.json")));
            assertThat(signoff.matches()).isTrue();
            assertThat(FiscalQuarter.parse(signoff.group(1))).isEqualTo(quarter);
            assertThat(signoff.group(1)).isEqualTo(quarter.toString());
            assertThat(Instant.parse(signoff.group(3))).isAfter(quarter.endDate().atStartOfDay().toInstant(ZoneOffset.UTC));
        }
    }

    @Test
    void write_registerHasTheVarietyTheLoaderMustHandle() throws IOException {
        Path out = temp.resolve("zone");
        new SyntheticLandingZone(SMALL).write(out);

        List<CSVRecord> register = read(out.resolve("definitions/indicators.csv"), REGISTER_COLUMNS);
        assertThat(register).extracting(r -> r.get("polarity")).contains("HIGHER_IS_BETTER", "LOWER_IS_BETTER");
        assertThat(register).extracting(r -> r.get("accumulation")).contains("LEVEL", "CUMULATIVE_YTD");
        assertThat(register).extracting(r -> r.get("reward_target")).contains("Y");
        assertThat(register).filteredOn(r -> !r.get("stretch_target_value").isEmpty()).isNotEmpty();
        assertThat(register).filteredOn(r -> r.get("target_value").isEmpty()).as("a target not yet set").isNotEmpty();
        assertThat(register).as("type-2 versions").hasSizeGreaterThan(5);
        assertThat(read(out.resolve("definitions/trajectories.csv"), TRAJECTORY_COLUMNS))
                .filteredOn(r -> r.get("area").isEmpty()).hasSize(SyntheticLandingZone.TARGET_HORIZON_QUARTERS);
    }

    @Test
    void write_cumulativeFiguresRestartEachApril() throws IOException {
        Path out = temp.resolve("zone");
        Spec spec = Spec.of(4, 14, 8).withRates(0, 0);
        new SyntheticLandingZone(spec).write(out);

        Set<String> cumulative = new HashSet<>();
        for (CSVRecord row : read(out.resolve("definitions/indicators.csv"), REGISTER_COLUMNS)) {
            if (row.get("accumulation").equals("CUMULATIVE_YTD")) {
                cumulative.add(row.get("indicator_ref"));
            }
        }
        assertThat(cumulative).isNotEmpty();
        Map<String, BigDecimal> q4 = actuals(out, FiscalQuarter.of(2008, 4), cumulative);
        Map<String, BigDecimal> q1 = actuals(out, FiscalQuarter.of(2009, 1), cumulative);
        Map<String, BigDecimal> q2 = actuals(out, FiscalQuarter.of(2009, 2), cumulative);
        assertThat(q1).hasSize(cumulative.size() * 4);
        q1.forEach((cell, value) -> {
            assertThat(value).as(cell + " Q1 below last Q4").isLessThan(q4.get(cell));
            assertThat(value).as(cell + " Q1 below Q2").isLessThan(q2.get(cell));
        });
    }

    @Test
    void write_twoRunsAreByteIdentical() throws IOException {
        new SyntheticLandingZone(SMALL).write(temp.resolve("a"));
        new SyntheticLandingZone(SMALL).write(temp.resolve("b"), Options.defaults().withThreads(1));

        assertSameFiles(filesUnder(temp.resolve("a")), filesUnder(temp.resolve("b")));
    }

    @Test
    void write_differentSeedsDiffer() throws IOException {
        new SyntheticLandingZone(SMALL).write(temp.resolve("a"));
        new SyntheticLandingZone(SMALL.withSeed(7)).write(temp.resolve("b"));

        assertThat(Files.readAllBytes(temp.resolve("b/returns/2008-09-Q1/indicators.csv")))
                .isNotEqualTo(Files.readAllBytes(temp.resolve("a/returns/2008-09-Q1/indicators.csv")));
    }

    @Test
    void write_moreQuartersLeaveTheEarlierQuartersUnchanged() throws IOException {
        new SyntheticLandingZone(SMALL).write(temp.resolve("six"));
        new SyntheticLandingZone(SMALL.withQuarters(7)).write(temp.resolve("seven"));

        Map<String, byte[]> six = filesUnder(temp.resolve("six"));
        Map<String, byte[]> seven = filesUnder(temp.resolve("seven"));
        assertThat(seven.keySet()).containsAll(six.keySet());
        assertThat(seven).hasSize(six.size() + 3);
        assertSameFiles(six, filterKeys(seven, six.keySet()));
    }

    @Test
    void write_cellsDoNotDependOnHowManyAuthoritiesOrIndicators() throws IOException {
        new SyntheticLandingZone(SMALL).write(temp.resolve("small"));
        new SyntheticLandingZone(Spec.of(4, 6, 6)).write(temp.resolve("larger"));

        for (String folder : List.of("2008-09-Q1", "2009-10-Q2")) {
            Set<String> small = lines(temp.resolve("small/returns/" + folder + "/indicators.csv"));
            Set<String> larger = lines(temp.resolve("larger/returns/" + folder + "/indicators.csv"));
            assertThat(larger).containsAll(small);
        }
    }

    @Test
    void write_restatesEarlierQuartersWhenTheRateIsAboveZero() throws IOException {
        Path out = temp.resolve("zone");
        Summary summary = new SyntheticLandingZone(SMALL.withRates(0.03, 0.25)).write(out);

        List<CSVRecord> restatements = new ArrayList<>();
        for (int t = 0; t < SMALL.quarters(); t++) {
            FiscalQuarter quarter = SMALL.firstQuarter().plusQuarters(t);
            for (CSVRecord row : read(out.resolve("returns/" + quarter.folderName() + "/indicators.csv"), RETURN_COLUMNS)) {
                if (!FiscalQuarter.parse(row.get("period")).equals(quarter)) {
                    assertThat(FiscalQuarter.parse(row.get("period"))).isLessThan(quarter);
                    restatements.add(row);
                }
            }
        }
        assertThat(restatements).isNotEmpty().hasSize((int) summary.restatementRows());
        assertThat(restatements).allSatisfy(row -> {
            assertThat(row.get("actual")).isNotEmpty();
            assertThat(row.get("data_status")).isEqualTo("REPORTED");
        });
        // The figure restated differs from the one first sent (when one was sent).
        for (CSVRecord restated : restatements) {
            FiscalQuarter period = FiscalQuarter.parse(restated.get("period"));
            read(out.resolve("returns/" + period.folderName() + "/indicators.csv"), RETURN_COLUMNS).stream()
                    .filter(r -> r.get("indicator_ref").equals(restated.get("indicator_ref"))
                            && r.get("area").equals(restated.get("area"))
                            && r.get("period").equals(restated.get("period")))
                    .forEach(original -> {
                        assertThat(original.get("actual")).isNotEqualTo(restated.get("actual"));
                        assertThat(original.get("data_status")).isIn("PROVISIONAL", "NOT_AVAILABLE");
                    });
        }
    }

    @Test
    void write_noRestatementsAtRateZero() throws IOException {
        Summary summary = new SyntheticLandingZone(SMALL.withRates(0.03, 0)).write(temp.resolve("zone"));

        assertThat(summary.restatementRows()).isZero();
        assertThat(summary.rows()).isEqualTo(3L * 5 * 6);
    }

    @Test
    void write_onlyMissingAddsJustTheNewQuarter() throws IOException {
        Path out = temp.resolve("zone");
        new SyntheticLandingZone(SMALL).write(out);
        // A file of an existing quarter that onlyMissing must not touch.
        Path existing = out.resolve("returns/2008-09-Q1/indicators.csv");
        Files.writeString(existing, "left alone\n");

        List<QuarterWritten> progress = new CopyOnWriteArrayList<>();
        Summary summary = new SyntheticLandingZone(SMALL.withQuarters(7))
                .write(out, Options.defaults().withOnlyMissing(true).withProgress(progress::add));

        assertThat(summary.quartersWritten()).isEqualTo(1);
        assertThat(summary.quartersSkipped()).isEqualTo(6);
        assertThat(summary.files()).isEqualTo(3);
        assertThat(summary.rows()).isEqualTo(read(out.resolve("returns/2009-10-Q3/indicators.csv"), RETURN_COLUMNS).size());
        assertThat(Files.readString(existing)).isEqualTo("left alone\n");
        assertThat(progress).hasSize(7).filteredOn(QuarterWritten::skipped).hasSize(6);
        assertThat(out.resolve(SyntheticLandingZone.STAGING_FOLDER)).doesNotExist();

        Path fresh = temp.resolve("fresh");
        new SyntheticLandingZone(SMALL.withQuarters(7)).write(fresh);
        Map<String, byte[]> added = filterKeys(filesUnder(out), Set.of(
                "returns/2009-10-Q3/indicators.csv", "returns/2009-10-Q3/commitments.csv", "returns/2009-10-Q3/signoff.json"));
        assertSameFiles(added, filterKeys(filesUnder(fresh), added.keySet()));
    }

    @Test
    void write_withoutOnlyMissingRewritesExistingFiles() throws IOException {
        Path out = temp.resolve("zone");
        new SyntheticLandingZone(SMALL).write(out);
        Map<String, byte[]> first = filesUnder(out);
        Files.writeString(out.resolve("returns/2008-09-Q1/indicators.csv"), "stale\n");

        Summary summary = new SyntheticLandingZone(SMALL).write(out);

        assertThat(summary.quartersWritten()).isEqualTo(6);
        assertSameFiles(first, filesUnder(out));
    }

    @Test
    void write_commentsWithCommasQuotesAndLineBreaksRoundTrip() throws IOException {
        Path out = temp.resolve("zone");
        new SyntheticLandingZone(Spec.of(40, 14, 4).withRates(0.1, 0)).write(out);

        Set<String> known = new HashSet<>();
        Stream.of(Vocabulary.GREEN_COMMENTS, Vocabulary.AMBER_COMMENTS, Vocabulary.RED_COMMENTS,
                Vocabulary.ACHIEVED_COMMENTS, Vocabulary.NOT_AVAILABLE_COMMENTS, Vocabulary.NO_TARGET_COMMENTS)
                .forEach(known::addAll);
        Set<String> seen = new HashSet<>();
        for (CSVRecord row : read(out.resolve("returns/2008-09-Q4/indicators.csv"), RETURN_COLUMNS)) {
            if (!row.get("comment").isEmpty()) {
                seen.add(row.get("comment"));
            }
        }
        assertThat(known).containsAll(seen);
        assertThat(seen).anyMatch(c -> c.contains("\n")).anyMatch(c -> c.contains(",")).anyMatch(c -> c.contains("\""));
    }

    @Test
    void spec_rejectsOutOfRangeValuesNamingTheField() {
        assertThatThrownBy(() -> Spec.of(0, 5, 6)).hasMessageContaining("authorities");
        assertThatThrownBy(() -> Spec.of(3, 0, 6)).hasMessageContaining("indicators");
        assertThatThrownBy(() -> Spec.of(3, 5, 0)).hasMessageContaining("quarters");
        assertThatThrownBy(() -> SMALL.withRates(1.5, 0)).hasMessageContaining("notAvailableRate");
        assertThatThrownBy(() -> SMALL.withRates(0, -0.1)).hasMessageContaining("restatementRate");
        assertThatThrownBy(() -> SMALL.withFirstQuarter(FiscalQuarter.of(2995, 1))).hasMessageContaining("firstQuarter");
    }

    @Test
    void spec_nationalIsTheBenchmarkSize() {
        Spec national = Spec.national();

        assertThat(national.authorities() * national.indicators() * national.quarters()).isEqualTo(4_200_000);
        assertThat(national.firstQuarter()).isEqualTo(FiscalQuarter.of(2008, 1));
        assertThat(national.lastQuarter()).isEqualTo(FiscalQuarter.of(2017, 4));
    }

    // ---------------------------------------------------------------- helpers

    private static List<CSVRecord> read(Path file, List<String> expectedHeader) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            assertThat(parser.getHeaderNames()).as(file + " header").containsExactlyElementsOf(expectedHeader);
            List<CSVRecord> records = parser.getRecords();
            for (CSVRecord record : records) {
                assertThat(record.size()).as(file + " line " + record.getRecordNumber()).isEqualTo(expectedHeader.size());
            }
            return records;
        }
    }

    private static Map<String, BigDecimal> actuals(Path out, FiscalQuarter quarter, Set<String> refs) throws IOException {
        Map<String, BigDecimal> actuals = new HashMap<>();
        for (CSVRecord row : read(out.resolve("returns/" + quarter.folderName() + "/indicators.csv"), RETURN_COLUMNS)) {
            if (refs.contains(row.get("indicator_ref"))) {
                actuals.put(row.get("indicator_ref") + "|" + row.get("area"), new BigDecimal(row.get("actual")));
            }
        }
        return actuals;
    }

    private static void assertNumber(String text) {
        assertThat(text).matches("\\d+(\\.\\d+)?");
    }

    private static Set<String> lines(Path file) throws IOException {
        return new HashSet<>(Files.readAllLines(file));
    }

    /** Every regular file under root, by path relative to root with '/' separators. */
    private static Map<String, byte[]> filesUnder(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static Map<String, byte[]> filterKeys(Map<String, byte[]> files, Set<String> keys) {
        Map<String, byte[]> kept = new TreeMap<>();
        files.forEach((k, v) -> {
            if (keys.contains(k)) {
                kept.put(k, v);
            }
        });
        return kept;
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((name, bytes) -> assertThat(actual.get(name)).as(name).isEqualTo(bytes));
    }
}
