package dev.sextant.server.store;

import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.LabelSelector;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.resource.ResourceKey;
import java.util.List;
import java.util.Optional;

/**
 * The versioned store of declared resources. Nothing is edited in place: every apply whose
 * content differs from the current revision adds a new revision; applying identical content
 * (same digest) adds nothing. The only place in Sextant that writes SQL is behind this interface.
 */
public interface ResourceStore extends AutoCloseable {

  /** Stores the resource as a new revision unless its digest equals the current one. */
  ApplyOutcome apply(Resource resource, String author);

  /** The current (latest) revision of a resource. */
  Optional<Revision> latest(ResourceKey key);

  /** The current revision of every resource of a kind (all kinds when empty) that matches. */
  List<Revision> list(Optional<Kind> kind, LabelSelector selector);

  /** Every revision of a resource, oldest first; empty when the resource was never applied. */
  List<Revision> history(ResourceKey key);

  /** One revision of a resource by its number. */
  Optional<Revision> revision(ResourceKey key, long number);

  /**
   * Checks that the database answers.
   *
   * @throws StoreException when it does not
   */
  void ping();

  @Override
  void close();
}
