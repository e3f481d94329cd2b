package io.trajectory.api.pages;

import io.micronaut.core.annotation.Introspected;

/**
 * A page saying why a page cannot be shown: the status, what was wrong, and the parameter at fault
 * with what it accepts.
 */
@Introspected
public record ProblemPage(int status, String reason, String detail, String parameter, String accepted) implements Page {

    @Override
    public String title() {
        return "Cannot show this page";
    }
}
