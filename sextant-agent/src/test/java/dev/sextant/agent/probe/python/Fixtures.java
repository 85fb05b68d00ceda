package dev.sextant.agent.probe.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the files under {@code src/test/resources/dev/sextant/agent/probe/python}. */
final class Fixtures {
  private Fixtures() {}

  static String text(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A tag list written by {@code generate_tag_fixtures.py}: one tag a line, {@code #} comments. */
  static List<String> tags(String name) {
    return text("tags/" + name + ".txt").lines().filter(line -> !line.startsWith("#")).toList();
  }
}
