package io.trajectory.api.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;

import java.util.List;

/** Answers a data request as JSON, CSV or Arrow, whichever it asked for. */
public final class Respond {

    private Respond() {
    }

    /**
     * @param rows the rows an extract carries: the same as (or, for composite answers, the named
     *             table of) the JSON {@code data}
     * @param name the extract's file name, without extension
     */
    public static <R extends Record> HttpResponse<?> with(HttpRequest<?> request, Answer<?> answer, List<R> rows,
            Class<R> type, String name) {
        ExtractFormat format = ExtractFormat.of(request);
        return switch (format) {
            case JSON -> HttpResponse.ok(answer);
            case CSV -> extract(Extracts.csv(rows, type), format, name, answer.meta());
            case ARROW -> extract(Extracts.arrow(rows, type), format, name, answer.meta());
        };
    }

    private static HttpResponse<byte[]> extract(byte[] body, ExtractFormat format, String name, Meta meta) {
        return HttpResponse.ok(body)
                .contentType(format == ExtractFormat.CSV ? format.mediaType() + "; charset=utf-8" : format.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "." + format.extension() + "\"")
                .header("X-Snapshot-Version", Integer.toString(meta.snapshotVersion()));
    }
}
