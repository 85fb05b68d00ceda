package dev.sextant.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Real CPython 3.11 wheel tag lists, as packaging 26.2 orders them (from sextant-core's fixtures). */
final class Tags {
  static final List<String> X86_64 = read("cp311-manylinux_2_35_x86_64.txt");
  static final List<String> AARCH64 = read("cp311-manylinux_2_26_aarch64.txt");

  private Tags() {}

  private static List<String> read(String name) {
    try (InputStream in = Tags.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
