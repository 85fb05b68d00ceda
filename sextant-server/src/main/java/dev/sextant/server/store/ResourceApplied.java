package dev.sextant.server.store;

import dev.sextant.core.digest.Digest;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An apply stored a new revision of a resource: created (revision 1) or configured (n+1). */
public record ResourceApplied(
    ResourceKey resource, long revision, Digest digest, String author, ApplyOutcome.Change change)
    implements Event {
  public static final String TYPE = "resource.applied";

  @Override
  public String actor() {
    return author;
  }

  public ResourceApplied {
    if (change == ApplyOutcome.Change.UNCHANGED) {
      throw new IllegalArgumentException("an unchanged resource is not applied: nothing changed");
    }
  }

  public static ResourceApplied of(ApplyOutcome outcome) {
    Revision revision = outcome.revision();
    return new ResourceApplied(
        revision.key(), revision.number(), revision.digest(), revision.author(), outcome.change());
  }

  @Override
  public EventEnvelope envelope() {
    return Event.envelope(
        TYPE,
        resource.kind().displayName().toLowerCase(Locale.ROOT) + "/" + resource.name(),
        change.word(),
        Optional.empty(),
        Map.of("resource", digest),
        Event.detail()
            .put("kind", resource.kind().displayName())
            .put("name", resource.name())
            .put("revision", revision)
            .put("author", author));
  }

  static ResourceApplied of(EventEnvelope envelope) {
    Event.requireVersion(envelope, 1);
    String kind = Event.text(envelope, "kind");
    return new ResourceApplied(
        new ResourceKey(
            Kind.fromDisplayName(kind)
                .orElseThrow(() -> new IllegalArgumentException("unknown kind " + kind)),
            Event.text(envelope, "name")),
        Event.number(envelope, "revision"),
        Event.input(envelope, "resource"),
        Event.text(envelope, "author"),
        ApplyOutcome.Change.valueOf(envelope.outcome().toUpperCase(Locale.ROOT)));
  }
}
