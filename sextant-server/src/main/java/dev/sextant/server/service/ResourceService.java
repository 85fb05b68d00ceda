package dev.sextant.server.service;

import dev.sextant.core.document.Limits;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.LabelSelector;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.core.validation.Input;
import dev.sextant.core.validation.InvalidInputException;
import dev.sextant.core.validation.ParseReport;
import dev.sextant.core.validation.Position;
import dev.sextant.core.validation.Problem;
import dev.sextant.core.validation.ResourceParser;
import dev.sextant.server.store.ApplyOutcome;
import dev.sextant.server.store.ResourceStore;
import dev.sextant.server.store.Revision;
import java.util.List;
import java.util.Optional;

/**
 * Apply, read and list declared resources. Inputs are validated in full before anything is
 * stored, so a change with one bad document changes nothing.
 */
public final class ResourceService {
  private final ResourceStore store;
  private final ResourceParser parser;

  public ResourceService(ResourceStore store, Limits limits) {
    this.store = store;
    this.parser = new ResourceParser(limits);
  }

  public ResourceService(ResourceStore store) {
    this(store, Limits.DEFAULT);
  }

  /** Validates without storing anything. */
  public ParseReport validate(List<Input> inputs) {
    return parser.parseAll(inputs);
  }

  /**
   * Stores every resource of the inputs as a new revision where its content changed.
   *
   * @throws InvalidInputException with every problem found, before anything is stored
   */
  public List<ApplyOutcome> apply(List<Input> inputs, String author) {
    ParseReport report = parser.parseAll(inputs);
    if (!report.ok()) {
      throw new InvalidInputException(report.problems());
    }
    return report.resources().stream().map(resource -> store.apply(resource, author)).toList();
  }

  public Optional<Revision> latest(ResourceKey key) {
    return store.latest(key);
  }

  /**
   * @throws InvalidInputException when the selector is malformed
   */
  public List<Revision> list(Optional<Kind> kind, String labelSelector) {
    return store.list(kind, selector(labelSelector));
  }

  public List<Revision> history(ResourceKey key) {
    return store.history(key);
  }

  public Optional<Revision> revision(ResourceKey key, long number) {
    return store.revision(key, number);
  }

  /** Fails with a StoreException when the store does not answer. */
  public void ping() {
    store.ping();
  }

  private static LabelSelector selector(String text) {
    if (text == null || text.isBlank()) {
      return LabelSelector.EVERYTHING;
    }
    try {
      return LabelSelector.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          List.of(new Problem("label selector", Position.FILE, "", e.getMessage())));
    }
  }
}
