package dev.sextant.api;

import java.util.Optional;

/**
 * One event of a Server-Sent Events stream (WHATWG HTML, "Server-sent events"): its type ({@code
 * message} when the stream names none), its id when it has one, and its data, the lines of {@code
 * data:} fields joined with newlines.
 */
public record ServerSentEvent(String event, Optional<String> id, String data) {}
