package io.trajectory.api.pages;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.uri.UriBuilder;
import io.trajectory.api.snapshot.Served;
import io.trajectory.warehouse.query.AreaRow;

import java.util.List;

/**
 * A zone of many authorities has no whole-authority figures, so a page about one area asks which:
 * every authority (areas of kind {@code authority}, else every top-level area) with figures, each
 * linking to the page asked for, for that authority.
 *
 * @param path what was asked for, e.g. {@code /theme}
 */
public record ChooseAreaPage(String path, List<Choice> choices) implements Page {

    static ChooseAreaPage of(HttpRequest<?> request, Served info) {
        List<Choice> choices = PageAreas.authorities(info).stream()
                .map(a -> new Choice(a, UriBuilder.of(request.getUri()).replaceQueryParam("area", a.code()).toString()))
                .toList();
        return new ChooseAreaPage(request.getPath(), choices);
    }

    @Override
    public String title() {
        return "Choose an authority";
    }

    /** An authority and the page asked for, for it. */
    public record Choice(AreaRow area, String href) {
    }
}
