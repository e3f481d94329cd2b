package io.trajectory.etl.generate;

import io.trajectory.etl.generate.SyntheticLandingZone.Options;
import io.trajectory.etl.generate.SyntheticLandingZone.Spec;
import io.trajectory.warehouse.period.FiscalQuarter;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The national zone's areas, plans and groups: {@code areas.csv}, {@code area_targets.csv} and
 * {@code comparison_groups.csv} are well formed, agree with each other, with the register and
 * with the returns, and are deterministic with districts too.
 */
class SyntheticNationalZoneTest {

    // The contract's columns (docs/landing-zone.md), written out here rather than taken from the code under test.
    private static final List<String> AREA_COLUMNS = List.of("area", "area_name", "parent_area", "area_type");
    private static final List<String> AREA_TARGET_COLUMNS = List.of("indicator_ref", "area", "baseline_period",
            "baseline_value", "target_period", "target_value", "stretch_target_value", "valid_from");
    private static final List<String> GROUP_COLUMNS = List.of("group", "area");
    private static final String NEAREST = "Nearest neighbours ";
    private static final String REGION = "Region: ";

    /** 40 authorities with 3 districts each × 31 indicators (every change the register makes) × 6 quarters. */
    private static final Spec WITH_DISTRICTS = Spec.of(40, 31, 6).withDistricts(3);

    @TempDir
    Path temp;

    @Test
    void areasListEveryAuthorityAndDistrictNamedWithTypeAndParent() throws IOException {
        Path out = temp.resolve("zone");
        new SyntheticLandingZone(WITH_DISTRICTS).write(out);

        List<CSVRecord> areas = read(out.resolve("definitions/areas.csv"), AREA_COLUMNS);
        assertThat(areas).hasSize(40 * 4);
        Set<String> authorityNames = new HashSet<>();
        Map<String, Set<String>> districtNames = new HashMap<>();
        String authority = null;
        for (CSVRecord row : areas) {
            assertThat(row.get("area_name")).as(row.get("area")).isNotBlank().isNotEqualTo(row.get("area"));
            if (row.get("area_type").equals("authority")) {
                authority = row.get("area");
                assertThat(authority).matches("E06\\d{5}");
                assertThat(row.get("parent_area")).isEmpty();
                assertThat(row.get("area_name")).matches(".+ (Council)$");
                assertThat(authorityNames.add(row.get("area_name"))).as("authority names are unique").isTrue();
            } else {
                assertThat(row.get("area_type")).isEqualTo("district");
                assertThat(row.get("area")).matches(authority + "-D0[1-3]");
                assertThat(row.get("parent_area")).isEqualTo(authority);
                assertThat(districtNames.computeIfAbsent(authority, a -> new HashSet<>()).add(row.get("area_name")))
                        .as("district names are unique within their authority").isTrue();
            }
        }
        assertThat(authorityNames).hasSize(40);
        assertThat(authorityNames).anyMatch(n -> n.endsWith(" District Council"))
                .anyMatch(n -> n.endsWith(" Borough Council"));

        // every area reported is listed, every area listed reports, and no row is the whole authority's
        Set<String> listed = areas.stream().map(r -> r.get("area")).collect(Collectors.toSet());
        Set<String> reported = new HashSet<>();
        for (CSVRecord row : read(out.resolve("returns/2009-10-Q2/indicators.csv"), SyntheticLandingZoneTest.RETURN_COLUMNS)) {
            assertThat(row.get("area")).isNotEmpty();
            reported.add(row.get("area"));
        }
        assertThat(reported).isEqualTo(listed);
    }

