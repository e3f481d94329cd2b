package io.trajectory.etl.returns;

import io.trajectory.etl.landing.LandingZoneException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The driver-side header check stops a load before Spark starts when a required column is missing. */
class ReturnsReaderHeaderTest {

    @TempDir
    Path dir;

    @Test
    void aMissingRequiredColumnNamesFileAndColumn() throws Exception {
        ReturnFile f = file("indicator_ref,quarter,area,actual\nLAA 1,2008/09 Q2,,12\n");
        assertThatThrownBy(() -> ReturnsReader.checkHeaders(List.of(f)))
                .isInstanceOf(LandingZoneException.class)
                .hasMessageContaining("returns/2008-09-Q2/indicators.csv: missing required column period");
    }

    @Test
    void aCompleteHeaderPassesInAnyOrderAndCase() throws Exception {
        ReturnFile f = file("\uFEFFActual,PERIOD,Indicator_Ref,extra\n12,2008/09 Q2,LAA 1,x\n");
        assertThatCode(() -> ReturnsReader.checkHeaders(List.of(f))).doesNotThrowAnyException();
    }

    private ReturnFile file(String text) throws Exception {
        Path p = dir.resolve("indicators.csv");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return new ReturnFile(p.toUri().toString(), "returns/2008-09-Q2/indicators.csv", "sha", 20082, null);
    }
}
