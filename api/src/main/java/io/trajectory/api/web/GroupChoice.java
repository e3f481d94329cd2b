package io.trajectory.api.web;

import io.trajectory.api.snapshot.Served;
import io.trajectory.warehouse.query.ComparisonGroup;

import java.util.Optional;
import java.util.stream.Collectors;

/** The comparison group a request names ({@code group=}), if any. */
public final class GroupChoice {

    private GroupChoice() {
    }

    /**
     * @return empty when {@code text} is blank
     * @throws ProblemException 400 naming {@code group} and the groups there are
     */
    public static Optional<ComparisonGroup> of(String text, Served snapshot) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(snapshot.group(text).orElseThrow(() -> {
            String known = snapshot.groups().isEmpty() ? "none: this snapshot has no definitions/comparison_groups.csv"
                    : snapshot.groups().stream().map(ComparisonGroup::name).collect(Collectors.joining(", "));
            return ProblemException.badParameter("group", "Unknown comparison group '" + text.strip() + "'.",
                    "one of: " + known);
        }));
    }
}
