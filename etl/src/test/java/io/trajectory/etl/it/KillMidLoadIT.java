package io.trajectory.etl.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A load that fails, or is killed hard half-way, changes nothing anyone sees: {@code current}
 * still names the previous snapshot, whose file is byte for byte what it was, and the next load
 * tidies the leftovers up and publishes. The steps share one data folder and run in order:
 *
 * <ol>
 *   <li>(before all) load the sample agreement: snapshot v1; generate a bigger landing zone</li>
 *   <li>a load whose return lacks a required column fails cleanly (exit 1, file and column named)</li>
 *   <li>a load of the bigger zone is SIGKILLed while Spark writes fact_indicator_return to the lake</li>
 *   <li>the same load again, SIGKILLed while the new DuckDB snapshot is being built</li>
 *   <li>the same load again, to completion: v2 is current, no partial files, no uncommitted batches</li>
 * </ol>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KillMidLoadIT {

    /** Generated landing zone for the killed loads: big enough that writing it takes a while. */
    static final int AUTHORITIES = 40;
    static final int INDICATORS = 100;
    static final int QUARTERS = 8;

    static final Duration LOAD_TIMEOUT = Duration.ofMinutes(5);
    static final int SIGKILL_EXIT = 128 + 9;
    static final Pattern LAKE_STAGE = Pattern.compile("^\\[\\s*[\\d.]+s] lake\\s.*");

    static Path work;
    static Path logs;
    static Path data;
    static Path big;
    static String v1Name;
    static String v1Sha;
    static List<String> v1Answer;
    static long t0;

    @BeforeAll
    static void publishV1AndGenerateABiggerZone() throws Exception {
        t0 = System.nanoTime();
        work = ItSupport.freshWorkDir("KillMidLoadIT");
        logs = work.resolve("logs");
        data = work.resolve("data");
        big = work.resolve("landing-big");

        try (ChildProcess gen = ChildProcess.etl("generate", logs, "generate", "--authorities", String.valueOf(AUTHORITIES),
                "--indicators", String.valueOf(INDICATORS), "--quarters", String.valueOf(QUARTERS), "--out", big.toString());
             ChildProcess v1 = ChildProcess.etl("load-v1", logs, "etl", "--landing", ItSupport.sampleLanding().toString(),
                     "--data", data.toString())) {
            assertThat(gen.waitFor(Duration.ofMinutes(2))).as("generate exit code\n%s", gen.logs(30)).isZero();
            assertThat(v1.waitFor(LOAD_TIMEOUT)).as("v1 load exit code\n%s", v1.logs(60)).isZero();
            System.out.printf("kill: v1 (sample agreement) loaded in %s; generated %s in %s%n",
                    ItSupport.seconds(v1.elapsedNanos()), big.getFileName(), ItSupport.seconds(gen.elapsedNanos()));
        }
        v1Name = ItSupport.currentName(data);
        assertThat(v1Name).isEqualTo("warehouse-v000001.duckdb");
        Path v1 = ItSupport.currentSnapshot(data);
        v1Sha = ItSupport.sha256(v1);
        v1Answer = answer(v1);
        assertThat(Long.parseLong(v1Answer.get(0).split("\\|")[0])).as("v1 facts").isGreaterThan(1000);
    }

    @Test
    @Order(1)
    void aLoadThatCannotReadAReturnFailsNamingFileAndColumnAndKeepsV1() throws Exception {
        Path broken = work.resolve("landing-broken");
        copyTree(ItSupport.sampleLanding(), broken);
        Path file = broken.resolve("returns/2008-09-Q2/indicators.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        assertThat(lines.get(0)).startsWith("indicator_ref,period,");
        lines.set(0, lines.get(0).replace("indicator_ref,period,", "indicator_ref,quarter,"));
        Files.write(file, lines, StandardCharsets.UTF_8);

        try (ChildProcess p = ChildProcess.etl("load-broken", logs, "etl", "--landing", broken.toString(),
                "--data", data.toString())) {
            int exit = p.waitFor(LOAD_TIMEOUT);
            System.out.printf("kill: the broken load failed in %s (exit %d)%n", ItSupport.seconds(p.elapsedNanos()), exit);
            assertThat(exit).as("exit code\n%s", p.logs(40)).isEqualTo(1);
            assertThat(p.stderr())
                    .contains("returns/2008-09-Q2/indicators.csv")
                    .containsPattern("missing required column period\\b")
                    .contains("nothing was published; snapshot v1 is still current");
            assertThat(p.stdout()).doesNotContain("start Spark"); // the header check runs before Spark starts
        }
        assertV1StillCurrentAndIntact();
        assertThat(uncommittedBatchFolders()).isEmpty();
    }

    @Test
    @Order(2)
    void aLoadKilledWhileWritingTheLakeLeavesV1Current() throws Exception {
        try (ChildProcess p = ChildProcess.etl("killed-in-lake", logs, "etl", "--landing", big.toString(),
                "--data", data.toString())) {
            String line = p.awaitStdout(l -> LAKE_STAGE.matcher(l).matches(), LOAD_TIMEOUT);
            if (line == null) {
                fail("the load never reached the lake stage\n" + p.logs(40));
            }
            // Spark has started the write job once the table's batch folder exists; kill it then.
            Path facts = data.resolve("lake/fact_indicator_return/batch_id=b000002");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.exists(facts) && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(p.isAlive()).as("the load is still running when the fact write starts\n%s", p.logs(30)).isTrue();
            int exit = p.kill();
            System.out.printf("kill: SIGKILLed the load %s in, writing the lake (%s)%n",
                    ItSupport.seconds(p.elapsedNanos()), line.strip());
            assertThat(exit).isEqualTo(SIGKILL_EXIT);
            assertThat(p.stdout()).doesNotContain("committed lake batch");
            assertThat(facts.resolve("_SUCCESS")).as("the fact write was cut short").doesNotExist();
        }
        assertV1StillCurrentAndIntact();
        assertThat(committedBatches()).containsExactly("b000001");
        List<Path> leftovers = uncommittedBatchFolders();
        System.out.printf("kill: left behind %s%n", leftovers.stream().map(p -> data.relativize(p).toString()).toList());
        assertThat(leftovers).as("the killed load's unfinished lake output")
                .anyMatch(p -> p.toString().contains("fact_indicator_return"));
    }

    @Test
    @Order(3)
    void aLoadKilledWhileBuildingTheSnapshotLeavesV1Current() throws Exception {
        try (ChildProcess p = ChildProcess.etl("killed-in-publish", logs, "etl", "--landing", big.toString(),
                "--data", data.toString())) {
            String line = p.awaitStdout(l -> l.contains("publish: 03_dimensions"), LOAD_TIMEOUT);
            if (line == null) {
                fail("the load never got to building the snapshot\n" + p.logs(40));
            }
            int exit = p.kill();
            System.out.printf("kill: SIGKILLed the load %s in, building the snapshot (%s)%n",
                    ItSupport.seconds(p.elapsedNanos()), line.strip());
            assertThat(exit).isEqualTo(SIGKILL_EXIT);
            assertThat(p.stdout())
                    .contains("removed the unfinished output of an earlier load")
                    .contains("committed lake batch b000002")
                    .doesNotContain("is current");
        }
        assertV1StillCurrentAndIntact();
        assertThat(partialSnapshots()).as("the half-built snapshot").isNotEmpty();
        assertThat(committedBatches()).containsExactly("b000001", "b000002");
        assertThat(uncommittedBatchFolders()).isEmpty();
    }

    @Test
    @Order(4)
    void theNextLoadCompletesTidiesUpAndPublishesV2() throws Exception {
        try (ChildProcess p = ChildProcess.etl("rerun", logs, "etl", "--landing", big.toString(), "--data", data.toString())) {
            int exit = p.waitFor(LOAD_TIMEOUT);
            System.out.printf("kill: the rerun finished in %s (exit %d)%n", ItSupport.seconds(p.elapsedNanos()), exit);
            assertThat(exit).as("exit code\n%s", p.logs(40)).isZero();
            assertThat(p.stdout()).containsPattern("snapshot\\s+v2 published");
        }
        assertThat(ItSupport.currentName(data)).isEqualTo("warehouse-v000002.duckdb");
        assertThat(partialSnapshots()).isEmpty();
        assertThat(uncommittedBatchFolders()).isEmpty();
        assertThat(temporaryFolders()).isEmpty();
        assertThat(ItSupport.sha256(data.resolve("snapshots").resolve(v1Name))).as("v1 is never written again")
                .isEqualTo(v1Sha);
        List<String> v2Answer = answer(ItSupport.currentSnapshot(data));
        long v2Facts = Long.parseLong(v2Answer.get(0).split("\\|")[0]);
        assertThat(v2Facts).as("v2 facts").isGreaterThan((long) AUTHORITIES * INDICATORS * QUARTERS / 2);
        System.out.printf("kill: v2 answers %s (v1 answered %s); whole class took %s%n", v2Answer, v1Answer,
                ItSupport.seconds(System.nanoTime() - t0));
    }

    private static void assertV1StillCurrentAndIntact() throws Exception {
        assertThat(ItSupport.currentName(data)).as("data/current").isEqualTo(v1Name);
        Path v1 = ItSupport.currentSnapshot(data);
        assertThat(ItSupport.sha256(v1)).as("checksum of %s", v1).isEqualTo(v1Sha);
        assertThat(answer(v1)).as("v1 opened read-only").isEqualTo(v1Answer);
    }

    /** A few figures a reader would see: fact count and total, mart rows, the snapshot's own version. */
    private static List<String> answer(Path snapshot) throws Exception {
        try (Connection c = ItSupport.openReadOnly(snapshot)) {
            List<String> out = new ArrayList<>();
            out.addAll(ItSupport.rows(c, "select count(*), sum(actual), max(period_key) from fact_indicator_return"));
            out.addAll(ItSupport.rows(c, "select count(*) from mart_indicator_quarter"));
            out.addAll(ItSupport.rows(c, "select snapshot_version, batches from meta_refresh"));
            return out;
        }
    }

    private static Set<String> committedBatches() throws IOException {
        Set<String> ids = new TreeSet<>();
        Path dir = data.resolve("lake/_batches");
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".committed"))
                    .forEach(n -> ids.add(n.substring(0, n.length() - ".committed".length())));
        }
        return ids;
    }

    /** {@code lake/<table>/batch_id=<id>} folders whose batch has no commit marker. */
    private static List<Path> uncommittedBatchFolders() throws IOException {
        Set<String> committed = committedBatches();
        List<Path> out = new ArrayList<>();
        try (Stream<Path> tables = Files.list(data.resolve("lake"))) {
            for (Path table : tables.filter(Files::isDirectory).toList()) {
                try (Stream<Path> parts = Files.list(table)) {
                    parts.filter(p -> p.getFileName().toString().startsWith("batch_id="))
                            .filter(p -> !committed.contains(p.getFileName().toString().substring("batch_id=".length())))
                            .forEach(out::add);
                }
            }
        }
        return out;
    }

    private static List<Path> temporaryFolders() throws IOException {
        try (Stream<Path> s = Files.walk(data.resolve("lake"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("_temporary")).toList();
        }
    }

    private static List<Path> partialSnapshots() throws IOException {
        try (Stream<Path> s = Files.list(data.resolve("snapshots"))) {
            return s.filter(p -> p.getFileName().toString().contains(".partial")).toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
