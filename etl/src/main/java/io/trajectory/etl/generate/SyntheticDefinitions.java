package io.trajectory.etl.generate;

import io.trajectory.etl.generate.SyntheticAuthority.District;
import io.trajectory.etl.generate.SyntheticIndicator.Version;
import io.trajectory.etl.generate.SyntheticPlan.Target;
import io.trajectory.etl.generate.SyntheticPlans.Breakdown;
import io.trajectory.warehouse.period.FiscalQuarter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The definition files of the synthetic landing zone: {@code indicators.csv} (the register, one
 * row per indicator version: the whole authority's plan), {@code trajectories.csv} (explicit
 * planned values: the register's for the few indicators that have them, and those authorities'
 * that profile the same indicators), {@code areas.csv} (every authority and district, named),
 * {@code area_targets.csv} (every authority's own plan for every indicator, and some
 * districts', one row per version) and {@code comparison_groups.csv} (nearest-neighbour groups
 * and regions). None depends on the number of quarters written.
 *
 * <p>Periods are written in more than one accepted spelling on purpose, so the loader's period
 * parsing is exercised: canonical ({@code 2008/09 Q1}) for baselines, targets and first
 * versions, quarter first ({@code Q3 2010/11}) for the register's later versions'
 * {@code valid_from}, and the folder spelling ({@code 2008-09-Q1}) in the trajectories. An area
 * plan's first version leaves {@code valid_from} blank (from the indicator's first quarter).
 */
final class SyntheticDefinitions {

    static final String[] INDICATOR_HEADER = {
            "indicator_ref", "ni_code", "title", "theme", "polarity", "unit", "accumulation",
            "baseline_period", "baseline_value", "target_period", "target_value", "stretch_target_value",
            "reward_target", "responsible_officer", "valid_from"};
    static final String[] TRAJECTORY_HEADER = {
            "indicator_ref", "area", "period", "planned_value", "stretch_planned_value"};
    static final String[] AREA_HEADER = {"area", "area_name", "parent_area", "area_type"};
    static final String[] AREA_TARGET_HEADER = {
            "indicator_ref", "area", "baseline_period", "baseline_value", "target_period", "target_value",
            "stretch_target_value", "valid_from"};
    static final String[] GROUP_HEADER = {"group", "area"};

    static final String AUTHORITY = "authority";
    static final String DISTRICT = "district";

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
                            .number(ind.plan.baseline, ind.decimals)
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

    /** The register's explicit planned values (area blank), then each authority's that profiles the indicator. */
    static long writeTrajectories(Path file, List<SyntheticIndicator> register, List<SyntheticAuthority> authorities,
                                  SyntheticPlans plans, Quarters quarters) throws IOException {
        try (CsvOut out = new CsvOut(file)) {
            out.header(TRAJECTORY_HEADER);
            for (SyntheticIndicator ind : register) {
                if (!ind.explicit) {
                    continue;
                }
                writePlannedValues(out, ind.ref, "", ind.plan, ind.decimals, quarters);
                for (SyntheticAuthority authority : authorities) {
                    SyntheticPlan plan = plans.authority(ind, authority);
                    if (plan.explicitPlanned != null) {
                        writePlannedValues(out, ind.ref, authority.code, plan, ind.decimals, quarters);
                    }
                }
            }
            return out.rows();
        }
    }

    private static void writePlannedValues(CsvOut out, String ref, String area, SyntheticPlan plan, int decimals,
                                           Quarters quarters) throws IOException {
        for (int t = 0; t < plan.explicitPlanned.length; t++) {
            out.text(ref)
                    .text(area)
                    .text(quarters.quarter(t).folderName())
                    .number(plan.explicitPlanned[t], decimals)
                    .number(plan.explicitStretch == null ? Double.NaN : plan.explicitStretch[t], decimals);
            out.endRow();
        }
    }

    /** Every authority, each followed by its districts. */
    static long writeAreas(Path file, List<SyntheticAuthority> authorities) throws IOException {
        try (CsvOut out = new CsvOut(file)) {
            out.header(AREA_HEADER);
            for (SyntheticAuthority authority : authorities) {
                out.text(authority.code).text(authority.name).blank().text(AUTHORITY);
                out.endRow();
                for (District district : authority.districts) {
                    out.text(district.code()).text(district.name()).text(authority.code).text(DISTRICT);
                    out.endRow();
                }
            }
            return out.rows();
        }
    }

    /** For each indicator, every authority's own plan and those of its districts that have one: a row per version. */
    static long writeAreaTargets(Path file, List<SyntheticIndicator> register, List<SyntheticAuthority> authorities,
                                 SyntheticPlans plans, Quarters quarters) throws IOException {
        try (CsvOut out = new CsvOut(file)) {
            out.header(AREA_TARGET_HEADER);
            for (SyntheticIndicator ind : register) {
                for (SyntheticAuthority authority : authorities) {
                    SyntheticPlan plan = plans.authority(ind, authority);
                    writePlan(out, authority.code, plan, quarters);
                    Breakdown breakdown = plans.breakdown(ind, authority, plan);
                    for (int d = 0; breakdown != null && d < authority.districts.size(); d++) {
                        if (breakdown.plans()[d] != null) {
                            writePlan(out, authority.districts.get(d).code(), breakdown.plans()[d], quarters);
                        }
                    }
                }
            }
            return out.rows();
        }
    }

    private static void writePlan(CsvOut out, String area, SyntheticPlan plan, Quarters quarters) throws IOException {
        SyntheticIndicator ind = plan.indicator;
        for (int k = 0; k < plan.targets.size(); k++) {
            Target target = plan.targets.get(k);
            out.text(ind.ref)
                    .text(area)
                    .text(ind.baselineLabel)
                    .number(plan.baseline, ind.decimals)
                    .text(target.isSet() ? ind.targetLabel : "")
                    .number(target.value(), ind.decimals)
                    .number(target.stretch(), ind.decimals)
                    .text(k == 0 ? "" : quarters.quarter(target.validFrom()).toString());
            out.endRow();
        }
    }

    /** The nearest-neighbour groups ("Nearest neighbours 01" ...), then the regions ("Region: North West" ...). */
    static long writeComparisonGroups(Path file, List<SyntheticAuthority> authorities) throws IOException {
        try (CsvOut out = new CsvOut(file)) {
            out.header(GROUP_HEADER);
            List<List<SyntheticAuthority>> groups = SyntheticAuthority.nearestNeighbourGroups(authorities);
            for (int g = 0; g < groups.size(); g++) {
                String name = SyntheticAuthority.groupName(g, groups.size());
                for (SyntheticAuthority member : groups.get(g)) {
                    out.text(name).text(member.code);
                    out.endRow();
                }
            }
            List<List<SyntheticAuthority>> regions = new ArrayList<>();
            Vocabulary.REGIONS.forEach(r -> regions.add(new ArrayList<>()));
            authorities.forEach(a -> regions.get(a.region).add(a));
            for (int r = 0; r < regions.size(); r++) {
                for (SyntheticAuthority member : regions.get(r)) {
                    out.text(SyntheticAuthority.regionGroupName(r)).text(member.code);
                    out.endRow();
                }
            }
            return out.rows();
        }
    }
}
