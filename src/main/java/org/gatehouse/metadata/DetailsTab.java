package org.gatehouse.metadata;

/**
 * A tab a view adds to its records' details page, after Details and History: its label and the
 * Facelets file the page includes for it (which reads the record as {@code detailsPage.entity}).
 */
public record DetailsTab(String label, String page) {}
