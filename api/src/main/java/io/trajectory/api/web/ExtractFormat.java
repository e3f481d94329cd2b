package io.trajectory.api.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a data endpoint answers: JSON (data, chart, meta), or the same rows as an extract, CSV or
 * an Arrow IPC stream. Chosen by {@code format=json|csv|arrow}, else by the {@code Accept} header,
 * else JSON. Micronaut picks the writer ({@link ExtractWriters}) by the media type; the
 * {@code format} parameter becomes an {@code Accept} header first ({@link FormatParameter}).
 */
public enum ExtractFormat {
    JSON(MediaType.APPLICATION_JSON, "json"),
    CSV(ExtractFormat.CSV_TYPE, "csv"),
    ARROW(ExtractFormat.ARROW_TYPE, "arrow");

    public static final String CSV_TYPE = "text/csv";
    public static final String ARROW_TYPE = "application/vnd.apache.arrow.stream";
    public static final String ACCEPTED_FORMS = "json, csv or arrow (or an Accept header of application/json, "
            + "text/csv or application/vnd.apache.arrow.stream)";

    private final String mediaType;
    private final String extension;

    ExtractFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** True for the formats that count as extracts (the analyst role). */
    public boolean isExtract() {
        return this != JSON;
    }

    /**
     * The format a {@code format} parameter names.
     *
     * @throws ProblemException 400 naming {@code format} for anything but the three
     */
    public static ExtractFormat named(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> JSON;
            case "csv" -> CSV;
            case "arrow" -> ARROW;
            default -> throw ProblemException.badParameter("format",
                    "Unrecognised format '" + text.strip() + "'; expected " + ACCEPTED_FORMS, ACCEPTED_FORMS);
        };
    }

    /**
     * The format a request asks for.
     *
     * @throws ProblemException 400 for a {@code format} parameter that is none of the three
     */
    public static ExtractFormat of(HttpRequest<?> request) {
        Optional<String> format = request.getParameters().getFirst("format");
        if (format.isPresent()) {
            return named(format.get());
        }
        List<MediaType> accepted = new ArrayList<>(request.accept());
        accepted.sort(Comparator.comparing(MediaType::getQualityAsNumber).reversed()); // stable: ties keep their order
        for (MediaType m : accepted) {
            String name = m.getName().toLowerCase(Locale.ROOT);
            if (name.equals(CSV_TYPE)) {
                return CSV;
            }
            if (name.equals(ARROW_TYPE)) {
                return ARROW;
            }
            if (name.equals(MediaType.APPLICATION_JSON) || name.equals("*/*") || name.equals("application/*")) {
                return JSON;
            }
        }
        return JSON;
    }
}
