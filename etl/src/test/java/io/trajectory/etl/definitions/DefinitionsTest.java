package io.trajectory.etl.definitions;

import io.trajectory.etl.landing.SourceFile;
import io.trajectory.warehouse.period.FiscalQuarter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DefinitionsTest {

    static final String HEADER = "indicator_ref,title,theme,polarity,unit,accumulation,baseline_period,baseline_value,"
            + "target_period,target_value,stretch_target_value,reward_target,responsible_officer,valid_from\n";

    static SourceFile file(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return new SourceFile(p, "definitions/" + name, "sha", Files.size(p));
    }

    @Test
    void versionsAreOrderedByValidFromAndEachEndsWhereTheNextBegins(@TempDir Path dir) throws Exception {
        SourceFile register = file(dir, "indicators.csv", HEADER
                + "A,Second title,Health,LOWER_IS_BETTER,rate,LEVEL,2006/07 Q4,50,2008/09 Q4,42,,N,New Officer,2008/09 Q1\n"
                + "A,First title,Health,LOWER_IS_BETTER,rate,LEVEL,2006/07 Q4,50,2008/09 Q4,42,,N,Old Officer,2007/08 Q1\n"
                + "A,Clash,Health,LOWER_IS_BETTER,rate,LEVEL,2006/07 Q4,50,2008/09 Q4,42,,N,Old Officer,Q1 07-08\n");
        Definitions d = Definitions.read(register, Optional.empty(), FiscalQuarter.of(2008, 2), 0.6);
        assertThat(d.versions()).extracting(IndicatorVersion::version, IndicatorVersion::title,
                        v -> v.validFrom().toString(), v -> String.valueOf(v.validTo()))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "First title", "2007/08 Q1", "2008/09 Q1"),
                        org.assertj.core.groups.Tuple.tuple(2, "Second title", "2008/09 Q1", "null"));
        assertThat(d.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.line()).isEqualTo(4);
            assertThat(q.column()).isEqualTo("valid_from");
            assertThat(q.reason()).startsWith("second row for A valid from 2007/08 Q1 (first at line 3)");
        });
        // Lower is better, 50 -> 42 over 8 quarters: one less each quarter.
        assertThat(d.trajectory()).filteredOn(p -> p.periodKey() == 20071).singleElement()
                .extracting(TrajectoryPoint::planned).isEqualTo(49.0);
        assertThat(d.trajectory()).filteredOn(p -> p.periodKey() == 20082).singleElement()
                .extracting(TrajectoryPoint::planned).isEqualTo(44.0);
        assertThat(d.trajectory()).extracting(TrajectoryPoint::periodKey).as("planned up to the later of the horizon and the target quarter")
                .last().isEqualTo(20084);
    }

    @Test
    void unknownIndicatorInTrajectoriesIsQuarantinedAndExplicitValuesWin(@TempDir Path dir) throws Exception {
        SourceFile register = file(dir, "indicators.csv", HEADER
                + "A,T,Health,HIGHER_IS_BETTER,count,LEVEL,2006/07 Q4,100,2008/09 Q4,180,200,Y,O,2007/08 Q1\n");
        SourceFile trajectories = file(dir, "trajectories.csv", "indicator_ref,period,planned_value,stretch_planned_value\n"
                + "A,2007/08 Q2,130,\nZ,2007/08 Q2,1,\nA,2007/08 Q2,131,\n");
        Definitions d = Definitions.read(register, Optional.of(trajectories), FiscalQuarter.of(2007, 2), 0.6);
        assertThat(d.trajectory()).filteredOn(p -> p.periodKey() == 20072).singleElement()
                .satisfies(p -> {
                    assertThat(p.planned()).isEqualTo(130.0);
                    assertThat(p.explicit()).isTrue();
                    assertThat(p.stretchPlanned()).isEqualTo(125.0);
                    assertThat(p.rewardThreshold()).isEqualTo(115.0);
                });
        assertThat(d.quarantined()).extracting(Quarantined::line, Quarantined::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "unknown indicator 'Z': not in definitions/indicators.csv"),
                org.assertj.core.groups.Tuple.tuple(4L, "duplicate planned value for A in 2007/08 Q2 (first at line 2)"));
    }

    @Test
    void badRegisterCellsAreQuarantinedWithTheirColumns(@TempDir Path dir) throws Exception {
        SourceFile register = file(dir, "indicators.csv", HEADER
                + "A,,Health,UP_AND_DOWN,litres,LEVEL,2006/07 Q4,100,,180,,maybe,O,2007/08 Q1\n");
        Definitions d = Definitions.read(register, Optional.empty(), FiscalQuarter.of(2007, 2), 0.6);
        assertThat(d.versions()).isEmpty();
        assertThat(d.quarantined()).extracting(Quarantined::column)
                .containsExactly("title", "polarity", "unit", "reward_target", "target_period");
    }
}