    @Test
    void everyAuthorityHasItsOwnPlanForEveryIndicatorFollowingTheRegistersVersions() throws IOException {
        Path out = temp.resolve("zone");
        new SyntheticLandingZone(WITH_DISTRICTS).write(out);
        Map<String, CSVRecord> indicators = new LinkedHashMap<>();
        Map<String, List<CSVRecord>> register = new LinkedHashMap<>();
        for (CSVRecord row : read(out.resolve("definitions/indicators.csv"), SyntheticLandingZoneTest.REGISTER_COLUMNS)) {
            indicators.putIfAbsent(row.get("indicator_ref"), row);
            register.computeIfAbsent(row.get("indicator_ref"), r -> new ArrayList<>()).add(row);
        }
        Map<String, List<CSVRecord>> plans = new TreeMap<>();
        for (CSVRecord row : read(out.resolve("definitions/area_targets.csv"), AREA_TARGET_COLUMNS)) {
            assertThat(indicators).containsKey(row.get("indicator_ref"));
            plans.computeIfAbsent(row.get("indicator_ref") + "|" + row.get("area"), k -> new ArrayList<>()).add(row);
        }

        for (String ref : indicators.keySet()) {
            List<CSVRecord> versions = register.get(ref);
            // the quarters the register's target changes (revised, or set late)
            List<FiscalQuarter> targetChanges = new ArrayList<>();
            for (int k = 1; k < versions.size(); k++) {
                if (!versions.get(k).get("target_value").equals(versions.get(k - 1).get("target_value"))) {
                    targetChanges.add(FiscalQuarter.parse(versions.get(k).get("valid_from")));
                }
            }
            Set<String> authorityPlans = new HashSet<>();
            for (int a = 1; a <= 40; a++) {
                String area = String.format("E06%05d", a);
                List<CSVRecord> plan = plans.get(ref + "|" + area);
                assertThat(plan).as(ref + " in " + area).isNotNull().hasSize(1 + targetChanges.size());
                assertThat(plan.get(0).get("valid_from")).as("from the indicator's first quarter").isEmpty();
                for (int k = 1; k < plan.size(); k++) {
                    assertThat(FiscalQuarter.parse(plan.get(k).get("valid_from"))).isEqualTo(targetChanges.get(k - 1));
                }
                for (int k = 0; k < plan.size(); k++) {
                    CSVRecord version = plan.get(k);
                    CSVRecord inForce = versionAt(versions, k == 0 ? WITH_DISTRICTS.firstQuarter() : targetChanges.get(k - 1));
                    assertThat(version.get("baseline_period")).isEqualTo(indicators.get(ref).get("baseline_period"));
                    assertNumber(version.get("baseline_value"));
                    assertThat(version.get("target_value").isEmpty())
                            .as("a target where the register has one, none where it has none yet")
                            .isEqualTo(inForce.get("target_value").isEmpty());
                    assertThat(version.get("stretch_target_value").isEmpty())
                            .as("a stretch target where the register has one")
                            .isEqualTo(inForce.get("stretch_target_value").isEmpty());
                }
                authorityPlans.add(plan.get(plan.size() - 1).get("baseline_value") + "/" + plan.get(plan.size() - 1).get("target_value"));
            }
            assertThat(authorityPlans).as(ref + ": plans differ from authority to authority").hasSizeGreaterThan(30);
        }
    }

    @Test
    void countsScaleWithAnAuthoritysSizeAndTheRegistersPlanIsNobodysAuthoritysPlan() throws IOException {
        Path out = temp.resolve("zone");
        new SyntheticLandingZone(Spec.of(100, 7, 1)).write(out);
        Map<String, CSVRecord> register = new HashMap<>();
        read(out.resolve("definitions/indicators.csv"), SyntheticLandingZoneTest.REGISTER_COLUMNS)
                .forEach(r -> register.putIfAbsent(r.get("indicator_ref"), r));
        Map<String, List<BigDecimal>> baselines = new HashMap<>();
        for (CSVRecord row : read(out.resolve("definitions/area_targets.csv"), AREA_TARGET_COLUMNS)) {
            baselines.computeIfAbsent(row.get("indicator_ref"), r -> new ArrayList<>()).add(new BigDecimal(row.get("baseline_value")));
            CSVRecord registered = register.get(row.get("indicator_ref"));
            if (!row.get("target_value").isEmpty() && !registered.get("target_value").isEmpty()) {
                assertThat(row.get("baseline_value") + "/" + row.get("target_value"))
                        .isNotEqualTo(registered.get("baseline_value") + "/" + registered.get("target_value"));
            }
        }
        // NI 004 (a count: smoking quitters) scales with size; NI 007 (a percentage) moves by circumstances only
        assertThat(spread(baselines.get("NI 004"))).as("largest over smallest count baseline").isGreaterThan(5.0);
        assertThat(spread(baselines.get("NI 007"))).as("largest over smallest percentage baseline").isBetween(1.05, 4.0);
    }

