package io.trajectory.api.web;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.Basis;

/**
 * The parameters every answer about one quarter shares ({@code @RequestBean}): the quarter in any
 * spelling, the basis and the area. Where the quarter may be left out the endpoint says what it
 * defaults to.
 */
@Introspected
public record QuarterParameters(
        @Parameter(description = "the quarter, any spelling (2007/08 Q1, Q1 2007/08, Q1 07-08, 2007-08-Q1, "
                + "2007-08;Q1, Quarter 1 2007/08 or the key 20071)",
                schema = @Schema(type = "string", example = "2007/08 Q1"))
        @Nullable @QueryValue FiscalQuarter period,
        @Parameter(description = "latest (each figure's newest revision) or as-reported (as the committee first saw it)",
                schema = @Schema(type = "string", allowableValues = {"latest", "as-reported"}, defaultValue = "latest"))
        @QueryValue(defaultValue = "latest") Basis basis,
        @Parameter(description = "area code or name; blank = the whole authority; all = every area together, "
                + "where that makes sense") @Nullable @QueryValue String area) {

    public QuarterParameters {
        basis = basis == null ? Basis.LATEST : basis;
    }

    /** {@code period}, which this endpoint needs. */
    public FiscalQuarter requiredPeriod() {
        return RangeParameters.required("period", period);
    }

    public FiscalQuarter periodOr(FiscalQuarter fallback) {
        return period == null ? fallback : period;
    }
}
