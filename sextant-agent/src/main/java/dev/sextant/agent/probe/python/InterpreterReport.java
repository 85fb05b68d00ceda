package dev.sextant.agent.probe.python;

import dev.sextant.core.python.BuildConfig;
import dev.sextant.core.python.ElfHeader;
import dev.sextant.core.python.ExtensionSuffix;
import dev.sextant.core.python.Implementation;
import dev.sextant.core.python.Interpreter;
import dev.sextant.core.python.Libc;
import dev.sextant.core.python.LinuxPlatforms;
import dev.sextant.core.python.Names;
import dev.sextant.core.python.Os;
import dev.sextant.core.python.Platform;
import dev.sextant.core.python.PythonVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code interpreter.py} printed ({@code key=value} lines), read into an {@link Interpreter}
 * the way packaging reads the same facts inside the interpreter.
 */
public record InterpreterReport(Map<String, String> values) {
  public InterpreterReport {
    values = Map.copyOf(values);
  }

  public static InterpreterReport parse(String output) {
    Map<String, String> values = new LinkedHashMap<>();
    output
        .lines()
        .forEach(
            line -> {
              int eq = line.indexOf('=');
              if (eq > 0) {
                values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
              }
            });
    return new InterpreterReport(values);
  }

  /** The full version as {@code platform.python_version()} says it: {@code 3.11.7}. */
  public Optional<String> fullVersion() {
    return text("version");
  }

  /** The interpreter, or empty when the output lacks its implementation or version. */
  public Optional<Interpreter> interpreter() {
    Optional<String> name = text("implementation");
    Integer major = number("major");
    Integer minor = number("minor");
    if (name.isEmpty() || major == null || minor == null) {
      return Optional.empty();
    }
    Implementation implementation = new Implementation(name.get());
    PythonVersion version = new PythonVersion(major, minor);
    BuildConfig build =
        new BuildConfig(
            number("py_debug"),
            number("gil_disabled"),
            number("with_pymalloc"),
            number("unicode_size"),
            Optional.ofNullable(number("maxunicode")).orElse(0),
            flag("gettotalrefcount"),
            flag("debug_extension"));
    var abis =
        implementation.isCpython()
            ? build.abis(version)
            : ExtensionSuffix.abis(text("ext_suffix").orElse(null), version, build);
    return Optional.of(new Interpreter(implementation, version, abis, platform()));
  }

  private Platform platform() {
    String sysconfig = text("platform").orElse("");
    int pointerBits = Optional.ofNullable(number("pointer_bits")).orElse(64);
    Os os = Os.fromSystem(text("system").orElse(""));
    if (os == Os.LINUX && Names.normalize(sysconfig).startsWith("linux_")) {
      String arch = LinuxPlatforms.architecture(sysconfig, pointerBits);
      return new Platform(Os.LINUX, arch, libc(), elf(), sysconfig, "");
    }
    if (os == Os.MACOS) {
      String arch = macArchitecture(text("mac_machine").orElse(""), pointerBits);
      String release = text("mac_release").orElse("");
      return new Platform(Os.MACOS, arch, Libc.UNKNOWN, Optional.empty(), sysconfig, release);
    }
    // packaging yields sysconfig's platform alone on Linux too when it is not linux-<arch>.
    Os generic = os == Os.WINDOWS ? Os.WINDOWS : Os.OTHER;
    String machine = text("machine").orElse("");
    return new Platform(generic, machine, Libc.UNKNOWN, Optional.empty(), sysconfig, "");
  }

  /** glibc as {@code os.confstr} or {@code gnu_get_libc_version} gave it, else musl's loader. */
  private Libc libc() {
    Optional<Libc> glibc = text("glibc").flatMap(Libc.Glibc::parse).map(Libc.class::cast);
    if (glibc.isPresent()) {
      return glibc.get();
    }
    // The snippet folds the loader's lines into one with " | ".
    return text("musl")
        .flatMap(output -> Libc.Musl.parseLoaderOutput(output.replace(" | ", "\n")))
        .map(Libc.class::cast)
        .orElse(Libc.UNKNOWN);
  }

  private Optional<ElfHeader> elf() {
    Integer elfClass = number("elf_class");
    Integer encoding = number("elf_data");
    Integer machine = number("elf_machine");
    Long flags = longNumber("elf_flags");
    if (elfClass == null || encoding == null || machine == null || flags == null) {
      return Optional.empty();
    }
    return Optional.of(new ElfHeader(elfClass, encoding, machine, flags));
  }

  /** packaging's {@code _mac_arch}: a 32-bit interpreter is {@code ppc} or {@code i386}. */
  private static String macArchitecture(String machine, int pointerBits) {
    if (pointerBits != 32) {
      return machine;
    }
    return machine.startsWith("ppc") ? "ppc" : "i386";
  }

  private Optional<String> text(String key) {
    return Optional.ofNullable(values.get(key)).filter(value -> !value.isEmpty());
  }

  private boolean flag(String key) {
    return text(key).map(value -> value.equals("1") || value.equals("True")).orElse(false);
  }

  private Integer number(String key) {
    Long value = longNumber(key);
    return value == null || value != value.intValue() ? null : value.intValue();
  }

  private Long longNumber(String key) {
    try {
      return text(key).map(Long::parseLong).orElse(null);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
