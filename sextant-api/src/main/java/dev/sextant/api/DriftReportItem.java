package dev.sextant.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A saved drift report, as {@code GET .../environments/{env}/drift/reports} lists it. */
public record DriftReportItem(
    long id,
    String checkedAt,
    String kind,
    String baseline,
    String current,
    int differences,
    String action,
    ObjectNode report) {}
