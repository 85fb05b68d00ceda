package dev.sextant.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * One event of the server's outbox, as {@code GET /api/v1/events} lists it and {@code GET
 * /api/v1/events/stream} sends it.
 */
public record EventItem(
    long sequence,
    String time,
    String type,
    int schemaVersion,
    String subject,
    String outcome,
    Optional<String> reason,
    Map<String, String> inputs,
    JsonNode detail) {}
