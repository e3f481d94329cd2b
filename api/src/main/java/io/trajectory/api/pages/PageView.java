package io.trajectory.api.pages;

import io.micronaut.core.annotation.Introspected;

/**
 * What a template is given: the number formats ({@code fmt}), what every page shows around its
 * content ({@code frame}: title, address, snapshot, controls) and the page's own model
 * ({@code page}).
 */
@Introspected
public record PageView<P extends Page>(Formats fmt, Frame frame, P page) {
}
