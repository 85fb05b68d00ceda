package dev.sextant.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads a Server-Sent Events stream line by line, as the WHATWG specification's "event stream
 * interpretation" says: fields {@code event}, {@code data} and {@code id}; comments (a leading
 * colon, which servers send to keep a connection open) ignored; an empty line dispatches the event
 * gathered so far, and an event with no data is not dispatched.
 */
final class ServerSentEvents {
  private ServerSentEvents() {}

  /**
   * Hands each event to {@code each} until it returns false or the stream ends.
   *
   * @return whether the stream ended (false when {@code each} stopped it)
   */
  static boolean read(BufferedReader lines, Predicate<ServerSentEvent> each) throws IOException {
    String event = "";
    StringBuilder data = null;
    Optional<String> id = Optional.empty();
    String line;
    while ((line = lines.readLine()) != null) {
      if (line.isEmpty()) {
        if (data != null
            && !each.test(
                new ServerSentEvent(event.isEmpty() ? "message" : event, id, data.toString()))) {
          return false;
        }
        event = "";
        data = null;
        continue;
      }
      if (line.startsWith(":")) {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (field) {
        case "event" -> event = value;
        case "data" ->
            data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        case "id" -> id = value.contains("\0") ? id : Optional.of(value);
        default -> {
          // retry and unknown fields: nothing to do for a client that reconnects on its own terms
        }
      }
    }
    return true;
  }
}