    @Test
    void someDistrictsHavePlansOfTheirOwnAndSomeHaveNone() throws IOException {
        Path out = temp.resolve("zone");
        new SyntheticLandingZone(WITH_DISTRICTS).write(out);

        Map<String, Set<String>> plannedByDistrict = new TreeMap<>();
        for (CSVRecord row : read(out.resolve("definitions/areas.csv"), AREA_COLUMNS)) {
            if (row.get("area_type").equals("district")) {
                plannedByDistrict.put(row.get("area"), new TreeSet<>());
            }
        }
        for (CSVRecord row : read(out.resolve("definitions/area_targets.csv"), AREA_TARGET_COLUMNS)) {
            if (plannedByDistrict.containsKey(row.get("area"))) {
                plannedByDistrict.get(row.get("area")).add(row.get("indicator_ref"));
            }
        }
        assertThat(plannedByDistrict).hasSize(120);
        assertThat(plannedByDistrict.values()).as("districts with no plan at all").anyMatch(Set::isEmpty);
        assertThat(plannedByDistrict.values()).as("districts with plans for some indicators only")
                .anyMatch(s -> !s.isEmpty() && s.size() < 31);
        long planned = plannedByDistrict.values().stream().mapToLong(Set::size).sum();
        assertThat(planned / (120.0 * 31)).as("share of district x indicator with a plan").isBetween(0.2, 0.6);

        // a district with a plan is rated by its officer; one without reports only its figure
        for (CSVRecord row : read(out.resolve("returns/2009-10-Q1/indicators.csv"), SyntheticLandingZoneTest.RETURN_COLUMNS)) {
            Set<String> plannedFor = plannedByDistrict.get(row.get("area"));
            if (plannedFor != null && !row.get("actual").isEmpty()) {
                assertThat(row.get("rag").isEmpty()).as(row.toString()).isEqualTo(!plannedFor.contains(row.get("indicator_ref")));
            }
        }
    }

