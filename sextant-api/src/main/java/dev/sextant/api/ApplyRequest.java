package dev.sextant.api;

import java.util.List;

/** The body of {@code POST /api/v1/apply} as {@code application/vnd.sextant.inputs+json}. */
public record ApplyRequest(List<NamedInput> inputs) {}
