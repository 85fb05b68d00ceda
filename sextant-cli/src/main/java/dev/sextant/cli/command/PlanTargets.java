package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.agent.probe.StandardProbes;
import dev.sextant.cli.CliException;
import dev.sextant.cli.backend.Backend;
import dev.sextant.core.fingerprint.FactTypes;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.FingerprintFiles;
import dev.sextant.core.fingerprint.FingerprintVerifier;
import dev.sextant.core.fingerprint.ParsedFingerprint;
import dev.sextant.core.plan.Target;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.core.resource.spec.EnvironmentSpec;
import dev.sextant.core.resource.spec.Specs;
import dev.sextant.core.validation.InvalidInputException;
import dev.sextant.server.store.Revision;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Where {@code plan} gets its environments: fingerprint files, this host, or the store. */
final class PlanTargets {
  /** Fingerprint files bigger than this are refused before reading: a real one is tens of KiB. */
  private static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

  private PlanTargets() {}

  /**
   * Fingerprint files, each given as a file or as a directory whose {@code .yaml}, {@code .yml} and
   * {@code .json} files are read, searched recursively in name order as {@code -f} does.
   *
   * @throws CliException when a directory holds no fingerprint file, or when two files name the
   *     same environment (both files are named: a copied file keeps its {@code environment})
   * @param err where warnings about the files go
   */
  static List<Target> files(List<Path> paths, List<PublicKey> trusted, PrintWriter err) {
    List<Target> targets = new ArrayList<>();
    Map<String, Path> byName = new HashMap<>();
    for (Path given : paths) {
      for (Path path : Files.isDirectory(given) ? fingerprintFiles(given) : List.of(given)) {
        Target target = file(path, trusted, err);
        Path other = byName.putIfAbsent(target.environment(), path);
        if (other != null) {
          throw CliException.invalid(
              "--fingerprint "
                  + other
                  + " and "
                  + path
                  + " both describe environment "
                  + target.environment()
                  + "; a plan has one fingerprint per environment (give one of them, or change"
                  + " the `environment` field of one)");
        }
        targets.add(target);
      }
    }
    return targets;
  }

  private static List<Path> fingerprintFiles(Path directory) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(PlanTargets::isFingerprintFile)
              .sorted()
              .toList();
    } catch (IOException e) {
      throw CliException.invalid(
          "--fingerprint " + directory + ": cannot list directory (" + e.getMessage() + ")");
    }
    if (files.isEmpty()) {
      throw CliException.invalid(
          "--fingerprint " + directory + ": directory holds no .yaml, .yml or .json files");
    }
    return files;
  }

  private static boolean isFingerprintFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  /**
   * A fingerprint file, named by its {@code environment} field or else by its file name.
   *
   * @param trusted keys to check its signature with; none means no signature check
   * @param err where warnings about the file go
   */
  static Target file(Path path, List<PublicKey> trusted, PrintWriter err) {
    byte[] bytes;
    try {
      if (Files.size(path) > MAX_FILE_BYTES) {
        throw CliException.invalid(
            "--fingerprint "
                + path
                + ": "
                + Files.size(path)
                + " bytes; expected at most "
                + MAX_FILE_BYTES);
      }
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw CliException.invalid("--fingerprint " + path + ": no such file");
    } catch (IOException e) {
      throw CliException.invalid(
          "--fingerprint " + path + ": cannot read (" + e.getMessage() + ")");
    }
    ParsedFingerprint parsed = FingerprintFiles.read(path.toString(), bytes);
    parsed.warnings().forEach(w -> err.println("warning: " + w.format()));
    if (!parsed.ok()) {
      throw new InvalidInputException(parsed.problems());
    }
    Fingerprint fingerprint = parsed.orThrow();
    String name = fingerprint.environment().orElseGet(() -> stem(path));
    return new Target(
        name,
        Target.Origin.FINGERPRINT_FILE,
        fingerprint,
        fingerprint.digests().whole(),
        trusted.isEmpty()
            ? Optional.empty()
            : Optional.of(FingerprintVerifier.trusting(trusted).verify(fingerprint)),
        Optional.empty());
  }

  /** This host, probed now. */
  static Target thisHost() {
    Fingerprint fingerprint = Fingerprint.of(StandardProbes.discoverThisHost(List.of()).facts());
    return Target.of("this-host", Target.Origin.THIS_HOST, fingerprint);
  }

  /**
   * Stored Environments: the named ones and those matching the selector, each with its latest
   * fingerprint, or its declared facts when none was recorded, and blocked when its drift blocks.
   */
  static List<Target> stored(Backend backend, List<String> names, Optional<String> selector) {
    Map<String, Revision> environments = new TreeMap<>();
    for (String name : names) {
      Revision revision =
          backend
              .latest(new ResourceKey(Kind.ENVIRONMENT, name))
              .orElseThrow(
                  () ->
                      CliException.notFound(
                          "environment "
                              + name
                              + " is not declared (sextant get environments lists them)"));
      environments.put(name, revision);
    }
    selector.ifPresent(
        s -> {
          List<Revision> matching = backend.list(Optional.of(Kind.ENVIRONMENT), s);
          if (matching.isEmpty()) {
            throw CliException.notFound("no environment matches -l " + s);
          }
          matching.forEach(r -> environments.put(r.key().name(), r));
        });
    List<Target> targets = new ArrayList<>();
    environments.forEach((name, revision) -> targets.add(stored(backend, name, revision)));
    return targets;
  }

  private static Target stored(Backend backend, String name, Revision revision) {
    Optional<JsonNode> latest = backend.latestFingerprint(name);
    Fingerprint fingerprint;
    Target.Origin origin;
    if (latest.isPresent()) {
      ObjectNode document = (ObjectNode) latest.get().deepCopy();
      document.remove("status");
      fingerprint =
          FingerprintFiles.parse(
              "environment " + name, document.toString().getBytes(StandardCharsets.UTF_8));
      origin = Target.Origin.OBSERVED;
    } else {
      EnvironmentSpec spec =
          (EnvironmentSpec) Specs.read(Kind.ENVIRONMENT, revision.document().path("spec"));
      Map<String, dev.sextant.core.fingerprint.Fact> declared = new TreeMap<>();
      spec.facts().forEach((key, value) -> declared.put(key, FactTypes.declared(key, value)));
      fingerprint = Fingerprint.of(declared);
      origin = Target.Origin.DECLARED;
    }
    JsonNode drift = latest.isPresent() ? backend.drift(name) : null;
    Optional<String> blocked =
        drift != null && drift.path("blocked").asBoolean(false)
            ? Optional.of(Target.blockedByDrift(name))
            : Optional.empty();
    return new Target(
        name, origin, fingerprint, fingerprint.digests().whole(), Optional.empty(), blocked);
  }

  private static String stem(Path path) {
    String file = path.getFileName().toString();
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }
}
