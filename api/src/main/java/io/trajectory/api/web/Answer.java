package io.trajectory.api.web;

import io.micronaut.serde.annotation.Serdeable;
import io.trajectory.api.chart.VegaLite;

/**
 * Every JSON answer: the data, a Vega-Lite v5 chart of it that renders as is, and what it was
 * computed from.
 */
@Serdeable
public record Answer<T>(T data, VegaLite.Spec chart, Meta meta) {
}
