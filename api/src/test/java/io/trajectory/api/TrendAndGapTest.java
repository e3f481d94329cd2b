package io.trajectory.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Trend and trajectory-gap questions on the sample agreement, over HTTP. */
@MicronautTest(transactional = false) // the tests hold no connection of the control database
class TrendAndGapTest extends ServiceTestSupport {

    static final List<String> TREND_FIELDS = List.of("period", "actual", "planned", "stretchPlanned", "target", "rating",
            "provisional", "directionVsPreviousQuarter", "directionVsSameQuarterLastYear", "comment");
    static final List<String> GAP_FIELDS = List.of("indicator", "title", "theme", "polarity", "actual", "planned", "gap",
            "gapShareOfPlannedImprovement", "stretchPlanned", "gapToStretch", "rewardThreshold", "gapToReward",
            "reportedRating", "computedRating", "ratingsDisagree");

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    protected HttpClient client() {
        return client;
    }

    JsonNode row(JsonNode list, String field, String value) {
        for (JsonNode r : list) {
            if (r.get(field).asText().equals(value)) {
                return r;
            }
        }
        throw new AssertionError("no row with " + field + " = " + value + " in " + list);
    }

    @Test
    void doesATrendOverAMissingQuarterKeepThatQuarterWithNulls() {
        // LAA 4.3.2 has no figure for 2007/08 Q4, between figures for Q3 and 2008/09 Q1
        JsonNode answer = json(url("/api/v1/trend", "indicator", "LAA 4.3.2", "from", "Quarter 3 2007/08", "to", "2008/09 Q1"));
        JsonNode data = answer.get("data");
        List<String> periods = new ArrayList<>();
        data.forEach(r -> periods.add(r.get("period").asText()));
        assertThat(periods).containsExactly("2007/08 Q3", "2007/08 Q4", "2008/09 Q1");
        JsonNode missing = data.get(1);
        assertThat(missing.fieldNames()).toIterable().containsAll(TREND_FIELDS);
        assertThat(missing.get("actual").isNull()).isTrue();
        assertThat(missing.get("rating").asText()).isEqualTo("NOT_AVAILABLE");
        assertThat(missing.get("directionVsPreviousQuarter").isNull()).isTrue();
        JsonNode after = data.get(2);
        assertThat(after.get("actual").isNumber()).isTrue();
        assertThat(after.get("directionVsPreviousQuarter").isNull()).as("no direction against a missing quarter").isTrue();
        assertThat(after.get("directionVsPreviousQuarterReason").asText()).isEqualTo("no actual for 2007/08 Q4");
        assertThat(answer.get("meta").get("periods").size()).isEqualTo(3);
    }

    @Test
    void doesATrendBeyondTheDataListEveryQuarterAskedFor() {
        JsonNode data = json(url("/api/v1/trend", "indicator", "LAA 1.1.1", "from", "2005/06 Q4", "to", "2008/09 Q4")).get("data");
        assertThat(data.size()).isEqualTo(13);
        assertThat(data.get(0).get("actual").isNull()).isTrue();
        assertThat(data.get(12).get("actual").isNull()).isTrue();
        assertThat(data.get(1).get("actual").asDouble()).isEqualTo(35.0);
    }

    @Test
    void isTheGapOfALowerIsBetterIndicatorPositiveWhenItIsBelowPlan() {
        JsonNode data = json(url("/api/v1/trajectory-gap", "period", "2008/09 Q2", "theme", "Older People")).get("data");
        JsonNode bedDays = row(data, "indicator", "LAA 5.2"); // emergency bed days: lower is better
        assertThat(bedDays.fieldNames()).toIterable().containsAll(GAP_FIELDS);
        assertThat(bedDays.get("polarity").asText()).isEqualTo("LOWER_IS_BETTER");
        double actual = bedDays.get("actual").asDouble();
        double planned = bedDays.get("planned").asDouble();
        assertThat(actual).isLessThan(planned);
        assertThat(bedDays.get("gap").asDouble()).isPositive().isCloseTo(planned - actual, within(1e-9));
        assertThat(bedDays.get("gapToStretch").asDouble())
                .isCloseTo(bedDays.get("stretchPlanned").asDouble() - actual, within(1e-9));
        assertThat(bedDays.get("computedRating").asText()).isEqualTo("GREEN");
        JsonNode attendance = row(data, "indicator", "LAA 5.9"); // higher is better, behind plan
        assertThat(attendance.get("gap").asDouble())
                .isCloseTo(attendance.get("actual").asDouble() - attendance.get("planned").asDouble(), within(1e-9)).isNegative();
    }

