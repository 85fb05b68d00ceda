package dev.sextant.cli.command;

import dev.sextant.cli.CliException;
import dev.sextant.cli.Main;
import dev.sextant.core.compat.Validators;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Validator plug-ins: the jars in {@code $SEXTANT_HOME/plugins} (or {@code $SEXTANT_PLUGINS}),
 * loaded beside Sextant's own class path so that ServiceLoader finds their validators too.
 */
final class Plugins {
  private Plugins() {}

  /** The plug-in directory this command would read, whether or not it exists. */
  static Path directory(Main.Context context) {
    String given = context.env().get("SEXTANT_PLUGINS");
    return given != null && !given.isBlank()
        ? Path.of(given)
        : BackendOptions.home(context).resolve("plugins");
  }

  /** Sextant's validators and those of every plug-in jar. */
  static Validators validators(Main.Context context) {
    Path directory = directory(context);
    List<URL> jars = new ArrayList<>();
    if (Files.isDirectory(directory)) {
      try (Stream<Path> files = Files.list(directory)) {
        for (Path jar :
            files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
          jars.add(url(jar));
        }
      } catch (IOException e) {
        throw CliException.invalid("cannot list plug-ins in " + directory + ": " + e.getMessage());
      }
    }
    ClassLoader parent = Plugins.class.getClassLoader();
    ClassLoader loader =
        jars.isEmpty() ? parent : new URLClassLoader(jars.toArray(URL[]::new), parent);
    try {
      return Validators.load(loader);
    } catch (ServiceConfigurationError | IllegalStateException e) {
      throw CliException.invalid(
          "a validator plug-in in " + directory + " cannot be loaded: " + e.getMessage());
    }
  }

  /** A jar the class loader could not read would be skipped without a word: refuse it instead. */
  private static URL url(Path jar) {
    try (JarFile readable = new JarFile(jar.toFile())) {
      readable.getManifest();
    } catch (IOException e) {
      throw CliException.invalid(
          "plug-in "
              + jar
              + " is not a readable jar ("
              + e.getMessage()
              + "); remove it or replace it");
    }
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw CliException.invalid("plug-in " + jar + " has no usable path: " + e.getMessage());
    }
  }
}
