package dev.sextant.core.compat.wheel;

import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The files generate.py writes from pip's own code: tag lists and pip's answers. */
final class Fixtures {
  static final List<String> ENVIRONMENTS =
      List.of(
          "cp311-manylinux_2_35_x86_64",
          "cp311-manylinux_2_34_x86_64",
          "cp311-manylinux_2_26_aarch64",
          "cp311-musllinux_1_2_x86_64");

  private Fixtures() {}

  /** The non-comment lines of a fixture, each split at tabs. */
  static List<String[]> rows(String name) {
    return lines(name).stream().map(line -> line.split("\t", -1)).toList();
  }

  /** An environment's python.tags, most preferred first. */
  static List<String> tags(String environment) {
    return lines(environment + ".txt");
  }

  static Fingerprint fingerprint(String environment) {
    return Fingerprint.of(Map.of("python.tags", new Fact.Sequence(tags(environment))));
  }

  private static List<String> lines(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + name + "; run generate.py");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
