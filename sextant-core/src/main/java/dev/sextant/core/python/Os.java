package dev.sextant.core.python;

/** The operating system family, which picks how platform tags are made. */
public enum Os {
  /** manylinux, musllinux, then {@code linux_<arch>}. */
  LINUX,
  /** {@code macosx_<major>_<minor>_<format>}. */
  MACOS,
  /** {@code win_amd64}, {@code win32}, {@code win_arm64}: one tag. */
  WINDOWS,
  /** Anything else: the one tag {@code sysconfig.get_platform()} gives. */
  OTHER;

  /** From {@code platform.system()}: {@code Linux}, {@code Darwin}, {@code Windows}, … */
  public static Os fromSystem(String system) {
    return switch (system) {
      case "Linux" -> LINUX;
      case "Darwin" -> MACOS;
      case "Windows" -> WINDOWS;
      default -> OTHER;
    };
  }
}
