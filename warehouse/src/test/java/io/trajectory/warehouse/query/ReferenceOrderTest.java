package io.trajectory.warehouse.query;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceOrderTest {

    @Test
    void referencesSortAsNumbersPartByPart() {
        List<String> refs = new ArrayList<>(List.of("LAA 7.10", "LAA 10.1", "LAA 7.2", "LAA 7.2a", "LAA 7.1"));
        refs.sort(QuarterlyPackQuery::compareRefs);
        assertThat(refs).containsExactly("LAA 7.1", "LAA 7.2", "LAA 7.2a", "LAA 7.10", "LAA 10.1");
    }
}
