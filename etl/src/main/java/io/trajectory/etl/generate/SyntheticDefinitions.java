package io.trajectory.etl.generate;

import io.trajectory.etl.generate.SyntheticIndicator.Version;
import io.trajectory.warehouse.period.FiscalQuarter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The register files of the synthetic landing zone: {@code definitions/indicators.csv} (one
 * row per indicator version) and {@code definitions/trajectories.csv} (explicit planned values
 * for the few indicators that have them). Neither depends on the number of authorities or
 * quarters written.
 *
 * <p>Periods are written in more than one accepted spelling on purpose, so the loader's period
 * parsing is exercised: canonical ({@code 2008/09 Q1}) for baselines, targets and first
 * versions, quarter first ({@code Q3 2010/11}) for later versions' {@code valid_from}, and the
 * folder spelling ({@code 2008-09-Q1}) in the trajectories.
 */
final class SyntheticDefinitions {

    static final String[] INDICATOR_HEADER = {
            "indicator_ref", "ni_code", "title", "theme", "polarity", "unit", "accumulation",
            "baseline_period", "baseline_value", "target_period", "target_value", "stretch_target_value",
            "reward_target", "responsible_officer", "valid_from"};
    static final String[] TRAJECTORY_HEADER = {
            "indicator_ref", "period", "planned_value", "stretch_planned_value"};

    private SyntheticDefinitions() {
    }

    /** @return rows written */
    static long writeIndicators(Path file, List<SyntheticIndicator> register, Quarters quarters) throws IOException {
        try (CsvOut out = new CsvOut(file)) {
            out.header(INDICATOR_HEADER);
            for (SyntheticIndicator ind : register) {
                for (int k = 0; k < ind.versions.size(); k++) {
                    Version version = ind.versions.get(k);
                    FiscalQuarter validFrom = quarters.quarter(version.validFrom());
                    out.text(ind.ref)
                            .text(ind.ref)
                            .text(ind.title)
                            .text(Vocabulary.THEMES.get(ind.theme))
                            .text(ind.polarity.name())
                            .text(ind.unit.name().toLowerCase(Locale.ROOT))
                            .text(ind.accumulation.name())
                            .text(ind.baselinePeriod.toString())
                            .number(ind.baseline, ind.decimals)
                            .text(version.hasTarget() ? ind.targetPeriod.toString() : "")
                            .number(version.target(), ind.decimals)
                            .number(version.stretch(), ind.decimals)
                            .text(version.hasTarget() ? (version.reward() ? "Y" : "N") : "")
                            .text(version.officer())
                            .text(k == 0 ? validFrom.toString() : "Q" + validFrom.quarter() + " " + validFrom.fiscalYearLabel());
                    out.endRow();
                }
            }
            return out.rows();
        }
    }

    /** @return rows written */
    static long writeTrajectories(Path file, List<SyntheticIndicator> register, Quarters quarters) throws IOException {
        try (CsvOut out = new CsvOut(file)) {
            out.header(TRAJECTORY_HEADER);
            for (SyntheticIndicator ind : register) {
                if (ind.explicitPlanned == null) {
                    continue;
                }
                for (int t = 0; t < ind.explicitPlanned.length; t++) {
                    out.text(ind.ref)
                            .text(quarters.quarter(t).folderName())
                            .number(ind.explicitPlanned[t], ind.decimals)
                            .number(ind.explicitStretch == null ? Double.NaN : ind.explicitStretch[t], ind.decimals);
                    out.endRow();
                }
            }
            return out.rows();
        }
    }
}