    @Test
    void areTheOfficersRatingsThatContradictTheNumbersFlagged() {
        JsonNode data = json(url("/api/v1/trajectory-gap", "period", "Q2 08-09")).get("data");
        // the sample's planted disagreements for 2008/09 Q2
        for (String ref : List.of("LAA 1.4.4", "LAA 2.1.2", "LAA 3.4.1", "LAA 7.2", "LAA 7.24")) {
            JsonNode r = row(data, "indicator", ref);
            assertThat(r.get("ratingsDisagree").asBoolean()).as(ref + ": " + r).isTrue();
            assertThat(r.get("computedRating").asText()).isNotEqualTo(r.get("reportedRating").asText());
        }
        assertThat(json(url("/api/v1/trajectory-gap", "period", "2008/09 Q2")).get("meta").get("ratingRule").asText())
                .startsWith("trajectory");
    }

    @Test
    void doesTheThemeTrendGiveCountsAndSharesForEveryThemeAndQuarter() {
        JsonNode answer = json(url("/api/v1/trend/themes", "from", "2006/07 Q4", "to", "2007/08 Q1"));
        JsonNode data = answer.get("data");
        JsonNode stronger = null;
        for (JsonNode r : data) {
            if (r.get("theme").asText().equals("Stronger") && r.get("period").asText().equals("2007/08 Q1")
                    && r.get("rating").asText().equals("GREEN")) {
                stronger = r;
            }
        }
        assertThat(stronger).isNotNull();
        assertThat(stronger.get("count").asLong()).isEqualTo(16);
        assertThat(stronger.get("share").asDouble()).isCloseTo(16.0 / 20, within(1e-12));
        assertThat(answer.get("chart").get("facet").get("field").asText()).isEqualTo("theme");
    }

    @Test
    void doesAnIndicatorsPageCarryItsDefinitionTrajectoryAndHistory() {
        JsonNode d = json("/api/v1/indicators/LAA%203.2.1").get("data");
        assertThat(d.get("targetValue").asDouble()).isEqualTo(380.0);
        assertThat(d.get("history").size()).isEqualTo(2);
        assertThat(d.get("history").get(1).get("changes").toString()).contains("target: 420 to 380");
        assertThat(d.get("trajectory").size()).isPositive();
        JsonNode list = json(url("/api/v1/indicators", "theme", "health", "q", "smok")).get("data");
        assertThat(list.size()).isPositive();
        list.forEach(i -> assertThat(i.get("theme").asText()).isEqualTo("Health"));
    }

    @Test
    void doesTheCommitmentsReportShowWhereTheStatedPreviousStatusDisagreesWithTheRecordedOne() {
        JsonNode data = json(url("/api/v1/commitments", "period", "2008/09 Q2")).get("data");
        JsonNode res2 = row(data, "ref", "CPA Res 2");
        assertThat(res2.get("statedPreviousRating").asText()).isEqualTo("GREEN");
        assertThat(res2.get("recordedPreviousRating").asText()).isEqualTo("AMBER");
        assertThat(res2.get("statusText").asText()).isEqualTo("Amber (Green at Q1)");
        for (String f : List.of("ref", "priority", "achieve", "officer", "rating", "statedPreviousRating",
                "recordedPreviousRating", "statusText", "comment")) {
            assertThat(res2.has(f)).as(f).isTrue();
        }
        JsonNode red = json(url("/api/v1/commitments", "period", "2008/09 Q2", "rating", "red")).get("data");
        assertThat(red.size()).isPositive();
        red.forEach(r -> assertThat(r.get("rating").asText()).isEqualTo("RED"));
    }

    @Test
    void doPeriodsAndThemesListTheSnapshot() {
        JsonNode periods = json("/api/v1/periods").get("data");
        assertThat(periods.get(0).get("period").asText()).isEqualTo("2005/06 Q4");
        assertThat(json("/api/v1/themes").get("data").size()).isEqualTo(7);
    }
}
