package dev.sextant.cli.input;

import dev.sextant.core.document.DocumentReader;
import dev.sextant.core.document.Limits;
import dev.sextant.core.validation.Input;
import dev.sextant.core.validation.InvalidInputException;
import dev.sextant.core.validation.Position;
import dev.sextant.core.validation.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The inputs named by {@code -f}: files, directories (searched recursively for .yaml, .yml and
 * .json, in name order) and {@code -} for standard input. No file is read past the size limit, so a
 * huge file costs nothing but its refusal.
 */
public final class ResourceFiles {
  private final Limits limits;
  private final InputStream stdin;

  public ResourceFiles(Limits limits, InputStream stdin) {
    this.limits = limits;
    this.stdin = stdin;
  }

  /**
   * @throws InvalidInputException naming every path that could not be read
   */
  public List<Input> read(List<String> names) {
    List<Input> inputs = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (String name : names) {
      if (name.equals("-")) {
        byte[] bytes = readLimited(stdin);
        if (bytes.length > limits.maxBytes()) {
          problems.add(DocumentReader.tooLarge("<stdin>", bytes.length, false, limits));
        } else {
          inputs.add(new Input("<stdin>", bytes));
        }
        continue;
      }
      Path path = Path.of(name);
      if (Files.isDirectory(path)) {
        int before = problems.size();
        List<Path> files = manifests(path, problems);
        if (files.isEmpty() && problems.size() == before) {
          problems.add(
              new Problem(
                  name, Position.FILE, "", "directory holds no .yaml, .yml or .json files"));
        }
        files.forEach(file -> readFile(file, inputs, problems));
      } else if (Files.exists(path)) {
        readFile(path, inputs, problems);
      } else {
        problems.add(new Problem(name, Position.FILE, "", "no such file or directory"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return inputs;
  }

  private List<Path> manifests(Path directory, List<Problem> problems) {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile).filter(ResourceFiles::isManifest).sorted().toList();
    } catch (IOException e) {
      problems.add(
          new Problem(
              directory.toString(), Position.FILE, "", "cannot list directory: " + e.getMessage()));
      return List.of();
    }
  }

  private static boolean isManifest(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private void readFile(Path file, List<Input> inputs, List<Problem> problems) {
    String name = file.toString();
    try (InputStream in = Files.newInputStream(file)) {
      long size = Files.size(file);
      if (size > limits.maxBytes()) {
        problems.add(DocumentReader.tooLarge(name, size, true, limits));
        return;
      }
      inputs.add(new Input(name, readLimited(in)));
    } catch (IOException e) {
      problems.add(new Problem(name, Position.FILE, "", "cannot read file: " + e.getMessage()));
    }
  }

  /** Reads at most one byte past the limit: enough to know that a stream is too large. */
  private byte[] readLimited(InputStream in) {
    try {
      return in.readNBytes(limits.maxBytes() + 1);
    } catch (IOException e) {
      throw new InvalidInputException(
          List.of(new Problem("<stdin>", Position.FILE, "", "cannot read: " + e.getMessage())));
    }
  }
}
