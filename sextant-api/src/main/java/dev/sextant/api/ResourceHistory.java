package dev.sextant.api;

import java.util.List;

/**
 * {@code GET /api/v1/{kind}/{name}/revisions}: every revision's facts, in the order the server
 * lists them.
 */
public record ResourceHistory(List<ResourceStatus> items) {}
