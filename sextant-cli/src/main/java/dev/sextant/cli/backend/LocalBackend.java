package dev.sextant.cli.backend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.cli.CliException;
import dev.sextant.core.compat.Validators;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.FingerprintFiles;
import dev.sextant.core.provenance.TrustedKeys;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.core.validation.Input;
import dev.sextant.server.Services;
import dev.sextant.server.discovery.FingerprintJson;
import dev.sextant.server.discovery.Refusal;
import dev.sextant.server.service.ResourceService;
import dev.sextant.server.store.ApplyOutcome;
import dev.sextant.server.store.FingerprintRevision;
import dev.sextant.server.store.Revision;
import dev.sextant.server.store.StoreException;
import dev.sextant.server.store.StoreLocation;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The store opened in this process: embedded H2 in the data directory, or a JDBC URL. */
public final class LocalBackend implements Backend {
  private final Services services;
  private final ResourceService service;

  private LocalBackend(Services services) {
    this.services = services;
    this.service = services.resources();
  }

  /**
   * @param validators the rules requirements may name, with the plug-ins plans use
   */
  public static LocalBackend open(StoreLocation store, Validators validators) {
    try {
      return new LocalBackend(Services.local(store.open(Clock.systemUTC()), validators));
    } catch (StoreException e) {
      throw CliException.unavailable(e.getMessage(), e);
    }
  }

  @Override
  public List<ApplyOutcome> apply(List<Input> inputs, String author) {
    return service.apply(inputs, author);
  }

  @Override
  public Optional<Revision> latest(ResourceKey key) {
    return service.latest(key);
  }

  @Override
  public List<Revision> list(Optional<Kind> kind, String labelSelector) {
    return service.list(kind, labelSelector);
  }

  @Override
  public List<Revision> history(ResourceKey key) {
    return service.history(key);
  }

  @Override
  public Optional<Revision> revision(ResourceKey key, long number) {
    return service.revision(key, number);
  }

  @Override
  public JsonNode drift(String environment) {
    return refusalsAsErrors(() -> services.drift().status(environment).toJson());
  }

  @Override
  public Optional<JsonNode> latestFingerprint(String environment) {
    return services.discovery().latest(environment).map(FingerprintRevision::document);
  }

  @Override
  public JsonNode acceptFingerprint(String environment, String by) {
    return refusalsAsErrors(
        () ->
            FingerprintJson.summary(
                services
                    .discovery()
                    .accept(environment, Optional.empty(), by)
                    .fingerprint()
                    .summary()));
  }

  @Override
  public JsonNode recordFingerprint(String environment, Input input, String by) {
    Fingerprint fingerprint = FingerprintFiles.parse(input.name(), input.bytes());
    return refusalsAsErrors(
        () ->
            FingerprintJson.outcome(
                services.discovery().record(environment, fingerprint, "file:" + input.name(), by)));
  }

  /** A refusal by the service means the same here as its 4xx means to a remote caller. */
  private static JsonNode refusalsAsErrors(java.util.function.Supplier<JsonNode> call) {
    try {
      return call.get();
    } catch (Refusal e) {
      throw new CliException(e.kind(), e.retryable(), e.getMessage(), null);
    }
  }

  @Override
  public TrustedKeys trustedKeys() {
    return services.trust().trusted();
  }

  /** Fingerprints, agents and drift of the same store. */
  public Services services() {
    return services;
  }

  @Override
  public void close() {
    services.close();
  }
}
