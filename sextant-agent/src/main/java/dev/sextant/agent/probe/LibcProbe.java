package dev.sextant.agent.probe;

import dev.sextant.core.fingerprint.Fact;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The C library: {@code libc.family} ({@code glibc} or {@code musl}) and {@code libc.version},
 * which decide the manylinux and musllinux wheels and the binaries a host can run.
 *
 * <p>Asked in this order: {@code getconf GNU_LIBC_VERSION} (glibc only; musl's getconf rejects the
 * variable); musl's dynamic loader, which prints its version when run without arguments (this is
 * how pip tells musl's version); and last {@code ldd --version}, which glibc answers on stdout.
 * Alpine's {@code ldd} is a script around the musl loader that fails on {@code --version}, so it
 * cannot come first.
 */
public final class LibcProbe implements Probe {
  static final Duration TIMEOUT = Duration.ofSeconds(2);

  /** Where musl's loader lives, by the architecture names musl uses. */
  static final List<String> MUSL_LOADERS =
      List.of(
          "/lib/ld-musl-x86_64.so.1",
          "/lib/ld-musl-aarch64.so.1",
          "/lib/ld-musl-armhf.so.1",
          "/lib/ld-musl-armv7.so.1",
          "/lib/ld-musl-i386.so.1",
          "/lib/ld-musl-powerpc64le.so.1",
          "/lib/ld-musl-s390x.so.1",
          "/lib/ld-musl-riscv64.so.1");

  private static final Pattern GETCONF = Pattern.compile("^glibc\\s+([0-9]+(?:\\.[0-9]+)+)");
  // "Version 1.2.4" or, for Alpine's snapshots, "Version 1.2.4_git20230717": the dotted part.
  private static final Pattern MUSL_VERSION =
      Pattern.compile("(?m)^Version\\s+([0-9]+(?:\\.[0-9]+)+)");
  // "ldd (Debian GLIBC 2.36-9+deb12u4) 2.36" or "ldd (GNU libc) 2.34": the last word.
  private static final Pattern LDD_GLIBC =
      Pattern.compile("^ldd \\((?:.*GLIBC.*|GNU libc)\\)\\s+([0-9]+(?:\\.[0-9]+)+)");

  @Override
  public String name() {
    return "libc";
  }

  @Override
  public ProbeResult probe(ProbeContext context) {
    CommandResult getconf = context.run(TIMEOUT, "getconf", "GNU_LIBC_VERSION");
    if (getconf.succeeded()) {
      Optional<String> version = match(GETCONF, getconf.stdout().strip());
      if (version.isPresent()) {
        return libc("glibc", version);
      }
    }
    for (String loader : MUSL_LOADERS) {
      if (context.exists(loader)) {
        // Exits 1 after printing its banner on stderr; the banner is what is wanted.
        CommandResult banner = context.run(TIMEOUT, loader);
        return libc("musl", match(MUSL_VERSION, banner.output()));
      }
    }
    CommandResult ldd = context.run(TIMEOUT, "ldd", "--version");
    String output = ldd.output();
    Optional<String> glibc = match(LDD_GLIBC, output.strip());
    if (glibc.isPresent()) {
      return libc("glibc", glibc);
    }
    if (output.contains("musl")) {
      return libc("musl", match(MUSL_VERSION, output));
    }
    return ProbeResult.builder()
        .warning(
            "libc unknown: getconf "
                + getconf.describe()
                + ", no musl loader, ldd "
                + ldd.describe())
        .build();
  }

  private static ProbeResult libc(String family, Optional<String> version) {
    ProbeResult.Builder out = ProbeResult.builder().fact("libc.family", new Fact.Text(family));
    version.ifPresentOrElse(
        v -> out.fact("libc.version", new Fact.Version(v)),
        () -> out.warning(family + " found but its version could not be read"));
    return out.build();
  }

  private static Optional<String> match(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
