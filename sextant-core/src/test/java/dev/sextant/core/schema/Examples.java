package dev.sextant.core.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/** The resources in the project's {@code examples/} folder, read as the CLI reads YAML. */
public final class Examples {
  /** Tests run in the module's folder; the examples sit beside the modules. */
  public static final Path ROOT = Path.of("..", "examples");

  private static final ObjectMapper JSON = new ObjectMapper();

  private Examples() {}

  public static List<Path> files() {
    try (Stream<Path> paths = Files.walk(ROOT)) {
      return paths
          .filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An example by its path under {@code examples/}, as a fresh tree the caller may change. */
  public static ObjectNode named(String relative) {
    return read(ROOT.resolve(relative));
  }

  public static ObjectNode read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ObjectNode parse(String yaml) {
    Object loaded = new Yaml().load(yaml);
    return JSON.valueToTree(loaded);
  }
}
