package io.trajectory.api.web;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.convert.MutableConversionService;
import io.micronaut.core.convert.TypeConverter;
import io.micronaut.core.convert.TypeConverterRegistrar;
import io.trajectory.warehouse.period.FiscalQuarter;
import io.trajectory.warehouse.query.Basis;
import io.trajectory.warehouse.query.Subject;
import io.trajectory.warehouse.rating.Rating;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.function.Function;

/**
 * Binds request parameters to domain values: a quarter in every spelling {@link FiscalQuarter#parse}
 * accepts, a {@link Basis}, a {@link Subject} and a {@link Rating}. Blank text binds to nothing (the
 * parameter is absent); text that is not understood is rejected, and the request answers 400
 * naming the parameter and what it accepts ({@link Problems}). Values are only ever bound into
 * SQL, never spliced.
 */
@Singleton
public final class ParameterConverters implements TypeConverterRegistrar {

    public static final String RATING_FORMS = "GREEN, AMBER, RED, ACHIEVED, NOT_AVAILABLE, ENDED or NO_TARGET";

    @Override
    public void register(MutableConversionService conversions) {
        conversions.addConverter(String.class, FiscalQuarter.class,
                converter(FiscalQuarter::parse, FiscalQuarter.ACCEPTED_FORMS));
        conversions.addConverter(String.class, Basis.class, converter(Basis::parse, Basis.ACCEPTED_FORMS));
        conversions.addConverter(String.class, Subject.class, converter(Subject::parse, Subject.ACCEPTED_FORMS));
        conversions.addConverter(String.class, Rating.class, converter(t -> Rating.parse(t).orElse(null), RATING_FORMS));
    }

    /** {@code parse} throws IllegalArgumentException (PeriodFormatException is one) naming the text. */
    private static <T> TypeConverter<String, T> converter(Function<String, T> parse, String acceptedForms) {
        return (String text, Class<T> type, ConversionContext context) -> {
            if (text == null || text.isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(parse.apply(text));
            } catch (IllegalArgumentException e) { // PeriodFormatException too
                context.reject(text, new UnacceptedValue(e.getMessage(), acceptedForms));
                return Optional.empty();
            }
        };
    }
}
