package io.trajectory.etl.job;

import io.trajectory.etl.definitions.AreaDefinition;
import io.trajectory.warehouse.lake.Batch;
import io.trajectory.warehouse.lake.Lake;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The areas a load knows of: those reported in any return so far (a batch reads only the returns
 * that changed, so earlier batches' areas are carried forward through the lake's {@code dim_area})
 * and those listed in {@code definitions/areas.csv}. Not thread-safe.
 */
final class AreaCodes {

    private final Set<String> reported = new TreeSet<>();

    private AreaCodes() {
    }

    /** The areas reported by the returns of the newest committed batch and every batch before it. */
    static AreaCodes carriedFrom(SparkSession spark, Lake lake) {
        AreaCodes codes = new AreaCodes();
        lake.latestBatch().map(Batch::id).map(id -> lake.tableDir("dim_area", id)).filter(Files::isDirectory)
                .ifPresent((Path dir) -> spark.read().parquet(dir.toString()).filter("is_reported")
                        .select("area_code").collectAsList().forEach(r -> codes.reported(r.getString(0))));
        return codes;
    }

    void reported(String code) {
        if (code != null && !code.isEmpty()) {
            reported.add(code);
        }
    }

    /** Every area code known: reported or listed. */
    Set<String> codes() {
        return reported;
    }

    /** Reported areas that {@code definitions/areas.csv} does not list (none when there is no such file). */
    List<String> unlisted(List<AreaDefinition> listed) {
        if (listed.isEmpty()) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        listed.forEach(a -> names.add(a.code()));
        return reported.stream().filter(c -> !names.contains(c)).toList();
    }

    /** The lake's {@code dim_area} rows: every listed area, then every reported one not listed. */
    List<Row> rows(List<AreaDefinition> listed) {
        List<Row> out = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (AreaDefinition a : listed) {
            out.add(RowFactory.create(a.code(), a.name(), a.parent().isEmpty() ? null : a.parent(), a.type(), true,
                    reported.contains(a.code())));
            done.add(a.code());
        }
        for (String code : reported) {
            if (!done.contains(code)) {
                out.add(RowFactory.create(code, code, null, "area", false, true));
            }
        }
        return out;
    }
}
