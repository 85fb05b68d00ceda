package dev.sextant.core.python;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an interpreter runs, as far as wheel platform tags care.
 *
 * @param os the OS family
 * @param architecture the architecture wheels must be built for: on Linux after packaging's 32-bit
 *     correction ({@code i686} for a 32-bit interpreter on an x86_64 kernel, {@code armv8l} on
 *     aarch64); on macOS after {@code _mac_arch} ({@code arm64}, {@code x86_64}, {@code i386})
 * @param libc the C library (Linux)
 * @param executable the interpreter's ELF header, when read (Linux)
 * @param sysconfigPlatform {@code sysconfig.get_platform()}, such as {@code linux-x86_64} or {@code
 *     win-amd64}: the one platform tag of Windows and other systems
 * @param osVersion the macOS release ({@code 14.2}); empty elsewhere
 */
public record Platform(
    Os os,
    String architecture,
    Libc libc,
    Optional<ElfHeader> executable,
    String sysconfigPlatform,
    String osVersion) {
  public Platform {
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(libc, "libc");
    Objects.requireNonNull(executable, "executable");
    Objects.requireNonNull(sysconfigPlatform, "sysconfigPlatform");
    Objects.requireNonNull(osVersion, "osVersion");
  }

  /**
   * Linux with the executable a build for that architecture would have: hard-float ARM for {@code
   * armv7l} and {@code armv8l}, i386 for {@code i686}; 64-bit architectures need no header.
   */
  public static Platform linux(String architecture, Libc libc) {
    Optional<ElfHeader> elf =
        switch (architecture) {
          case "i686" -> Optional.of(ElfHeader.i386());
          case "armv7l", "armv8l" -> Optional.of(ElfHeader.armhf());
          default -> Optional.empty();
        };
    return linux(architecture, libc, elf);
  }

  public static Platform linux(String architecture, Libc libc, Optional<ElfHeader> executable) {
    return new Platform(Os.LINUX, architecture, libc, executable, "linux-" + architecture, "");
  }

  /**
   * macOS at a release such as {@code 14.2} or {@code 10.15.7}, for {@code arm64} or {@code
   * x86_64}.
   */
  public static Platform macos(String release, String architecture) {
    return new Platform(
        Os.MACOS,
        architecture,
        Libc.UNKNOWN,
        Optional.empty(),
        "macosx-" + release + "-" + architecture,
        release);
  }

  /**
   * Windows by its {@code sysconfig.get_platform()}: {@code win-amd64}, {@code win32}, {@code
   * win-arm64}.
   */
  public static Platform windows(String sysconfigPlatform) {
    String arch =
        sysconfigPlatform.equals("win32")
            ? "x86"
            : sysconfigPlatform.substring(sysconfigPlatform.indexOf('-') + 1);
    return new Platform(Os.WINDOWS, arch, Libc.UNKNOWN, Optional.empty(), sysconfigPlatform, "");
  }
}
