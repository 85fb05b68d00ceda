package dev.sextant.core.fingerprint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.document.DocumentReader;
import dev.sextant.core.validation.InvalidInputException;

/**
 * Fingerprint files: JSON or YAML, one document, written by the agent or by hand.
 *
 * <pre>
 * environment: gpu-node-7                 # optional: the Environment (or host) described
 * collectedAt: 2024-05-01T12:00:00Z       # optional: RFC 3339
 * digests:                                # optional, informative; checked when present
 *   fingerprint: sha256:…
 *   platform: sha256:…
 *   dependencies: sha256:…
 *   artifacts: sha256:…
 * facts:                                  # required: flat keys, sorted on reading
 *   os.id: debian
 *   os.version: 12                        # typed by key (FactTypes): the version "12"
 *   memory.total: 24Gi                    # a quantity: 25769803776 bytes
 *   cpu.flags: [avx2, sse4_2]             # a set
 *   gpu.driver.version: 550.54.15
 *   cpu.frequency: {type: quantity, value: 2.4, unit: GHz}   # the explicit form
 * signature:                              # optional until signed
 *   keyId: 3f2a9c0d1e4b5a67
 *   algorithm: ed25519
 *   value: base64…
 * </pre>
 *
 * <p>Unknown fields are refused at their position, with the nearest known name. Sextant writes
 * every fact in the explicit typed form ({@link FactJson}), so a file it wrote means the same to
 * any later version whatever that version's {@link FactTypes} registry says; reading what was
 * written gives an equal fingerprint, digests and signature.
 */
public final class FingerprintFiles {
  // "\n" whatever the platform's line separator, so the same fingerprint is the same file
  // everywhere.
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
  private static final ObjectMapper JSON = JsonMapper.builder().nodeFactory(Fact.NODES).build();

  private FingerprintFiles() {}

  /**
   * Reads a fingerprint file. Never throws for bad input: every problem comes back with the source
   * name, line and column, and the field ({@code facts["memory.total"]}).
   */
  public static ParsedFingerprint read(String source, byte[] bytes) {
    return FingerprintReader.read(source, bytes, new DocumentReader());
  }

  /**
   * Reads a fingerprint file.
   *
   * @throws InvalidInputException with every problem found
   */
  public static Fingerprint parse(String source, byte[] bytes) {
    return read(source, bytes).orThrow();
  }

  /** The file's tree, to print as JSON or YAML; fields in the order of the example above. */
  public static ObjectNode tree(Fingerprint fingerprint) {
    ObjectNode out = Fact.NODES.objectNode();
    fingerprint.environment().ifPresent(name -> out.put("environment", name));
    fingerprint.collectedAt().ifPresent(time -> out.put("collectedAt", time.toString()));
    FingerprintDigests digests = fingerprint.digests();
    ObjectNode digestNode = out.putObject("digests");
    digestNode.put("fingerprint", digests.whole().value());
    digestNode.setAll(FingerprintDigests.tree(digests.layers()));
    out.set("facts", FactJson.write(fingerprint.facts()));
    fingerprint
        .signature()
        .ifPresent(
            signature -> {
              ObjectNode node = out.putObject("signature");
              node.put("keyId", signature.keyId());
              node.put("algorithm", FingerprintSignature.ALGORITHM);
              node.put("value", signature.value());
            });
    return out;
  }

  /** The file as indented JSON. */
  public static String json(Fingerprint fingerprint) {
    try {
      return JSON.writer(PRETTY).writeValueAsString(tree(fingerprint)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }
}
