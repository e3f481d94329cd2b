package io.trajectory.warehouse.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FiscalQuarterTest {

    private static final FiscalQuarter Q1_0708 = FiscalQuarter.of(2007, 1);

    // --- parse: every spelling in the landing-zone contract ---

    @Test
    void parse_acceptsCanonical200708SpaceQ1() {
        assertThat(FiscalQuarter.parse("2007/08 Q1")).isEqualTo(Q1_0708);
    }

    @Test
    void parse_acceptsQ1Space200708() {
        assertThat(FiscalQuarter.parse("Q1 2007/08")).isEqualTo(Q1_0708);
    }

    @Test
    void parse_acceptsQ1Space0708() {
        assertThat(FiscalQuarter.parse("Q1 07-08")).isEqualTo(Q1_0708);
    }

    @Test
    void parse_acceptsFolderName200708DashQ1() {
        assertThat(FiscalQuarter.parse("2007-08-Q1")).isEqualTo(Q1_0708);
    }

    @Test
    void parse_accepts200708SemicolonQ1() {
        assertThat(FiscalQuarter.parse("2007-08;Q1")).isEqualTo(Q1_0708);
    }

    @Test
    void parse_acceptsQuarterWord() {
        assertThat(FiscalQuarter.parse("Quarter 1 2007/08")).isEqualTo(Q1_0708);
    }

    @Test
    void parse_acceptsQ4Space0607() {
        FiscalQuarter q = FiscalQuarter.parse("Q4 06-07");
        assertThat(q.fiscalYear()).isEqualTo(2006);
        assertThat(q.quarter()).isEqualTo(4);
    }

    @Test
    void parse_accepts201819SemicolonQ1() {
        FiscalQuarter q = FiscalQuarter.parse("2018-19;Q1");
        assertThat(q.fiscalYear()).isEqualTo(2018);
        assertThat(q.quarter()).isEqualTo(1);
    }

    @Test
    void parse_isCaseInsensitive() {
        assertThat(FiscalQuarter.parse("q1 2007/08")).isEqualTo(Q1_0708);
        assertThat(FiscalQuarter.parse("2007-08-q1")).isEqualTo(Q1_0708);
        assertThat(FiscalQuarter.parse("quarter 1 2007/08")).isEqualTo(Q1_0708);
        assertThat(FiscalQuarter.parse("QUARTER 1 2007/08")).isEqualTo(Q1_0708);
    }

    @Test
    void parse_acceptsKey20071() {
        assertThat(FiscalQuarter.parse("20071")).isEqualTo(Q1_0708);
        assertThat(FiscalQuarter.parse("20064")).isEqualTo(FiscalQuarter.of(2006, 4));
    }

    @Test
    void parse_acceptsFourDigitSecondYear() {
        assertThat(FiscalQuarter.parse("2007/2008 Q1")).isEqualTo(Q1_0708);
    }

    @Test
    void parse_ignoresSurroundingWhitespace() {
        assertThat(FiscalQuarter.parse("  2007/08 Q1\t")).isEqualTo(Q1_0708);
    }

    @Test
    void parse_acceptsDashesAndNonBreakingSpacesFromWordProcessors() {
        assertThat(FiscalQuarter.parse("Q1\u00A02007\u201308")).isEqualTo(Q1_0708);
        assertThat(FiscalQuarter.parse("2007\u201308 Q1")).isEqualTo(Q1_0708);
    }

    @Test
    void parse_readsTwoDigitYearsAcrossTheCentury() {
        assertThat(FiscalQuarter.parse("Q1 99-00")).isEqualTo(FiscalQuarter.of(1999, 1));
        assertThat(FiscalQuarter.parse("Q2 69-70")).isEqualTo(FiscalQuarter.of(2069, 2));
        assertThat(FiscalQuarter.parse("Q2 70-71")).isEqualTo(FiscalQuarter.of(1970, 2));
    }

    // --- parse: rejections quote the text ---

    @Test
    void parse_rejectsQuarterFive() {
        assertThatThrownBy(() -> FiscalQuarter.parse("2007/08 Q5"))
                .isInstanceOf(PeriodFormatException.class)
                .hasMessageContaining("'2007/08 Q5'")
                .hasMessageContaining("quarter 5 does not exist");
    }

    @Test
    void parse_rejectsKeyWithQuarterFive() {
        assertThatThrownBy(() -> FiscalQuarter.parse("20075"))
                .isInstanceOf(PeriodFormatException.class)
                .hasMessageContaining("'20075'")
                .hasMessageContaining("quarter 5");
    }

    @Test
    void parse_rejectsNonConsecutiveYears() {
        assertThatThrownBy(() -> FiscalQuarter.parse("2007/09 Q1"))
                .isInstanceOf(PeriodFormatException.class)
                .hasMessageContaining("'2007/09 Q1'")
                .hasMessageContaining("2007/08");
    }

    @Test
    void parse_rejectsGarbage() {
        assertThatThrownBy(() -> FiscalQuarter.parse("next Tuesday"))
                .isInstanceOf(PeriodFormatException.class)
                .hasMessageContaining("'next Tuesday'")
                .hasMessageContaining(FiscalQuarter.ACCEPTED_FORMS);
    }

    @Test
    void parse_rejectsEmpty() {
        assertThatThrownBy(() -> FiscalQuarter.parse(""))
                .isInstanceOf(PeriodFormatException.class)
                .hasMessageStartingWith("Unrecognised period ''");
    }

    @Test
    void parse_rejectsCalendarYearWithoutSecondYear() {
        assertThatThrownBy(() -> FiscalQuarter.parse("Q1 2007"))
                .isInstanceOf(PeriodFormatException.class)
                .hasMessageContaining("'Q1 2007'");
    }

    @Test
    void parse_rejectsHugeQuarterNumberWithoutOverflow() {
        assertThatThrownBy(() -> FiscalQuarter.parse("Q99999999999 2007/08"))
                .isInstanceOf(PeriodFormatException.class)
                .hasMessageContaining("quarter 99999999999 does not exist");
    }

    @Test
    void parse_exceptionKeepsTheOffendingText() {
        assertThatThrownBy(() -> FiscalQuarter.parse("2007/09 Q1"))
                .isInstanceOfSatisfying(PeriodFormatException.class, e -> assertThat(e.text()).isEqualTo("2007/09 Q1"));
    }

    @Test
    void parse_rejectsNullNamingTheArgument() {
        assertThatThrownBy(() -> FiscalQuarter.parse(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("text");
    }

    // --- of / ofKey / ofOrdinal ---

    @Test
    void of_rejectsQuarterFive() {
        assertThatThrownBy(() -> FiscalQuarter.of(2007, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5");
    }

    @Test
    void of_rejectsQuarterZero() {
        assertThatThrownBy(() -> FiscalQuarter.of(2007, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofKey_readsYearAndQuarter() {
        assertThat(FiscalQuarter.ofKey(20083)).isEqualTo(FiscalQuarter.of(2008, 3));
    }

    @Test
    void ofKey_rejectsQuarterZero() {
        assertThatThrownBy(() -> FiscalQuarter.ofKey(20070)).isInstanceOf(IllegalArgumentException.class);
    }

    // --- text ---

    @Test
    void toString_isCanonical() {
        assertThat(FiscalQuarter.of(2007, 1)).hasToString("2007/08 Q1");
        assertThat(FiscalQuarter.of(1999, 4)).hasToString("1999/00 Q4");
        assertThat(FiscalQuarter.of(2009, 2)).hasToString("2009/10 Q2");
    }

    @Test
    void toString_roundTripsThroughParse() {
        for (int ordinal = FiscalQuarter.of(1990, 1).ordinal(); ordinal <= FiscalQuarter.of(2035, 4).ordinal(); ordinal++) {
            FiscalQuarter q = FiscalQuarter.ofOrdinal(ordinal);
            assertThat(FiscalQuarter.parse(q.toString())).as(q.toString()).isEqualTo(q);
            assertThat(FiscalQuarter.parse(q.folderName())).as(q.folderName()).isEqualTo(q);
            assertThat(FiscalQuarter.parse(Integer.toString(q.key()))).as("key %s", q.key()).isEqualTo(q);
        }
    }

    @Test
    void toString_usesAsciiDigitsWhateverTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-EG"));
            assertThat(Q1_0708).hasToString("2007/08 Q1");
            assertThat(Q1_0708.folderName()).isEqualTo("2007-08-Q1");
            assertThat(FiscalQuarter.parse(Q1_0708.toString())).isEqualTo(Q1_0708);
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void fiscalYearLabel_isBothYears() {
        assertThat(Q1_0708.fiscalYearLabel()).isEqualTo("2007/08");
        assertThat(FiscalQuarter.of(1999, 1).fiscalYearLabel()).isEqualTo("1999/00");
    }

    @Test
    void folderName_isTheLandingZoneFolder() {
        assertThat(Q1_0708.folderName()).isEqualTo("2007-08-Q1");
        assertThat(FiscalQuarter.of(2018, 4).folderName()).isEqualTo("2018-19-Q4");
    }

    // --- key and arithmetic ---

    @Test
    void key_isYearTimesTenPlusQuarter() {
        assertThat(Q1_0708.key()).isEqualTo(20071);
        assertThat(FiscalQuarter.of(2006, 4).key()).isEqualTo(20064);
    }

    @Test
    void ordinal_isYearTimesFourPlusQuarterMinusOne() {
        assertThat(Q1_0708.ordinal()).isEqualTo(8028);
        assertThat(FiscalQuarter.of(2007, 4).ordinal()).isEqualTo(8031);
        assertThat(FiscalQuarter.ofOrdinal(8031)).isEqualTo(FiscalQuarter.of(2007, 4));
        assertThat(FiscalQuarter.ofOrdinal(8032)).isEqualTo(FiscalQuarter.of(2008, 1));
    }

    @Test
    void plusQuarters_crossesYearEnds() {
        assertThat(FiscalQuarter.of(2007, 4).plusQuarters(1)).isEqualTo(FiscalQuarter.of(2008, 1));
        assertThat(FiscalQuarter.of(2007, 2).plusQuarters(9)).isEqualTo(FiscalQuarter.of(2009, 3));
        assertThat(FiscalQuarter.of(2007, 1).plusQuarters(-1)).isEqualTo(FiscalQuarter.of(2006, 4));
        assertThat(FiscalQuarter.of(2007, 1).minusQuarters(5)).isEqualTo(FiscalQuarter.of(2005, 4));
        assertThat(Q1_0708.plusQuarters(0)).isEqualTo(Q1_0708);
    }

    @Test
    void previous_ofQ1IsQ4OfThePreviousYear() {
        assertThat(Q1_0708.previous()).isEqualTo(FiscalQuarter.of(2006, 4));
        assertThat(FiscalQuarter.of(2007, 3).previous()).isEqualTo(FiscalQuarter.of(2007, 2));
        assertThat(FiscalQuarter.of(2007, 4).next()).isEqualTo(FiscalQuarter.of(2008, 1));
    }

    @Test
    void sameQuarterLastYear_keepsTheQuarter() {
        assertThat(FiscalQuarter.of(2008, 2).sameQuarterLastYear()).isEqualTo(FiscalQuarter.of(2007, 2));
        assertThat(FiscalQuarter.of(2008, 4).sameQuarterLastYear()).isEqualTo(FiscalQuarter.of(2007, 4));
    }

    @Test
    void quartersUntil_countsForwardAndBack() {
        assertThat(FiscalQuarter.of(2005, 4).quartersUntil(FiscalQuarter.of(2008, 4))).isEqualTo(12);
        assertThat(FiscalQuarter.of(2008, 4).quartersUntil(FiscalQuarter.of(2007, 2))).isEqualTo(-6);
    }

    // --- dates ---

    @Test
    void startAndEndDate_coverAprilToMarch() {
        assertThat(FiscalQuarter.of(2007, 1).startDate()).isEqualTo(LocalDate.of(2007, 4, 1));
        assertThat(FiscalQuarter.of(2007, 1).endDate()).isEqualTo(LocalDate.of(2007, 6, 30));
        assertThat(FiscalQuarter.of(2007, 2).startDate()).isEqualTo(LocalDate.of(2007, 7, 1));
        assertThat(FiscalQuarter.of(2007, 2).endDate()).isEqualTo(LocalDate.of(2007, 9, 30));
        assertThat(FiscalQuarter.of(2007, 3).startDate()).isEqualTo(LocalDate.of(2007, 10, 1));
        assertThat(FiscalQuarter.of(2007, 3).endDate()).isEqualTo(LocalDate.of(2007, 12, 31));
    }

    @Test
    void startAndEndDate_ofQ4200708AreJanuaryToMarch2008() {
        assertThat(FiscalQuarter.of(2007, 4).startDate()).isEqualTo(LocalDate.of(2008, 1, 1));
        assertThat(FiscalQuarter.of(2007, 4).endDate()).isEqualTo(LocalDate.of(2008, 3, 31));
    }

    @Test
    void endDate_existsForTheLastRepresentableQuarter() {
        assertThat(FiscalQuarter.of(2999, 4).endDate()).isEqualTo(LocalDate.of(3000, 3, 31));
    }

    @Test
    void containing_placesQuarterBoundariesCorrectly() {
        assertThat(FiscalQuarter.containing(LocalDate.of(2007, 4, 1))).isEqualTo(FiscalQuarter.of(2007, 1));
        assertThat(FiscalQuarter.containing(LocalDate.of(2007, 6, 30))).isEqualTo(FiscalQuarter.of(2007, 1));
        assertThat(FiscalQuarter.containing(LocalDate.of(2007, 7, 1))).isEqualTo(FiscalQuarter.of(2007, 2));
        assertThat(FiscalQuarter.containing(LocalDate.of(2007, 12, 31))).isEqualTo(FiscalQuarter.of(2007, 3));
        assertThat(FiscalQuarter.containing(LocalDate.of(2008, 1, 1))).isEqualTo(FiscalQuarter.of(2007, 4));
        assertThat(FiscalQuarter.containing(LocalDate.of(2008, 3, 31))).isEqualTo(FiscalQuarter.of(2007, 4));
        assertThat(FiscalQuarter.containing(LocalDate.of(2008, 4, 1))).isEqualTo(FiscalQuarter.of(2008, 1));
    }

    @Test
    void containing_agreesWithStartAndEndDateForEveryDay() {
        for (LocalDate d = LocalDate.of(2006, 4, 1); d.isBefore(LocalDate.of(2009, 4, 1)); d = d.plusDays(1)) {
            FiscalQuarter q = FiscalQuarter.containing(d);
            assertThat(d).as(d.toString()).isBetween(q.startDate(), q.endDate());
        }
    }

    // --- identity and order ---

    @Test
    void equals_holdsForTheSameQuarterHoweverMade() {
        FiscalQuarter parsed = FiscalQuarter.parse("Q1 07-08");
        assertThat(parsed).isEqualTo(Q1_0708).hasSameHashCodeAs(Q1_0708);
        assertThat(FiscalQuarter.ofKey(20071)).isEqualTo(Q1_0708);
        assertThat(FiscalQuarter.ofOrdinal(8028)).isEqualTo(Q1_0708);
    }

    @Test
    void equals_failsForAnotherQuarterYearOrType() {
        assertThat(Q1_0708).isNotEqualTo(FiscalQuarter.of(2007, 2));
        assertThat(Q1_0708).isNotEqualTo(FiscalQuarter.of(2008, 1));
        assertThat(Q1_0708).isNotEqualTo("2007/08 Q1");
        assertThat(Q1_0708).isNotEqualTo(null);
    }

    @Test
    void compareTo_ordersChronologically() {
        List<FiscalQuarter> quarters = new ArrayList<>(List.of(
                FiscalQuarter.of(2008, 1), FiscalQuarter.of(2006, 4), FiscalQuarter.of(2007, 4), FiscalQuarter.of(2007, 1)));
        Collections.sort(quarters);
        assertThat(quarters).extracting(FiscalQuarter::toString)
                .containsExactly("2006/07 Q4", "2007/08 Q1", "2007/08 Q4", "2008/09 Q1");
        assertThat(FiscalQuarter.of(2006, 4).isBefore(Q1_0708)).isTrue();
        assertThat(Q1_0708.isAfter(FiscalQuarter.of(2006, 4))).isTrue();
        assertThat(Q1_0708.compareTo(FiscalQuarter.parse("2007-08;Q1"))).isZero();
    }
}
