package io.trajectory.api.web;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.Basis;

/**
 * The parameters every answer over two quarters or a range of them shares ({@code @RequestBean}):
 * the quarters in any spelling, the basis and the area. Where a quarter may be left out the
 * endpoint says what it defaults to.
 */
@Introspected
public record RangeParameters(
        @Parameter(description = "first quarter, any spelling (2007/08 Q1, Q1 2007/08, Q1 07-08, 2007-08-Q1, "
                + "2007-08;Q1, Quarter 1 2007/08 or the key 20071)",
                schema = @Schema(type = "string", example = "2007/08 Q1"))
        @Nullable @QueryValue FiscalQuarter from,
        @Parameter(description = "last quarter, any spelling",
                schema = @Schema(type = "string", example = "2008/09 Q2")) @Nullable @QueryValue FiscalQuarter to,
        @Parameter(description = "latest (each figure's newest revision) or as-reported (as the committee first saw it)",
                schema = @Schema(type = "string", allowableValues = {"latest", "as-reported"}, defaultValue = "latest"))
        @QueryValue(defaultValue = "latest") Basis basis,
        @Parameter(description = "area code or name; blank = the whole authority; all = every area together, "
                + "where that makes sense") @Nullable @QueryValue String area) {

    public RangeParameters {
        basis = basis == null ? Basis.LATEST : basis;
    }

    /** {@code from}, which this endpoint needs. */
    public FiscalQuarter requiredFrom() {
        return required("from", from);
    }

    /** {@code to}, which this endpoint needs. */
    public FiscalQuarter requiredTo() {
        return required("to", to);
    }

    public FiscalQuarter fromOr(FiscalQuarter fallback) {
        return from == null ? fallback : from;
    }

    public FiscalQuarter toOr(FiscalQuarter fallback) {
        return to == null ? fallback : to;
    }

    /**
     * {@code first} must not be after {@code last}.
     *
     * @throws ProblemException 400 naming {@code from}
     */
    public static void ordered(FiscalQuarter first, FiscalQuarter last) {
        if (first.isAfter(last)) {
            throw ProblemException.badParameter("from", "The quarter 'from' (" + first + ") is after 'to' (" + last + ").",
                    "a quarter no later than 'to'");
        }
    }

    static FiscalQuarter required(String name, FiscalQuarter q) {
        if (q == null) {
            throw ProblemException.badParameter(name, "The parameter '" + name + "' is required: a quarter such as "
                    + "2007/08 Q1.", FiscalQuarter.ACCEPTED_FORMS);
        }
        return q;
    }
}
