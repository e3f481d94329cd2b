package io.trajectory.api.snapshot;

import io.micronaut.http.HttpRequest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What identifies one answer on one snapshot: the address asked and its parameters, in name order
 * so that {@code ?a=1&b=2} and {@code ?b=2&a=1} are one answer. Nothing else a request carries
 * changes what the snapshot answers: the user only changes the frame a page is shown in, which is
 * built afresh for every request, and extracts are not kept.
 */
public record AnswerKey(String path, Map<String, List<String>> parameters) {

    public AnswerKey {
        parameters = Map.copyOf(parameters);
    }

    /** The answer {@code request} asks for. */
    public static AnswerKey of(HttpRequest<?> request) {
        Map<String, List<String>> sorted = new TreeMap<>();
        request.getParameters().forEach((name, values) -> sorted.put(name, List.copyOf(values)));
        return new AnswerKey(request.getPath(), sorted);
    }
}
