package dev.sextant.cli.backend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.core.provenance.TrustedKeys;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.core.validation.Input;
import dev.sextant.server.store.ApplyOutcome;
import dev.sextant.server.store.Revision;
import java.util.List;
import java.util.Optional;

/**
 * What the commands need from a store, whether it is the local embedded one or a server. Input is
 * handed over as the bytes of each source, so that a server validates exactly what was read.
 */
public interface Backend extends AutoCloseable {

  /**
   * Validates every source, then applies all of them or nothing.
   *
   * @param author who applies, as the store opened in this process records it; a server records the
   *     identity of the caller's token instead
   */
  List<ApplyOutcome> apply(List<Input> inputs, String author);

  Optional<Revision> latest(ResourceKey key);

  /** Current revisions of a kind (every kind when empty) matching a label selector. */
  List<Revision> list(Optional<Kind> kind, String labelSelector);

  List<Revision> history(ResourceKey key);

  Optional<Revision> revision(ResourceKey key, long number);

  /** The environment's drift as it stands (the JSON of the API's drift endpoint). */
  JsonNode drift(String environment);

  /**
   * The environment's latest fingerprint document (the fingerprint file format), if one was
   * recorded.
   */
  Optional<JsonNode> latestFingerprint(String environment);

  /**
   * Marks the environment's latest fingerprint as its last known good one; {@code by} as {@link
   * #apply}'s author.
   */
  JsonNode acceptFingerprint(String environment, String by);

  /**
   * Records a fingerprint file for an environment; a revision only when its digest is new. {@code
   * by} as {@link #apply}'s author.
   */
  JsonNode recordFingerprint(String environment, Input input, String by);

  /**
   * The API itself, for the commands that only a server answers (tokens, roles, plans kept for
   * approval), since who asks is proven by a token.
   *
   * @throws dev.sextant.cli.CliException invalid input when this is the store opened in this
   *     process
   */
  default dev.sextant.api.ApiClient api() {
    throw dev.sextant.cli.CliException.invalid(
        "this command needs a server, where a token says who asks: run it without --db and"
            + " SEXTANT_NO_DAEMON, or with --server URL");
  }

  /**
   * The keys the store trusts now, revoked ones left out, for a plan's policies to check signatures
   * and provenance with.
   */
  default TrustedKeys trustedKeys() {
    return TrustedKeysReply.read(api().get("api/v1/keys").orElseThrow());
  }

  @Override
  void close();
}
