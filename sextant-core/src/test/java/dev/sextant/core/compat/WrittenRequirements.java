package dev.sextant.core.compat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.FingerprintFiles;
import dev.sextant.core.resource.spec.Requirement;
import dev.sextant.core.schema.Examples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** WrittenRequirements as release files write them, and the example fingerprints in fingerprints/. */
public final class WrittenRequirements {
  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new Jdk8Module());

  private WrittenRequirements() {}

  /** A requirement from YAML, e.g. {@code "{fact: memory.total, min: 16Gi}"}. */
  public static Requirement yaml(String yaml) {
    try {
      return MAPPER.treeToValue(Examples.parse(yaml), Requirement.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A fingerprint from {@code fingerprints/NAME.yaml} at the repository root. */
  public static Fingerprint fingerprint(String name) {
    try {
      return FingerprintFiles.parse(name, Files.readAllBytes(Path.of("..", "fingerprints", name + ".yaml")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
