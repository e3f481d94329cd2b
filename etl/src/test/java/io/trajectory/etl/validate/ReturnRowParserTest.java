package io.trajectory.etl.validate;

import io.trajectory.etl.read.CsvHeader;
import io.trajectory.etl.read.CsvRecords;
import io.trajectory.warehouse.period.FiscalQuarter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnRowParserTest {

    static final CsvHeader HEADER = CsvHeader.of("r.csv",
            List.of("Indicator_Ref", "PERIOD", "area", "actual", "rag", "trend", "data_status", "comment", "reported_by", "extra"),
            ReturnRowParser.REQUIRED, ReturnRowParser.OPTIONAL);
    static final FiscalQuarter Q2 = FiscalQuarter.of(2007, 2);

    static ReturnRow parse(String... cells) {
        return ReturnRowParser.parse(HEADER, new CsvRecords.Line(7, List.of(cells)), Q2, null);
    }

    @Test
    void headerMatchesNamesInAnyCaseAndListsColumnsItIgnores() {
        assertThat(HEADER.ignored()).containsExactly("extra");
    }

    @Test
    void readsAGoodRowWithCommasAndPercentInTheActual() {
        ReturnRow r = parse("LAA 5.10", "Q2 07-08", " Harnby ", "1,234.5%", "amber", "up", "provisional", "ok", "me", "");
        assertThat(r.problems()).isEmpty();
        assertThat(r.periodKey()).isEqualTo(20072);
        assertThat(r.area()).isEqualTo("Harnby");
        assertThat(r.actual()).isEqualTo(1234.5);
        assertThat(r.rag()).isEqualTo("AMBER");
        assertThat(r.trend()).isEqualTo("IMPROVING");
        assertThat(r.dataStatus()).isEqualTo("PROVISIONAL");
        assertThat(r.line()).isEqualTo(7);
    }

    @Test
    void notAvailableStatusWithoutARatingIsRatedNotAvailable() {
        assertThat(parse("X", "2007/08 Q2", "", "", "", "", "NOT_AVAILABLE", "", "", "").rag()).isEqualTo("NOT_AVAILABLE");
    }

    @Test
    void everyBadCellIsReportedWithItsColumn() {
        ReturnRow r = parse("", "2007/08 Q9", "", "twelve", "BLUE", "sideways", "LOST", "", "", "");
        assertThat(r.problems()).extracting(Problem::column)
                .containsExactly("indicator_ref", "period", "actual", "rag", "trend", "data_status");
        assertThat(r.problems().get(2).reason()).isEqualTo("actual 'twelve' is not a number (leave it blank when there is no figure)");
    }

    @Test
    void aFigureForALaterQuarterThanTheReturnIsRejected() {
        assertThat(parse("X", "2007/08 Q3", "", "1", "", "", "", "", "", "").problems()).singleElement()
                .extracting(Problem::reason).asString().startsWith("figure for 2007/08 Q3 in the 2007/08 Q2 return");
    }

    @Test
    void ratedWithDataButMarkedNotAvailableIsContradictory() {
        assertThat(parse("X", "2007/08 Q2", "", "", "GREEN", "", "NOT_AVAILABLE", "", "", "").problems())
                .extracting(Problem::column).containsExactly("rag");
    }
}
