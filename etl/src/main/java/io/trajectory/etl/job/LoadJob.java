package io.trajectory.etl.job;

import io.trajectory.etl.commitments.CommitmentRow;
import io.trajectory.etl.commitments.CommitmentsFileException;
import io.trajectory.etl.commitments.CommitmentsFiles;
import io.trajectory.etl.commitments.CommitmentsParse;
import io.trajectory.etl.commitments.ParseProblem;
import io.trajectory.etl.definitions.Definitions;
import io.trajectory.etl.definitions.IndicatorVersion;
import io.trajectory.etl.definitions.Quarantined;
import io.trajectory.etl.definitions.AreaPlan;
import io.trajectory.etl.definitions.GroupMember;
import io.trajectory.etl.definitions.PlannedValue;
import io.trajectory.etl.landing.DefinitionFiles;
import io.trajectory.etl.landing.LandingZone;
import io.trajectory.etl.landing.LandingZoneException;
import io.trajectory.etl.landing.ReturnFolder;
import io.trajectory.etl.landing.SourceFile;
import io.trajectory.etl.returns.ReturnFile;
import io.trajectory.etl.returns.ReturnsReader;
import io.trajectory.etl.returns.ReturnsValidation;
import io.trajectory.warehouse.lake.Batch;
import io.trajectory.warehouse.lake.Lake;
import io.trajectory.warehouse.load.LoadReport.HeldBackQuarter;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.publish.PublishOptions;
import io.trajectory.warehouse.publish.PublishResult;
import io.trajectory.warehouse.publish.Publisher;
import io.trajectory.warehouse.snapshot.SnapshotStore;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * One load: scan the landing zone, decide what is new, read and validate it on Spark, write it
 * to the lake as a new batch, commit the batch, then publish a snapshot. Each step prints what
 * it is doing; nothing becomes visible to readers until the batch is committed and the snapshot
 * promoted, so a load that fails or is killed changes nothing anyone sees.
 */
public final class LoadJob {

    private final LoadOptions options;
    private final Progress progress;

    public LoadJob(LoadOptions options, Progress progress) {
        this.options = options;
        this.progress = progress;
    }

    public LoadSummary run() throws SQLException {
        Instant started = Instant.now();
        progress.stage("scan", "landing zone " + options.landing().toAbsolutePath());
        LandingZone zone = LandingZone.scan(options.landing());
        zone.warnings().forEach(progress::warn);
        progress.info(zone.returns().size() + " quarterly return(s), " + zone.unknownFolders().size()
                + " folder(s) that are not quarters");

        Lake lake = Lake.at(options.lakeDir());
        lake.removeUncommitted().forEach(p -> progress.info("removed the unfinished output of an earlier load: " + p));
        LoadPlan plan = LoadPlan.of(zone, lake.committedBatches(), options.rewardShare());

        String batchId = null;
        long[] rows = new long[3];
        Map<String, Long> reasons = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>(zone.warnings());
        if (plan.isEmpty()) {
            progress.info("nothing new: the lake already holds every file in the landing zone");
        } else {
            progress.info((plan.definitionsChanged() ? "definitions changed; " : "") + plan.toLoad().size()
                    + " return(s) to load, " + plan.unchanged().size() + " unchanged");
            batchId = lake.nextBatchId();
            try {
                loadBatch(zone, plan, lake, batchId, rows, reasons, warnings);
            } catch (Exception e) { // SparkException is checked in Java's eyes but undeclared
                java.util.Optional<LandingZoneException> problem = landingProblemIn(e);
                if (problem.isPresent()) {
                    throw problem.get();
                }
                throw e;
            }
        }

        progress.stage("publish", "build a DuckDB snapshot from the lake");
        PublishResult published = new Publisher(progress::info).publish(lake, SnapshotStore.at(options.dataDir()),
                new PublishOptions(options.includeProvisional(), options.force(), options.keepSnapshots(),
                        options.publishMemory(), options.publishThreads()));
        List<HeldBackQuarter> heldBack = heldBack(zone);
        heldBack.forEach(q -> progress.info("held back " + q.period() + ": " + q.reason()));
        return new LoadSummary(batchId, plan.toLoad().size(), plan.unchanged().size(), rows[0], rows[1], rows[2],
                reasons, warnings, published, heldBack, progress.timings(), started, Instant.now());
    }

    /** The landing zone's quarters this load did not publish: those not signed off, unless --provisional. */
    private List<HeldBackQuarter> heldBack(LandingZone zone) {
        if (options.includeProvisional()) {
            return List.of();
        }
        return zone.returns().stream().filter(r -> !r.isSignedOff())
                .map(r -> new HeldBackQuarter(r.quarter().toString(), "returns/" + r.folder(),
                        "not signed off: returns/" + r.folder() + " has no signoff.json; add it once the quarter is "
                                + "signed off, or load with --provisional to publish it marked provisional"))
                .toList();
    }

