package io.trajectory.api.pages;

/**
 * An indicator or commitment whose rating changed between two quarters, with the group the
 * "what moved" page puts it in ("Now Amber, was Green").
 *
 * @param comment the officer's commentary in the later quarter
 */
public record MovedItem(String subject, String group, String ref, String title, String theme, String from, String to,
        String officer, String comment) {
}
