package io.trajectory.warehouse.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextTableTest {

    @Test
    void tablesPadColumnsAndAlignNumbersRight() {
        String table = new TextTable("measure", ">seconds").row("full load", "12.34").row("no-op", "1.1").markdown();

        assertThat(table).isEqualTo("""
                | measure   | seconds |
                | --------- | ------: |
                | full load |   12.34 |
                | no-op     |     1.1 |
                """);
    }

    @Test
    void plainTablesHaveNoBorderAndCutLongCells() {
        TextTable table = TextTable.literal(">ref", "title").row("NI-1", "Children supported\nby the service")
                .row("NI-22", null);

        assertThat(table.plain(12)).containsExactly(
                ">ref  | title",
                "------+-------------",
                "NI-1  | Children su\u2026",
                "NI-22 |");
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRefused() {
        TextTable table = new TextTable("a", "b");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> table.row("only one"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("expected 2 cells, got 1");
    }
}