    private void loadBatch(LandingZone zone, LoadPlan plan, Lake lake, String batchId, long[] rows,
                           Map<String, Long> reasons, List<String> warnings) {
        progress.stage("definitions", String.join(", ",
                zone.definitions().present().stream().map(k -> k.file().name()).toList()));
        Definitions given = Definitions.read(zone.definitions());
        given.warnings().forEach(progress::warn);
        warnings.addAll(given.warnings());
        progress.info(given.versions().size() + " indicator version(s), " + given.plannedValues().size()
                + " planned value(s), " + given.areas().size() + " area(s) listed, " + given.areaPlans().size()
                + " area plan(s), " + given.groupMembers().size() + " comparison group member(s), "
                + given.quarantined().size() + " problem(s)");

        List<Quarantined> quarantined = new ArrayList<>();
        List<Row> sourceFiles = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());

        List<ReturnFile> returnFiles = new ArrayList<>();
        for (ReturnFolder r : plan.toLoad()) {
            r.indicators().ifPresent(f -> returnFiles.add(new ReturnFile(f.path().toUri().toString(), f.name(), f.sha256(),
                    r.quarter().key(), null)));
        }
        for (LandingZone.UnknownFolder u : zone.unknownFolders()) {
            for (SourceFile f : u.files()) {
                if (ReturnsReader.isReturnFile(f.name())) {
                    returnFiles.add(new ReturnFile(f.path().toUri().toString(), f.name(), f.sha256(), null, u.reason()));
                } else {
                    quarantined.add(new Quarantined(f.name(), null, null, u.reason(), null, null, null));
                }
            }
        }
        for (String warning : ReturnsReader.checkHeaders(returnFiles)) {
            progress.warn(warning);
            warnings.add(warning);
        }

        List<Row> commitmentRows = new ArrayList<>();
        for (ReturnFolder r : plan.toLoad()) {
            r.commitments().ifPresent(f -> readCommitments(r, f, commitmentRows, quarantined, sourceFiles, now));
            r.signOffFile().ifPresent(f -> sourceFiles.add(RowFactory.create(f.name(), "signoff", r.quarter().key(),
                    f.sha256(), f.bytes(), 1L, 1L, 0L, now)));
        }