    @Test
    void districtCountsAddUpToTheirAuthoritysFigureEvenWhenRestated() throws IOException {
        Path out = temp.resolve("zone");
        new SyntheticLandingZone(WITH_DISTRICTS.withRates(0.03, 0.05)).write(out);
        Set<String> extensive = new HashSet<>();
        for (CSVRecord row : read(out.resolve("definitions/indicators.csv"), SyntheticLandingZoneTest.REGISTER_COLUMNS)) {
            String title = row.get("title").replaceFirst(" \\(variant \\d+\\)$", "");
            boolean adds = Vocabulary.TEMPLATES.stream().flatMap(List::stream)
                    .anyMatch(t -> t.title().equals(title) && t.extensive());
            if (adds) {
                extensive.add(row.get("indicator_ref"));
            }
        }
        assertThat(extensive).isNotEmpty();

        long checked = 0;
        long restated = 0;
        for (int t = 0; t < WITH_DISTRICTS.quarters(); t++) {
            FiscalQuarter quarter = WITH_DISTRICTS.firstQuarter().plusQuarters(t);
            // (indicator, period, authority) -> [authority's figure, sum of its districts', districts summed]
            Map<String, BigDecimal[]> totals = new HashMap<>();
            for (CSVRecord row : read(out.resolve("returns/" + quarter.folderName() + "/indicators.csv"),
                    SyntheticLandingZoneTest.RETURN_COLUMNS)) {
                if (!extensive.contains(row.get("indicator_ref")) || row.get("actual").isEmpty()) {
                    continue;
                }
                String area = row.get("area");
                String authority = area.contains("-D") ? area.substring(0, area.indexOf("-D")) : area;
                BigDecimal[] sums = totals.computeIfAbsent(row.get("indicator_ref") + "|" + row.get("period") + "|" + authority,
                        k -> new BigDecimal[]{null, BigDecimal.ZERO, BigDecimal.ZERO});
                if (area.equals(authority)) {
                    sums[0] = new BigDecimal(row.get("actual"));
                } else {
                    sums[1] = sums[1].add(new BigDecimal(row.get("actual")));
                    sums[2] = sums[2].add(BigDecimal.ONE);
                }
            }
            for (Map.Entry<String, BigDecimal[]> e : totals.entrySet()) {
                BigDecimal[] sums = e.getValue();
                assertThat(sums[2].intValue()).as(e.getKey()).isEqualTo(3);
                assertThat(sums[1]).as(e.getKey()).isEqualByComparingTo(sums[0]);
                checked++;
                if (!e.getKey().contains("|" + quarter + "|")) {
                    restated++;
                }
            }
        }
        assertThat(checked).isGreaterThan(500);
        assertThat(restated).as("restated authority figures checked").isPositive();
    }

    @Test
    void eachAuthorityIsInOneNearestNeighbourGroupOfAbout15AndOneRegion() throws IOException {
        Path out = temp.resolve("zone");
        new SyntheticLandingZone(Spec.of(350, 4, 1)).write(out);

        Map<String, Set<String>> groups = new TreeMap<>();
        for (CSVRecord row : read(out.resolve("definitions/comparison_groups.csv"), GROUP_COLUMNS)) {
            assertThat(groups.computeIfAbsent(row.get("group"), g -> new TreeSet<>()).add(row.get("area")))
                    .as("listed once in " + row.get("group")).isTrue();
        }
        Set<String> authorities = read(out.resolve("definitions/areas.csv"), AREA_COLUMNS).stream()
                .map(r -> r.get("area")).collect(Collectors.toCollection(TreeSet::new));
        Map<String, Set<String>> nearest = filter(groups, NEAREST);
        Map<String, Set<String>> regions = filter(groups, REGION);
        assertThat(nearest.size() + regions.size()).isEqualTo(groups.size());
        assertThat(nearest.keySet()).first().isEqualTo("Nearest neighbours 01");
        assertThat(nearest).hasSize(23).allSatisfy((name, members) -> assertThat(members).hasSizeBetween(13, 17));
        assertThat(regions).hasSize(9);
        for (Map<String, Set<String>> grouping : List.of(nearest, regions)) {
            List<String> all = grouping.values().stream().flatMap(Set::stream).toList();
            assertThat(all).as("each authority in exactly one group of each kind").hasSize(350).doesNotHaveDuplicates();
            assertThat(new TreeSet<>(all)).isEqualTo(authorities);
        }
        // the groupings overlap: a nearest-neighbour group spans regions
        assertThat(nearest.values()).allSatisfy(members ->
                assertThat(regions.values().stream().filter(r -> r.stream().anyMatch(members::contains)).count())
                        .isGreaterThan(1));
    }

