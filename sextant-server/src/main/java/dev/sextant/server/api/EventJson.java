package dev.sextant.server.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.server.store.EventEnvelope;
import dev.sextant.server.store.LoggedEvent;

/** An event of the outbox as the API shows it, in a list and in a stream alike. */
final class EventJson {
  private EventJson() {}

  static ObjectNode item(LoggedEvent logged) {
    EventEnvelope event = logged.envelope();
    ObjectNode item =
        JsonNodeFactory.instance
            .objectNode()
            .put("sequence", logged.sequence())
            .put("time", logged.time().toString())
            .put("type", event.type())
            .put("schemaVersion", event.schemaVersion())
            .put("subject", event.subject())
            .put("outcome", event.outcome());
    event.reason().ifPresent(r -> item.put("reason", r));
    ObjectNode inputs = item.putObject("inputs");
    event.inputs().forEach((name, digest) -> inputs.put(name, digest.value()));
    item.set("detail", event.detail());
    return item;
  }
}
