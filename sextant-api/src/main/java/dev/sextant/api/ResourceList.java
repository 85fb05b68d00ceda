package dev.sextant.api;

import java.util.List;

/** {@code GET /api/v1/resources} and {@code GET /api/v1/{kind}}: {@code kind} is {@code List}. */
public record ResourceList(String apiVersion, String kind, List<ResourceRevision> items) {}
