package dev.sextant.core.python;

import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.python.Libc.Glibc;
import dev.sextant.core.python.Libc.Musl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Python interpreter a fingerprint's facts describe, for fingerprints written by hand without
 * the {@code python.tags} the probe collects: from it {@link SupportedTags} computes the tags as
 * the probe does.
 *
 * <p>What such a fingerprint does not say is taken to be the common case: Linux (the libc says so),
 * a 64-bit interpreter built for {@code cpu.arch}, and a release build unless {@code python.abi}
 * names CPython's debug or free-threaded ABI. Other implementations need their {@code python.abi}
 * ({@code pypy310_pp73}), which only the interpreter knows.
 */
public final class InterpreterFacts {
  private static final String IMPLEMENTATION = "python.implementation";
  private static final String VERSION = "python.version";
  private static final String ABI = "python.abi";
  private static final String LIBC_FAMILY = "libc.family";
  private static final String LIBC_VERSION = "libc.version";
  private static final String ARCH = "cpu.arch";
  private static final List<String> NEEDED =
      List.of(IMPLEMENTATION, VERSION, LIBC_FAMILY, LIBC_VERSION, ARCH);
  private static final Pattern MAJOR_MINOR = Pattern.compile("([0-9]{1,4})\\.([0-9]{1,4})");
  private static final List<BuildConfig> CPYTHON_BUILDS =
      List.of(BuildConfig.release(), BuildConfig.debug(), BuildConfig.freeThreaded());

  /**
   * What the facts say.
   *
   * @param interpreter the interpreter, when the facts name one
   * @param facts the facts it was read from
   * @param why why there is none, when there is none
   */
  public record Reading(Optional<Interpreter> interpreter, List<String> facts, String why) {
    static Reading of(Interpreter interpreter, List<String> facts) {
      return new Reading(Optional.of(interpreter), facts, "");
    }

    static Reading none(String why) {
      return new Reading(Optional.empty(), List.of(), why);
    }
  }

  private InterpreterFacts() {}

  /** The interpreter the fingerprint's facts describe, or why they describe none. */
  public static Reading read(Fingerprint fingerprint) {
    List<String> missing = NEEDED.stream().filter(key -> fingerprint.fact(key).isEmpty()).toList();
    if (!missing.isEmpty()) {
      return Reading.none(
          "the fingerprint lacks "
              + String.join(", ", missing)
              + " (deriving them needs "
              + String.join(", ", NEEDED)
              + ")");
    }
    String versionText = text(fingerprint, VERSION);
    Matcher m = MAJOR_MINOR.matcher(versionText);
    if (!m.lookingAt()) {
      return Reading.none(VERSION + " is \"" + versionText + "\", not a version such as 3.11.9");
    }
    PythonVersion version =
        new PythonVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    Optional<Libc> libc = libc(text(fingerprint, LIBC_FAMILY), text(fingerprint, LIBC_VERSION));
    if (libc.isEmpty()) {
      return Reading.none(
          LIBC_FAMILY
              + " is \""
              + text(fingerprint, LIBC_FAMILY)
              + "\" and "
              + LIBC_VERSION
              + " \""
              + text(fingerprint, LIBC_VERSION)
              + "\"; expected glibc or musl and a version such as 2.35");
    }
    Implementation implementation = new Implementation(text(fingerprint, IMPLEMENTATION));
    Optional<String> abi = fingerprint.fact(ABI).map(Fact::display);
    Optional<List<String>> abis =
        implementation.isCpython() ? cpythonAbis(version, abi) : abi.map(List::of);
    if (abis.isEmpty()) {
      return Reading.none(
          abi.isEmpty()
              ? "the fingerprint lacks "
                  + ABI
                  + ", which "
                  + implementation.name()
                  + " needs (such as pypy310_pp73)"
              : ABI
                  + " is \""
                  + abi.get()
                  + "\", which is not the ABI of a CPython "
                  + version
                  + " release, debug or free-threaded build");
    }
    Platform platform = Platform.linux(text(fingerprint, ARCH), libc.get());
    List<String> facts = new ArrayList<>(NEEDED);
    abi.ifPresent(a -> facts.add(2, ABI));
    return Reading.of(
        new Interpreter(implementation, version, abis.get(), platform), List.copyOf(facts));
  }

  private static Optional<List<String>> cpythonAbis(PythonVersion version, Optional<String> abi) {
    if (abi.isEmpty()) {
      return Optional.of(BuildConfig.release().abis(version));
    }
    return CPYTHON_BUILDS.stream()
        .map(build -> build.abis(version))
        .filter(abis -> abis.get(0).equals(abi.get()))
        .findFirst();
  }

  private static Optional<Libc> libc(String family, String version) {
    Matcher m = MAJOR_MINOR.matcher(version);
    if (!m.lookingAt()) {
      return Optional.empty();
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    return switch (family) {
      case "glibc" -> Optional.of(new Glibc(major, minor));
      case "musl" -> Optional.of(new Musl(major, minor));
      default -> Optional.empty();
    };
  }

  private static String text(Fingerprint fingerprint, String key) {
    return fingerprint.fact(key).map(Fact::display).orElse("");
  }
}
