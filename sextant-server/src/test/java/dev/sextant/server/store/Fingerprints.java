package dev.sextant.server.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.digest.Digest;
import java.time.Instant;
import java.util.Optional;

/**
 * Fingerprint records for tests, shaped like the real ones: facts by layer, each layer and the
 * whole digested over canonical JSON, and a collection time that the digest does not cover.
 */
final class Fingerprints {
  private Fingerprints() {}

  /** A fingerprint of a host with that driver version, collected at that time, signed by key-1. */
  static FingerprintRecord withDriver(String driverVersion, Instant collectedAt) {
    return withDriver(driverVersion, collectedAt, "agent:gpu-01", Optional.of("key-1"));
  }

  static FingerprintRecord withDriver(
      String driverVersion, Instant collectedAt, String source, Optional<String> signerKeyId) {
    ObjectNode platform = object();
    platform.put("os.id", "debian").put("os.version", "12").put("cpu.arch", "x86_64");
    platform.put("gpu.driver.version", driverVersion);
    ObjectNode dependencies = object();
    dependencies.put("libc.family", "glibc").put("libc.version", "2.36");
    dependencies
        .putArray("python.tags")
        .add("cp311-cp311-manylinux_2_36_x86_64")
        .add("py3-none-any");
    ObjectNode artifacts = object();
    ObjectNode facts = object();
    facts.setAll(platform);
    facts.setAll(dependencies);
    ObjectNode document = object();
    document.set("facts", facts);
    document.put("collectedAt", collectedAt.toString());
    signerKeyId.ifPresent(id -> document.putObject("signature").put("keyId", id));
    LayerDigests layers =
        new LayerDigests(digest(platform), digest(dependencies), digest(artifacts));
    return new FingerprintRecord(digest(facts), layers, collectedAt, source, signerKeyId, document);
  }

  static Digest digest(ObjectNode node) {
    return Digest.sha256(CanonicalJson.bytes(node));
  }

  private static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }
}
