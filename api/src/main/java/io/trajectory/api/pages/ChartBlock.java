package io.trajectory.api.pages;

/**
 * A chart on a page: its Vega-Lite spec (as JSON that is safe inside a script element), a text
 * alternative for people who cannot see it, and where its data can be downloaded as CSV.
 *
 * @param id      unique on the page
 * @param specJson the spec, with every {@code <} escaped so it cannot close the script element
 * @param summary one or two sentences saying what the chart shows, read out instead of it
 * @param csvUrl  the same figures as CSV
 */
public record ChartBlock(String id, String specJson, String summary, String csvUrl) {
}