    @Test
    void nearestNeighboursAreSimilarInSize() throws IOException {
        Path out = temp.resolve("zone");
        new SyntheticLandingZone(Spec.of(150, 4, 1)).write(out);
        Map<String, BigDecimal> countBaseline = new HashMap<>();
        for (CSVRecord row : read(out.resolve("definitions/area_targets.csv"), AREA_TARGET_COLUMNS)) {
            if (row.get("indicator_ref").equals("NI 004")) { // smoking quitters: a count
                countBaseline.put(row.get("area"), new BigDecimal(row.get("baseline_value")));
            }
        }
        Map<String, List<BigDecimal>> byGroup = new TreeMap<>();
        for (CSVRecord row : read(out.resolve("definitions/comparison_groups.csv"), GROUP_COLUMNS)) {
            if (row.get("group").startsWith(NEAREST)) {
                byGroup.computeIfAbsent(row.get("group"), g -> new ArrayList<>()).add(countBaseline.get(row.get("area")));
            }
        }
        List<Double> medians = byGroup.values().stream().map(SyntheticNationalZoneTest::median).toList();
        assertThat(medians).hasSize(10);
        assertThat(medians.get(medians.size() - 1) / medians.get(0))
                .as("the last group's typical authority against the first's").isGreaterThan(2.0);
    }

    @Test
    void aZoneWithDistrictsIsByteIdenticalRunToRunAndWhenAQuarterIsAdded() throws IOException {
        Spec spec = Spec.of(5, 8, 3).withDistricts(2).withRates(0.05, 0.1);
        new SyntheticLandingZone(spec).write(temp.resolve("a"));
        new SyntheticLandingZone(spec).write(temp.resolve("b"), Options.defaults().withThreads(1));
        assertSameFiles(filesUnder(temp.resolve("a")), filesUnder(temp.resolve("b")));

        new SyntheticLandingZone(spec.withQuarters(4)).write(temp.resolve("a"), Options.defaults().withOnlyMissing(true));
        new SyntheticLandingZone(spec.withQuarters(4)).write(temp.resolve("fresh"));
        assertSameFiles(filesUnder(temp.resolve("fresh")), filesUnder(temp.resolve("a")));
    }

    @Test
    void authoritiesFiguresAndPlansDoNotDependOnHowManyDistrictsOrAuthorities() throws IOException {
        new SyntheticLandingZone(Spec.of(4, 6, 3)).write(temp.resolve("none"));
        new SyntheticLandingZone(Spec.of(5, 6, 3).withDistricts(3)).write(temp.resolve("three"));

        for (String file : List.of("returns/2008-09-Q3/indicators.csv", "definitions/area_targets.csv",
                "definitions/areas.csv", "definitions/trajectories.csv")) {
            Set<String> none = lines(temp.resolve("none").resolve(file));
            Set<String> three = lines(temp.resolve("three").resolve(file));
            assertThat(three).as(file).containsAll(none);
        }
        assertThat(lines(temp.resolve("three/definitions/areas.csv"))).hasSize(1 + 5 * 4);
    }

    // ---------------------------------------------------------------- helpers

    /** The register row in force at a quarter: the one with the latest valid_from at or before it. */
    private static CSVRecord versionAt(List<CSVRecord> versions, FiscalQuarter quarter) {
        CSVRecord found = null;
        for (CSVRecord v : versions) {
            if (!FiscalQuarter.parse(v.get("valid_from")).isAfter(quarter)) {
                found = v;
            }
        }
        return found;
    }

    private static Map<String, Set<String>> filter(Map<String, Set<String>> groups, String prefix) {
        Map<String, Set<String>> kept = new TreeMap<>();
        groups.forEach((name, members) -> {
            if (name.startsWith(prefix)) {
                kept.put(name, members);
            }
        });
        return kept;
    }

    private static double spread(List<BigDecimal> values) {
        double max = values.stream().mapToDouble(BigDecimal::doubleValue).max().orElseThrow();
        double min = values.stream().mapToDouble(BigDecimal::doubleValue).min().orElseThrow();
        return max / min;
    }

    private static double median(List<BigDecimal> values) {
        double[] sorted = values.stream().mapToDouble(BigDecimal::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

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

    private static void assertNumber(String text) {
        assertThat(text).matches("\\d+(\\.\\d+)?");
    }

    private static Set<String> lines(Path file) throws IOException {
        return new HashSet<>(Files.readAllLines(file));
    }

    private static Map<String, byte[]> filesUnder(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((name, bytes) -> assertThat(actual.get(name)).as(name).isEqualTo(bytes));
    }
}
