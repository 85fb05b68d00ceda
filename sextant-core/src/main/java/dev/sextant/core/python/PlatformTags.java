package dev.sextant.core.python;

import java.util.List;

/** The platform part of tags, best first, by OS: packaging's {@code tags.platform_tags}. */
public final class PlatformTags {
  private PlatformTags() {}

  public static List<String> of(Platform platform) {
    return switch (platform.os()) {
      case LINUX -> LinuxPlatforms.tags(platform);
      case MACOS -> MacPlatforms.tags(platform);
      // Windows and the rest: one tag, sysconfig's platform spelled as a tag (win-amd64 →
      // win_amd64).
      case WINDOWS, OTHER -> List.of(Names.normalize(platform.sysconfigPlatform()));
    };
  }
}
