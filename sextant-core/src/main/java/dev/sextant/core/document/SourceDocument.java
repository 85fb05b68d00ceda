package dev.sextant.core.document;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.core.validation.Position;

/**
 * One document read from a source: its tree, where it starts (a file may hold several documents
 * separated by {@code ---}), and the positions of its fields.
 */
public record SourceDocument(
    String source, int index, Position start, JsonNode tree, Locations locations) {}
