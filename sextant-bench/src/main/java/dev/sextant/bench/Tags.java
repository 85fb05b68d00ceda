package dev.sextant.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Real CPython 3.11 wheel tag lists, as packaging orders them: sextant-core's test fixtures, read
 * where they are (bench/run runs from the repository's root).
 */
final class Tags {
  private static final Path FIXTURES =
      Path.of(
          "sextant-core", "src", "test", "resources", "dev", "sextant", "core", "compat", "wheel");

  static final List<String> X86_64 = read("cp311-manylinux_2_35_x86_64.txt");
  static final List<String> AARCH64 = read("cp311-manylinux_2_26_aarch64.txt");

  private Tags() {}

  private static List<String> read(String name) {
    try {
      return Files.readAllLines(FIXTURES.resolve(name)).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the tag list "
              + FIXTURES.resolve(name)
              + "; run bench/run from the repository's root",
          e);
    }
  }
}
