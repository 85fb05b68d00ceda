package dev.sextant.server.targets.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The live members of a process group, read from Linux's {@code /proc}. An instance started under
 * setsid leads its own group, so the group still finds the children it leaves behind when it dies:
 * {@link ProcessHandle#descendants()} loses them once they are reparented.
 */
final class ProcessGroup {
  private static final Path PROC = Path.of("/proc");

  private ProcessGroup() {}

  /** The processes in group {@code pgid}; none where there is no {@code /proc}. */
  static List<ProcessHandle> members(long pgid) {
    if (!Files.isDirectory(PROC)) {
      return List.of();
    }
    return ProcessHandle.allProcesses().filter(p -> groupOf(p.pid()) == pgid).toList();
  }

  /** The group in {@code /proc/<pid>/stat}, or -1 when the process is gone or unreadable. */
  static long groupOf(long pid) {
    try {
      String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
      // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so count from
      // the last ')'
      String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(after[2]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
