package io.trajectory.etl.definitions;

import io.trajectory.etl.landing.DefinitionFiles;
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
        Definitions d = Definitions.read(files(register));
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
    }

    @Test
    void unknownIndicatorInTrajectoriesIsQuarantinedAndExplicitValuesWin(@TempDir Path dir) throws Exception {
        SourceFile register = file(dir, "indicators.csv", HEADER
                + "A,T,Health,HIGHER_IS_BETTER,count,LEVEL,2006/07 Q4,100,2008/09 Q4,180,200,Y,O,2007/08 Q1\n");
        SourceFile trajectories = file(dir, "trajectories.csv", "indicator_ref,period,planned_value,stretch_planned_value\n"
                + "A,2007/08 Q2,130,\nZ,2007/08 Q2,1,\nA,2007/08 Q2,131,\n");
        Definitions d = Definitions.read(new DefinitionFiles(register, Optional.of(trajectories), Optional.empty(),
                Optional.empty(), Optional.empty()));
        assertThat(d.plannedValues()).singleElement().satisfies(p -> {
            assertThat(p.planned()).isEqualTo(130.0);
            assertThat(p.area()).as("the whole authority").isEmpty();
            assertThat(p.period()).isEqualTo(FiscalQuarter.of(2007, 2));
        });
        assertThat(d.quarantined()).extracting(Quarantined::line, Quarantined::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "unknown indicator 'Z': not in definitions/indicators.csv"),
                org.assertj.core.groups.Tuple.tuple(4L, "duplicate planned value for A in 2007/08 Q2 (first at line 2)"));
    }

    @Test
    void badRegisterCellsAreQuarantinedWithTheirColumns(@TempDir Path dir) throws Exception {
        SourceFile register = file(dir, "indicators.csv", HEADER
                + "A,,Health,UP_AND_DOWN,litres,LEVEL,2006/07 Q4,100,,180,,maybe,O,2007/08 Q1\n");
        Definitions d = Definitions.read(files(register));
        assertThat(d.versions()).isEmpty();
        assertThat(d.quarantined()).extracting(Quarantined::column)
                .containsExactly("title", "polarity", "unit", "reward_target", "target_period");
    }

    @Test
    void frequencyDefaultsToQuarterlyAndAnAnnualIndicatorIsDueInQ4UnlessTheRegisterSaysOtherwise(@TempDir Path dir)
            throws Exception {
        String header = "indicator_ref,title,theme,polarity,unit,accumulation,frequency,due_quarter,valid_from\n";
        SourceFile register = file(dir, "indicators.csv", header
                + "Q,Quarterly,Health,HIGHER_IS_BETTER,count,LEVEL,,,2007/08 Q1\n"
                + "Y,Annual,Health,HIGHER_IS_BETTER,percent,LEVEL,Annual,,2007/08 Q1\n"
                + "S,Annual in September,Health,LOWER_IS_BETTER,percent,LEVEL,ANNUAL,Q2,2007/08 Q1\n"
                + "M,Monthly,Health,HIGHER_IS_BETTER,count,CUMULATIVE_YTD,monthly,,2007/08 Q1\n");
        Definitions d = Definitions.read(files(register));
        assertThat(d.quarantined()).isEmpty();
        assertThat(d.versions()).extracting(IndicatorVersion::ref, v -> v.schedule().describe()).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Q", "quarterly"),
                org.assertj.core.groups.Tuple.tuple("Y", "annual, due in Q4"),
                org.assertj.core.groups.Tuple.tuple("S", "annual, due in Q2"),
                org.assertj.core.groups.Tuple.tuple("M", "monthly, reported quarterly"));
    }

    @Test
    void anUnknownFrequencyOrADueQuarterWithoutAnnualIsQuarantinedNamingLineAndColumn(@TempDir Path dir) throws Exception {
        String header = "indicator_ref,title,theme,polarity,unit,accumulation,frequency,due_quarter,valid_from\n";
        SourceFile register = file(dir, "indicators.csv", header
                + "F,Fortnightly,Health,HIGHER_IS_BETTER,count,LEVEL,FORTNIGHTLY,,2007/08 Q1\n"
                + "D,Due without annual,Health,HIGHER_IS_BETTER,count,LEVEL,QUARTERLY,Q3,2007/08 Q1\n"
                + "B,Bad due quarter,Health,HIGHER_IS_BETTER,count,LEVEL,ANNUAL,Q5,2007/08 Q1\n");
        Definitions d = Definitions.read(files(register));
        assertThat(d.versions()).isEmpty();
        assertThat(d.quarantined()).extracting(Quarantined::sourceFile, Quarantined::line, Quarantined::column, Quarantined::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("definitions/indicators.csv", 2L, "frequency",
                                "Unrecognised frequency 'FORTNIGHTLY'; expected QUARTERLY, ANNUAL, MONTHLY or blank (QUARTERLY)"),
                        org.assertj.core.groups.Tuple.tuple("definitions/indicators.csv", 3L, "due_quarter",
                                "due_quarter 'Q3' is only for ANNUAL indicators; a QUARTERLY indicator is due every quarter"
                                        + " (set frequency to ANNUAL, or leave due_quarter blank)"),
                        org.assertj.core.groups.Tuple.tuple("definitions/indicators.csv", 4L, "due_quarter",
                                "Unrecognised due_quarter 'Q5'; expected Q1, Q2, Q3 or Q4 (the quarter of each year whose"
                                        + " return carries the annual figure)"));
    }

    static DefinitionFiles files(SourceFile register) {
        return new DefinitionFiles(register, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    static final String ONE_INDICATOR = HEADER
            + "A,T,Health,HIGHER_IS_BETTER,count,LEVEL,2006/07 Q4,100,2008/09 Q4,180,200,Y,O,2007/08 Q1\n";

    @Test
    void areaPlansAreVersionedByValidFromAndDefaultToTheIndicatorsFirstQuarter(@TempDir Path dir) throws Exception {
        SourceFile register = file(dir, "indicators.csv", ONE_INDICATOR);
        SourceFile targets = file(dir, "area_targets.csv", "indicator_ref,area,baseline_period,baseline_value,target_period,"
                + "target_value,stretch_target_value,valid_from\n"
                + "A,Harnby,2006/07 Q4,1540,2008/09 Q4,1700,1750,\n"
                + "A,Harnby,2007/08 Q4,1600,2009/10 Q4,1800,,2008/09 Q1\n"
                + "A,Harnby,2007/08 Q4,1600,2009/10 Q4,1900,,Q1 08-09\n"
                + "Z,Harnby,2006/07 Q4,1,2008/09 Q4,2,,\n"
                + "A,,2006/07 Q4,1,2008/09 Q4,2,,\n"
                + "A,Kelby,2006/07 Q4,10,,20,,\n");
        Definitions d = Definitions.read(new DefinitionFiles(register, Optional.empty(), Optional.empty(),
                Optional.of(targets), Optional.empty()));
        assertThat(d.areaPlans()).extracting(AreaPlan::area, AreaPlan::version, p -> p.validFrom().toString(),
                        p -> String.valueOf(p.validTo()), AreaPlan::targetValue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Harnby", 1, "2007/08 Q1", "2008/09 Q1", 1700.0),
                        org.assertj.core.groups.Tuple.tuple("Harnby", 2, "2008/09 Q1", "null", 1800.0));
        assertThat(d.quarantined()).extracting(Quarantined::line, Quarantined::column).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(4L, "valid_from"),
                org.assertj.core.groups.Tuple.tuple(5L, "indicator_ref"),
                org.assertj.core.groups.Tuple.tuple(6L, "area"),
                org.assertj.core.groups.Tuple.tuple(7L, "target_period"));
        assertThat(d.quarantined()).filteredOn(q -> q.line() == 4L).singleElement().extracting(Quarantined::reason)
                .isEqualTo("second plan for A in Harnby valid from 2008/09 Q1 (first at line 3): each version needs its own valid_from");
        assertThat(d.fileCounts().get("definitions/area_targets.csv")).containsExactly(6, 2, 4);
    }

    @Test
    void rowsNamingAnUnknownAreaAreQuarantinedAndAGroupLeftEmptyIsNamed(@TempDir Path dir) throws Exception {
        SourceFile register = file(dir, "indicators.csv", ONE_INDICATOR);
        SourceFile targets = file(dir, "area_targets.csv", "indicator_ref,area,target_period,target_value\n"
                + "A,Harnby,2008/09 Q4,10\nA,Harnbey,2008/09 Q4,10\n");
        SourceFile planned = file(dir, "trajectories.csv", "indicator_ref,area,period,planned_value\n"
                + "A,,2007/08 Q2,130\nA,Kelby,2007/08 Q2,13\nA,Nowhere,2007/08 Q2,13\n");
        SourceFile groups = file(dir, "comparison_groups.csv", "group,area\n"
                + "Rural,Harnby\nRural,Kelby\nRural,Kelby\nCoastal,Atlantis\n");
        Definitions read = Definitions.read(new DefinitionFiles(register, Optional.of(planned), Optional.empty(),
                Optional.of(targets), Optional.of(groups)));
        Definitions d = read.withKnownAreas(java.util.Set.of("Harnby", "Kelby"));

        assertThat(d.areaPlans()).extracting(AreaPlan::area).containsExactly("Harnby");
        assertThat(d.plannedValues()).extracting(PlannedValue::area).containsExactly("", "Kelby");
        assertThat(d.groupMembers()).extracting(GroupMember::group, GroupMember::area).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Rural", "Harnby"), org.assertj.core.groups.Tuple.tuple("Rural", "Kelby"));
        assertThat(d.quarantined()).extracting(q -> q.sourceFile() + ":" + q.line() + " " + q.reason()).containsExactlyInAnyOrder(
                "definitions/comparison_groups.csv:4 Kelby is listed twice in group 'Rural' (first at line 3)",
                "definitions/trajectories.csv:4 unknown area 'Nowhere': not in definitions/areas.csv and not reported in any return",
                "definitions/area_targets.csv:3 unknown area 'Harnbey': not in definitions/areas.csv and not reported in any return",
                "definitions/comparison_groups.csv:5 unknown area 'Atlantis': not in definitions/areas.csv and not reported in any return",
                "definitions/comparison_groups.csv:5 comparison group 'Coastal' has no members: every row naming it was rejected");
        assertThat(d.fileCounts().get("definitions/area_targets.csv")).containsExactly(2, 1, 1);
    }

    @Test
    void areasNeedAListedParentAndMayNotLieWithinThemselves(@TempDir Path dir) throws Exception {
        SourceFile register = file(dir, "indicators.csv", ONE_INDICATOR);
        SourceFile areas = file(dir, "areas.csv", "area,area_name,parent_area,area_type\n"
                + "E10,Brackenshire,,Authority\nH1,Harnby,E10,district\nK1,,E10,\nX1,Loop one,X2,\nX2,Loop two,X1,\n"
                + "Z1,Orphan,NOPE,district\nH1,Again,E10,district\n");
        Definitions d = Definitions.read(new DefinitionFiles(register, Optional.empty(), Optional.of(areas),
                Optional.empty(), Optional.empty()));
        assertThat(d.areas()).extracting(AreaDefinition::code, AreaDefinition::name, AreaDefinition::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("E10", "Brackenshire", "authority"),
                        org.assertj.core.groups.Tuple.tuple("H1", "Harnby", "district"),
                        org.assertj.core.groups.Tuple.tuple("K1", "K1", "area"));
        assertThat(d.quarantined()).extracting(q -> q.line() + " " + q.reason()).containsExactlyInAnyOrder(
                "8 area 'H1' is listed twice (first at line 3)",
                "5 parent_area makes a loop: X1 in X2 in X1",
                "6 parent_area makes a loop: X2 in X1 in X2",
                "7 unknown parent_area 'NOPE': not listed in definitions/areas.csv");
    }
}
