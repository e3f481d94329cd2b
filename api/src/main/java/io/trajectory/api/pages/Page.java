package io.trajectory.api.pages;

/** A page's own model (a record the template reads as {@code page}); every page has a title. */
public interface Page {

    /** The page's heading in the browser's title bar. */
    String title();
}
