package dev.sextant.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The event stream interpretation of the WHATWG HTML standard, on its own examples. */
class ServerSentEventsTest {
  @Test
  void fields_comments_multi_line_data_and_ids_are_read_as_the_standard_says() throws Exception {
    // The standard's examples: a comment, a two-line data field, an id, an event type, a field
    // with no colon, and a block without data that dispatches nothing.
    String stream =
        ": test stream\n\n"
            + "data: first event\nid: 1\n\n"
            + "data:second event\nid\n\n"
            + "event: add\ndata: YHOO\ndata: +2\ndata: 10\n\n"
            + "id: 9\n\n";

    List<ServerSentEvent> events = read(stream);

    assertThat(events)
        .containsExactly(
            new ServerSentEvent("message", Optional.of("1"), "first event"),
            new ServerSentEvent("message", Optional.of(""), "second event"),
            new ServerSentEvent("add", Optional.of(""), "YHOO\n+2\n10"));
  }

  @Test
  void the_reader_stops_when_it_is_told_to() throws Exception {
    List<ServerSentEvent> seen = new ArrayList<>();
    boolean ended =
        ServerSentEvents.read(
            new BufferedReader(new StringReader("data: a\n\ndata: b\n\n")),
            e -> seen.add(e) && false);

    assertThat(ended).isFalse();
    assertThat(seen).hasSize(1);
  }

  private static List<ServerSentEvent> read(String stream) throws Exception {
    List<ServerSentEvent> events = new ArrayList<>();
    ServerSentEvents.read(new BufferedReader(new StringReader(stream)), events::add);
    return events;
  }
}
