package io.trajectory.etl.landing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files under {@code definitions/}: the indicator register (required) and the optional
 * planned values, areas, per-area plans and comparison groups.
 */
public record DefinitionFiles(SourceFile register, Optional<SourceFile> trajectories, Optional<SourceFile> areas,
                              Optional<SourceFile> areaTargets, Optional<SourceFile> comparisonGroups) {

    /** A definitions file with the kind {@code meta_source_file} records it as. */
    public record Kinded(String kind, SourceFile file) {
    }

    /** Every file present, register first, each with its kind. */
    public List<Kinded> present() {
        List<Kinded> out = new ArrayList<>();
        out.add(new Kinded("register", register));
        trajectories.ifPresent(f -> out.add(new Kinded("trajectories", f)));
        areas.ifPresent(f -> out.add(new Kinded("areas", f)));
        areaTargets.ifPresent(f -> out.add(new Kinded("area_targets", f)));
        comparisonGroups.ifPresent(f -> out.add(new Kinded("comparison_groups", f)));
        return out;
    }
}
