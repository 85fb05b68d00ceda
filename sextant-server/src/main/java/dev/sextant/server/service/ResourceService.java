package dev.sextant.server.service;

import dev.sextant.core.compat.Validators;
import dev.sextant.core.document.Limits;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.LabelSelector;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.core.validation.Input;
import dev.sextant.core.validation.InvalidInputException;
import dev.sextant.core.validation.ParseReport;
import dev.sextant.core.validation.Position;
import dev.sextant.core.validation.Problem;
import dev.sextant.core.validation.ResourceParser;
import dev.sextant.server.store.ApplyOutcome;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.ResourceApplied;
import dev.sextant.server.store.Revision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Apply, read and list declared resources. Inputs are validated in full before anything is stored,
 * and an apply is one unit of work, so a change with one bad document, or one write that fails,
 * changes nothing.
 */
public final class ResourceService {
  private final Database database;
  private final ResourceParser parser;
  private final Consumer<ApplyOutcome> applied;

  /**
   * @param validators the rules requirements may name, so that apply refuses what plans would
   * @param applied told of each new revision once its apply has committed, for work that follows a
   *     change (a drift check after an Environment changed)
   */
  public ResourceService(
      Database database, Limits limits, Validators validators, Consumer<ApplyOutcome> applied) {
    this.database = database;
    this.parser = new ResourceParser(limits, validators);
    this.applied = applied;
  }

  /** A service whose requirements may name the validators of Sextant's own class path. */
  public ResourceService(Database database, Limits limits, Consumer<ApplyOutcome> applied) {
    this(database, limits, Validators.standard(), applied);
  }

  public ResourceService(Database database) {
    this(database, Limits.DEFAULT, outcome -> {});
  }

  /** Validates without storing anything. */
  public ParseReport validate(List<Input> inputs) {
    return parser.parseAll(inputs);
  }

  /**
   * Stores every resource of the inputs as a new revision where its content changed, each with its
   * {@code resource.applied} event, all in one unit of work.
   *
   * @throws InvalidInputException with every problem found, before anything is stored
   */
  public List<ApplyOutcome> apply(List<Input> inputs, String author) {
    return apply(inputs, author, resources -> {});
  }

  /**
   * Applies as {@link #apply(List, String)} does, once {@code admit} has accepted the resources
   * read: access control decides on each resource's kind and labels, which are known only then.
   *
   * @param admit throws to refuse; nothing is stored then
   */
  public List<ApplyOutcome> apply(
      List<Input> inputs, String author, Consumer<List<Resource>> admit) {
    ParseReport report = parser.parseAll(inputs);
    if (!report.ok()) {
      throw new InvalidInputException(report.problems());
    }
    admit.accept(report.resources());
    List<ApplyOutcome> outcomes =
        database.write(
            "apply " + report.resources().size() + " resources",
            tx -> {
              List<ApplyOutcome> each = new ArrayList<>();
              for (var resource : report.resources()) {
                ApplyOutcome outcome = tx.resources().apply(resource, author);
                if (outcome.change() != ApplyOutcome.Change.UNCHANGED) {
                  tx.events().append(ResourceApplied.of(outcome));
                }
                each.add(outcome);
              }
              return each;
            });
    outcomes.stream()
        .filter(outcome -> outcome.change() != ApplyOutcome.Change.UNCHANGED)
        .forEach(applied);
    return outcomes;
  }

  public Optional<Revision> latest(ResourceKey key) {
    return database.read("read the latest revision of " + key, tx -> tx.resources().latest(key));
  }

  /**
   * @throws InvalidInputException when the selector is malformed
   */
  public List<Revision> list(Optional<Kind> kind, String labelSelector) {
    LabelSelector selector = selector(labelSelector);
    return database.read(
        "list " + kind.map(Kind::plural).orElse("resources"),
        tx -> tx.resources().list(kind, selector));
  }

  public List<Revision> history(ResourceKey key) {
    return database.read("read the history of " + key, tx -> tx.resources().history(key));
  }

  public Optional<Revision> revision(ResourceKey key, long number) {
    return database.read(
        "read revision " + number + " of " + key, tx -> tx.resources().revision(key, number));
  }

  /** Fails with a StoreException when the store does not answer. */
  public void ping() {
    database.ping();
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
