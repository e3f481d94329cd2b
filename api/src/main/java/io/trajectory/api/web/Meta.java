package io.trajectory.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.trajectory.api.snapshot.Served;
import io.trajectory.warehouse.query.Basis;
import io.trajectory.warehouse.query.DataGaps;
import io.trajectory.warehouse.query.SnapshotInfo;
import io.trajectory.warehouse.spc.Assurance;
import io.trajectory.warehouse.spc.ControlChart;
import io.trajectory.warehouse.spc.Variation;

import java.time.Instant;
import java.util.List;

/**
 * What an answer was computed from.
 *
 * @param snapshotVersion     the warehouse snapshot's version
 * @param snapshotPublishedAt when that snapshot was published
 * @param basis               {@code latest} or {@code as-reported} (revisions)
 * @param periods             the quarters used, canonical labels, oldest first
 * @param area                the area: {@code ""} for the whole authority, {@code all} for every area
 * @param subject             comparisons: {@code indicators} or {@code commitments}
 * @param ratingRule          trajectory gap: the computed-rating rule, described in words
 * @param shareRule           when shares are given: how they are worked out
 * @param group               benchmarks and trends against a comparison group: the group's name
 * @param processControl      trends: what the XmR chart of the range says of the latest figure and the target
 * @param dataGaps            indicator comparisons and the risk summary: per quarter (oldest first), the
 *                            indicators with no figure, split into not available (a figure was due) and
 *                            not due (annual indicators outside their due quarter), with a sentence saying so
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Meta(int snapshotVersion, Instant snapshotPublishedAt, String basis, List<String> periods, String area,
        String subject, String ratingRule, String shareRule, String group, ProcessControl processControl,
        List<DataGaps> dataGaps) {

    /**
     * A trend read as an XmR chart (Making Data Count).
     *
     * @param variation       the latest figure's: IMPROVING or CONCERNING special cause, or COMMON; null without limits
     * @param assurance       against the target: CONSISTENTLY_PASSING, CONSISTENTLY_FAILING or HIT_AND_MISS
     * @param assuranceReason why there is no assurance, when there is none
     * @param limitsReason    why there are no process limits, when there are none
     * @param figures         how many figures the limits are worked out from
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProcessControl(Variation variation, Assurance assurance, String assuranceReason, String limitsReason,
                                 Integer figures, Double target) {

        public static ProcessControl of(ControlChart chart, Double target) {
            return new ProcessControl(chart.variation(), chart.assurance(), chart.assuranceReason(),
                    chart.limitsReason(), chart.limits() == null ? null : chart.limits().figures(), target);
        }
    }

    public static final String SHARE_RULE = "Green, Amber, Red and Achieved are shares of the items with data; "
            + "Not available is a share of all counted items; Not due (annual indicators outside their due quarter), "
            + "Ended and No target are not counted.";

    public static Meta of(Served snapshot, Basis basis, List<String> periods) {
        return of(snapshot.info(), basis, periods);
    }

    public static Meta of(SnapshotInfo snapshot, Basis basis, List<String> periods) {
        return new Meta(snapshot.version(), snapshot.publishedAt(), basis == null ? null : basis.code(), periods, null,
                null, null, null, null, null, null);
    }

    public Meta withArea(AreaChoice chosen) {
        return new Meta(snapshotVersion, snapshotPublishedAt, basis, periods, chosen.label(), subject, ratingRule, shareRule, group, processControl, dataGaps);
    }

    public Meta withSubject(String newSubject) {
        return new Meta(snapshotVersion, snapshotPublishedAt, basis, periods, area, newSubject, ratingRule, shareRule, group, processControl, dataGaps);
    }

    public Meta withRatingRule(String rule) {
        return new Meta(snapshotVersion, snapshotPublishedAt, basis, periods, area, subject, rule, shareRule, group, processControl, dataGaps);
    }

    public Meta withShareRule() {
        return new Meta(snapshotVersion, snapshotPublishedAt, basis, periods, area, subject, ratingRule, SHARE_RULE, group, processControl, dataGaps);
    }

    public Meta withGroup(String name) {
        return new Meta(snapshotVersion, snapshotPublishedAt, basis, periods, area, subject, ratingRule, shareRule, name,
                processControl, dataGaps);
    }

    public Meta withProcessControl(ProcessControl control) {
        return new Meta(snapshotVersion, snapshotPublishedAt, basis, periods, area, subject, ratingRule, shareRule, group,
                control, dataGaps);
    }

    public Meta withDataGaps(List<DataGaps> gaps) {
        return new Meta(snapshotVersion, snapshotPublishedAt, basis, periods, area, subject, ratingRule, shareRule, group,
                processControl, gaps == null ? null : List.copyOf(gaps));
    }
}
