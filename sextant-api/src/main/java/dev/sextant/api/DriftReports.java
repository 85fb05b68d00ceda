package dev.sextant.api;

import java.util.List;

/** {@code GET .../environments/{env}/drift/reports}: the latest saved reports. */
public record DriftReports(List<DriftReportItem> items) {}
