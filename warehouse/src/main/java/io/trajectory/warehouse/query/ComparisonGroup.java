package io.trajectory.warehouse.query;

import java.util.List;

/** A comparison group of similar areas and its members' codes. */
public record ComparisonGroup(int key, String name, List<String> members) {
}