        progress.stage("spark", "start Spark (" + options.master() + ")");
        SparkSession spark = SparkSessions.start(options);
        try {
            write(spark, rowsOf(given.versions()), LakeSchemas.DIM_INDICATOR, lake.tableDir("dim_indicator", batchId));
            write(spark, commitmentRows, LakeSchemas.FACT_COMMITMENT_RETURN, lake.tableDir("fact_commitment_return", batchId));

            progress.stage("returns", "read and validate " + returnFiles.size() + " return file(s)");
            Dataset<Row> versions = spark.createDataFrame(rowsOf(given.versions()), LakeSchemas.DIM_INDICATOR)
                    .select("indicator_ref", "valid_from_key", "valid_to_key");
            Dataset<Row> returnQuarantine = null;
            AreaCodes areas = AreaCodes.carriedFrom(spark, lake);
            if (!returnFiles.isEmpty()) {
                Dataset<Row> checked = ReturnsReader.read(spark, returnFiles)
                        .transform(d -> ReturnsValidation.withIndicatorChecks(d, versions))
                        .transform(ReturnsValidation::withDuplicateChecks)
                        .persist(StorageLevel.MEMORY_AND_DISK());
                List<Row> counts = checked.groupBy("source_file", "source_sha256", "return_period_key")
                        .agg(count(lit(1)).as("rows_read"),
                                sum(when(size(col("problems")).equalTo(0), 1).otherwise(0)).as("rows_loaded"))
                        .orderBy("source_file").collectAsList();
                for (Row c : counts) {
                    long read = c.getLong(3);
                    long loaded = c.getLong(4);
                    rows[0] += read;
                    rows[1] += loaded;
                    progress.info(String.format("%-45s %,9d rows read, %,9d loaded, %,6d quarantined",
                            c.getString(0), read, loaded, read - loaded));
                    long bytes = returnFiles.stream().filter(f -> f.name().equals(c.getString(0))).findFirst()
                            .map(f -> sizeOf(f.uri())).orElse(0L);
                    sourceFiles.add(RowFactory.create(c.getString(0), "indicator_return", c.isNullAt(2) ? null : c.getInt(2),
                            c.getString(1), bytes, read, loaded, read - loaded, now));
                }
                progress.stage("lake", "write batch " + batchId + " to " + lake.root());
                Dataset<Row> valid = ReturnsValidation.valid(checked);
                valid.write().mode(SaveMode.ErrorIfExists).partitionBy("return_period_key")
                        .parquet(lake.tableDir("fact_indicator_return", batchId).toString());
                valid.select("area_code").distinct().collectAsList().forEach(r -> areas.reported(r.getString(0)));
                returnQuarantine = ReturnsValidation.quarantine(checked);
            } else {
                progress.stage("lake", "write batch " + batchId + " to " + lake.root());
            }

            // Rows naming an area can only be checked now that the returns say which areas exist.
            Definitions defs = given.withKnownAreas(areas.codes());
            quarantined.addAll(0, defs.quarantined());
            areas.unlisted(defs.areas()).forEach(code -> {
                String w = "area '" + code + "' is reported in returns but not listed in definitions/areas.csv";
                progress.warn(w);
                warnings.add(w);
            });
            for (DefinitionFiles.Kinded k : zone.definitions().present()) {
                long[] c = defs.fileCounts().getOrDefault(k.file().name(), new long[3]);
                sourceFiles.add(RowFactory.create(k.file().name(), k.kind(), null, k.file().sha256(), k.file().bytes(),
                        c[0], c[1], c[2], now));
            }
            write(spark, areas.rows(defs.areas()), LakeSchemas.DIM_AREA, lake.tableDir("dim_area", batchId));
            write(spark, planRows(defs.areaPlans()), LakeSchemas.DIM_PLAN, lake.tableDir("dim_plan", batchId));
            write(spark, plannedValueRows(defs.plannedValues()), LakeSchemas.FACT_PLANNED_VALUE,
                    lake.tableDir("fact_planned_value", batchId));
            write(spark, memberRows(defs.groupMembers()), LakeSchemas.BRIDGE_COMPARISON_GROUP,
                    lake.tableDir("bridge_comparison_group", batchId));

            Dataset<Row> quarantineRows = spark.createDataFrame(quarantineRows(quarantined), LakeSchemas.META_QUARANTINE);
            if (returnQuarantine != null) {
                quarantineRows = quarantineRows.unionByName(returnQuarantine);
            }
            quarantineRows = quarantineRows.persist(StorageLevel.MEMORY_AND_DISK());
            quarantineRows.coalesce(1).write().mode(SaveMode.ErrorIfExists)
                    .parquet(lake.tableDir("meta_quarantine", batchId).toString());
            for (Row r : quarantineRows.groupBy("reason").count().orderBy(col("count").desc()).limit(10).collectAsList()) {
                reasons.put(r.getString(0), r.getLong(1));
            }
            rows[2] = quarantineRows.count();
            write(spark, returnRows(plan.toLoad()), LakeSchemas.META_RETURN, lake.tableDir("meta_return", batchId));
            write(spark, sourceFiles, LakeSchemas.META_SOURCE_FILE, lake.tableDir("meta_source_file", batchId));
        } finally {
            spark.stop();
        }

