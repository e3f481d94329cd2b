package io.trajectory.api;

import io.micronaut.context.annotation.Factory;
import io.trajectory.warehouse.query.BenchmarkQuery;
import io.trajectory.warehouse.query.CatalogueQuery;
import io.trajectory.warehouse.query.CommitmentsQuery;
import io.trajectory.warehouse.query.ComparisonQuery;
import io.trajectory.warehouse.query.QuarterlyPackQuery;
import io.trajectory.warehouse.query.RiskSummaryQuery;
import io.trajectory.warehouse.query.TrajectoryGapQuery;
import io.trajectory.warehouse.query.TrendQuery;
import jakarta.inject.Singleton;

/** The warehouse's query families as beans; the gap query carries the configured rating rule. */
@Factory
public class Queries {

    @Singleton
    CatalogueQuery catalogueQuery() {
        return new CatalogueQuery();
    }

    @Singleton
    TrendQuery trendQuery(SpcConfig spc) {
        return new TrendQuery(spc.toRules());
    }

    @Singleton
    TrajectoryGapQuery trajectoryGapQuery(RatingConfig rating) {
        return new TrajectoryGapQuery(rating.toRuleConfig().create(), rating.trendQuarters());
    }

    @Singleton
    ComparisonQuery comparisonQuery() {
        return new ComparisonQuery();
    }

    @Singleton
    RiskSummaryQuery riskSummaryQuery() {
        return new RiskSummaryQuery();
    }

    @Singleton
    BenchmarkQuery benchmarkQuery() {
        return new BenchmarkQuery();
    }

    @Singleton
    CommitmentsQuery commitmentsQuery() {
        return new CommitmentsQuery();
    }

    @Singleton
    QuarterlyPackQuery quarterlyPackQuery(RiskSummaryQuery riskSummary, TrajectoryGapQuery gaps,
            CommitmentsQuery commitments, SpcConfig spc) {
        return new QuarterlyPackQuery(riskSummary, gaps, commitments, spc.toRules());
    }
}
