package io.trajectory.api.web;

import io.micronaut.serde.annotation.SerdeImport;
import io.trajectory.warehouse.query.AreaRow;
import io.trajectory.warehouse.query.Benchmark;
import io.trajectory.warehouse.query.BenchmarkRow;
import io.trajectory.warehouse.query.BenchmarkSummary;
import io.trajectory.warehouse.query.CommitmentRow;
import io.trajectory.warehouse.query.Comparison;
import io.trajectory.warehouse.query.ComparisonGroup;
import io.trajectory.warehouse.query.ComparisonRow;
import io.trajectory.warehouse.query.DataGaps;
import io.trajectory.warehouse.query.GapRow;
import io.trajectory.warehouse.query.IndicatorDetail;
import io.trajectory.warehouse.query.IndicatorSummary;
import io.trajectory.warehouse.query.IndicatorVersion;
import io.trajectory.warehouse.query.Mover;
import io.trajectory.warehouse.query.PeriodRow;
import io.trajectory.warehouse.query.RiskSummaryRow;
import io.trajectory.warehouse.query.SnapshotInfo;
import io.trajectory.warehouse.query.ThemeRow;
import io.trajectory.warehouse.query.ThemeTrendRow;
import io.trajectory.warehouse.query.TrajectoryPoint;
import io.trajectory.warehouse.query.Transition;
import io.trajectory.warehouse.query.TrendPoint;

/** The warehouse's result records, made serialisable without annotating the warehouse module. */
@SerdeImport(AreaRow.class)
@SerdeImport(Benchmark.class)
@SerdeImport(BenchmarkRow.class)
@SerdeImport(BenchmarkSummary.class)
@SerdeImport(CommitmentRow.class)
@SerdeImport(Comparison.class)
@SerdeImport(ComparisonGroup.class)
@SerdeImport(ComparisonRow.class)
@SerdeImport(DataGaps.class)
@SerdeImport(GapRow.class)
@SerdeImport(IndicatorDetail.class)
@SerdeImport(IndicatorSummary.class)
@SerdeImport(IndicatorVersion.class)
@SerdeImport(Mover.class)
@SerdeImport(PeriodRow.class)
@SerdeImport(RiskSummaryRow.class)
@SerdeImport(SnapshotInfo.class)
@SerdeImport(ThemeRow.class)
@SerdeImport(ThemeTrendRow.class)
@SerdeImport(TrajectoryPoint.class)
@SerdeImport(Transition.class)
@SerdeImport(TrendPoint.class)
final class WarehouseTypes {

    private WarehouseTypes() {
    }
}