        Properties props = new Properties();
        props.setProperty(Batch.DEFINITIONS_SHA, plan.definitionsSha());
        props.setProperty(Batch.COMMITTED_AT, Instant.now().toString());
        props.setProperty(Batch.REWARD_SHARE, Double.toString(options.rewardShare()));
        for (ReturnFolder r : plan.toLoad()) {
            props.setProperty(Batch.returnShaKey(r.quarter().key()), r.sha256());
        }
        lake.commit(new Batch(batchId, props));
        progress.info("committed lake batch " + batchId);
    }

    /**
     * A file found unreadable inside a Spark task reaches the driver wrapped in Spark's own
     * exception, often only as text; recover the message that names the file.
     */
    static java.util.Optional<LandingZoneException> landingProblemIn(Throwable e) {
        String marker = LandingZoneException.class.getName() + ": ";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LandingZoneException l) {
                return java.util.Optional.of(l);
            }
            String message = t.getMessage();
            int at = message == null ? -1 : message.indexOf(marker);
            if (at >= 0) {
                String rest = message.substring(at + marker.length());
                return java.util.Optional.of(new LandingZoneException(rest.lines().findFirst().orElse(rest).strip(), e));
            }
        }
        return java.util.Optional.empty();
    }

    private void readCommitments(ReturnFolder r, SourceFile f, List<Row> out, List<Quarantined> quarantined,
                                 List<Row> sourceFiles, Timestamp now) {
        CommitmentsParse parse;
        try {
            parse = CommitmentsFiles.read(f.path(), f.name(), r.quarter());
        } catch (CommitmentsFileException e) {
            throw new LandingZoneException(e.getMessage(), e);
        }
        for (CommitmentRow c : parse.rows()) {
            out.add(RowFactory.create(c.ref(), c.item(), c.priority(), c.achieve(), c.officer(), c.statusText(),
                    c.current().name(), c.statedPrevious() == null ? null : c.statedPrevious().name(),
                    c.statedPreviousPeriod() == null ? null : c.statedPreviousPeriod().key(), c.comment(), c.section(),
                    f.name(), c.line(), f.sha256(), r.quarter().key()));
        }
        for (ParseProblem p : parse.problems()) {
            quarantined.add(new Quarantined(f.name(), (long) p.line(), p.column(), p.reason(), null, p.rawLine(),
                    r.quarter().key()));
        }
        long bad = parse.problems().stream().mapToInt(ParseProblem::line).distinct().count();
        sourceFiles.add(RowFactory.create(f.name(), "commitments", r.quarter().key(), f.sha256(), f.bytes(),
                parse.rows().size() + bad, (long) parse.rows().size(), bad, now));
        progress.info(String.format("%-45s %,9d commitments, %,6d problem(s)", f.name(), parse.rows().size(),
                parse.problems().size()));
    }

    private static void write(SparkSession spark, List<Row> rows, StructType schema, Path dir) {
        spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(dir.toString());
    }

    private static List<Row> rowsOf(List<IndicatorVersion> versions) {
        List<Row> out = new ArrayList<>();
        for (IndicatorVersion v : versions) {
            out.add(RowFactory.create(v.ref(), v.version(), v.niCode(), v.title(), v.theme(), v.polarity().name(),
                    v.unit().name(), v.accumulation().name(), v.schedule().frequency().name(), v.schedule().dueQuarter(),
                    key(v.baselinePeriod()), v.baselineValue(),
                    key(v.targetPeriod()), v.targetValue(), v.stretchTargetValue(), v.rewardTarget(), v.officer(),
                    v.validFrom().key(), key(v.validTo()), v.sourceFile(), Math.toIntExact(v.sourceLine())));
        }
        return out;
    }

    private static List<Row> planRows(List<AreaPlan> plans) {
        List<Row> out = new ArrayList<>(plans.size());
        for (AreaPlan p : plans) {
            out.add(RowFactory.create(p.ref(), p.area(), p.version(), key(p.baselinePeriod()), p.baselineValue(),
                    key(p.targetPeriod()), p.targetValue(), p.stretchTargetValue(), p.validFrom().key(), key(p.validTo()),
                    p.sourceFile(), Math.toIntExact(p.sourceLine())));
        }
        return out;
    }

    private static List<Row> plannedValueRows(List<PlannedValue> values) {
        List<Row> out = new ArrayList<>(values.size());
        for (PlannedValue v : values) {
            out.add(RowFactory.create(v.ref(), v.area(), v.period().key(), v.planned(), v.stretchPlanned(),
                    v.sourceFile(), Math.toIntExact(v.sourceLine())));
        }
        return out;
    }

    private static List<Row> memberRows(List<GroupMember> members) {
        List<Row> out = new ArrayList<>(members.size());
        for (GroupMember m : members) {
            out.add(RowFactory.create(m.group(), m.area(), m.sourceFile(), Math.toIntExact(m.sourceLine())));
        }
        return out;
    }

    private static List<Row> returnRows(List<ReturnFolder> returns) {
        List<Row> out = new ArrayList<>();
        for (ReturnFolder r : returns) {
            out.add(RowFactory.create(r.quarter().key(), r.folder(), r.sha256(), r.isSignedOff(),
                    r.signOff().map(s -> s.signedOffBy()).orElse(null),
                    r.signOff().map(s -> Timestamp.from(s.signedOffAt())).orElse(null)));
        }
        return out;
    }

    private static List<Row> quarantineRows(List<Quarantined> quarantined) {
        List<Row> out = new ArrayList<>();
        for (Quarantined q : quarantined) {
            out.add(RowFactory.create(q.sourceFile(), q.line(), q.column(), q.reason(), q.rawValue(), q.rawLine(),
                    q.returnPeriodKey()));
        }
        return out;
    }

    private static Integer key(FiscalQuarter q) {
        return q == null ? null : q.key();
    }

    private static long sizeOf(String uri) {
        try {
            return Files.size(Path.of(java.net.URI.create(uri)));
        } catch (IOException | RuntimeException e) {
            return 0L;
        }
    }
}
