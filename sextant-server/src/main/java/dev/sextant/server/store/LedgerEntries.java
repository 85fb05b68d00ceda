package dev.sextant.server.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.ledger.LedgerEntry;

/**
 * The ledger entry of a logged event, the one mapping that both the append and the verification
 * use, so that a leaf written at append time is recomputed bit for bit from the stored row.
 *
 * <p>The entry's actor is the typed event's {@link Event#actor()}, read from the stored envelope; a
 * row that no longer reads as its type (edited in the database) gets {@link Event#SYSTEM}, so that
 * verification names it as edited rather than failing to read it. The payload holds what the
 * entry's other members do not: the schema version, the outcome, the reason when there is one, and
 * the detail.
 */
public final class LedgerEntries {
  private LedgerEntries() {}

  public static LedgerEntry of(LoggedEvent logged) {
    EventEnvelope envelope = logged.envelope();
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("schemaVersion", envelope.schemaVersion());
    payload.put("outcome", envelope.outcome());
    envelope.reason().ifPresent(reason -> payload.put("reason", reason));
    // Not copied here: the entry keeps a copy of its payload.
    payload.set("detail", envelope.detailToRead());
    return new LedgerEntry(
        logged.sequence(),
        envelope.type(),
        envelope.subject(),
        actor(envelope),
        logged.time().toString(),
        envelope.inputs(),
        payload);
  }

  private static String actor(EventEnvelope envelope) {
    try {
      return Event.of(envelope).actor();
    } catch (StoreException e) {
      return Event.SYSTEM;
    }
  }

  /** The same entry as if it stood at another place in the log: how a reordering is recognised. */
  public static LedgerEntry renumbered(LedgerEntry entry, long sequence) {
    return new LedgerEntry(
        sequence,
        entry.type(),
        entry.subject(),
        entry.actor(),
        entry.at(),
        entry.inputs(),
        entry.payload());
  }
}
