package dev.sextant.agent.probe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The filesystems worth a {@code disk.*} fact, from {@code /proc/self/mounts}: local block-device
 * filesystems, plus the root whatever its type (a container's root is an overlay). Pseudo and
 * network filesystems are left out, and so is what container runtimes and the kubelet mount, which
 * comes and goes with workloads and would make every fingerprint differ.
 */
final class Mounts {
  private Mounts() {}

  static final Set<String> LOCAL_TYPES =
      Set.of(
          "ext2",
          "ext3",
          "ext4",
          "xfs",
          "btrfs",
          "zfs",
          "f2fs",
          "jfs",
          "reiserfs",
          "bcachefs",
          "vfat",
          "exfat",
          "ntfs",
          "ntfs3",
          "fuseblk");

  private static final List<String> SKIPPED_PREFIXES =
      List.of(
          "/proc/",
          "/sys/",
          "/dev/",
          "/run/",
          "/snap/",
          "/var/snap/",
          "/var/lib/docker/",
          "/var/lib/containers/",
          "/var/lib/kubelet/",
          "/var/lib/containerd/");

  record Mount(String device, String path, String type) {}

  /** Candidate mounts in file order; one device mounted twice (a bind mount) is still two here. */
  static List<Mount> parse(String text) {
    List<Mount> mounts = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] fields = line.strip().split("\\s+");
      if (fields.length < 3) {
        continue;
      }
      Mount mount = new Mount(unescape(fields[0]), unescape(fields[1]), fields[2]);
      if (worthReporting(mount)) {
        mounts.add(mount);
      }
    }
    return mounts;
  }

  /**
   * One mount per device: the shortest path, which is where the filesystem itself is mounted and
   * not one of its bind mounts. The root is kept whatever shares its device.
   */
  static List<Mount> onePerDevice(List<Mount> mounts) {
    Map<String, Mount> byDevice = new LinkedHashMap<>();
    Comparator<Mount> preferred =
        Comparator.comparing((Mount m) -> !m.path().equals("/"))
            .thenComparingInt(m -> m.path().length())
            .thenComparing(Mount::path);
    for (Mount mount : mounts) {
      byDevice.merge(mount.device(), mount, (a, b) -> preferred.compare(a, b) <= 0 ? a : b);
    }
    return List.copyOf(byDevice.values());
  }

  /**
   * {@code disk.root.total} for {@code /}; otherwise the path's segments joined with dots, each
   * lower-cased with characters other than letters, digits, {@code _} and {@code -} made {@code _}:
   * {@code /boot/efi} gives {@code disk.boot.efi.total}.
   */
  static String factKey(String path) {
    if (path.equals("/")) {
      return "disk.root.total";
    }
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(segment.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_"));
      }
    }
    return "disk." + String.join(".", segments) + ".total";
  }

  private static boolean worthReporting(Mount mount) {
    if (mount.path().equals("/")) {
      return true;
    }
    String dir = mount.path() + "/";
    return LOCAL_TYPES.contains(mount.type())
        && SKIPPED_PREFIXES.stream().noneMatch(dir::startsWith);
  }

  /** The kernel writes space, tab, newline and backslash in paths as octal escapes. */
  static String unescape(String field) {
    if (field.indexOf('\\') < 0) {
      return field;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\'
          && i + 3 < field.length()
          && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
