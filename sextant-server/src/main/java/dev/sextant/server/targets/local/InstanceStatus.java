package dev.sextant.server.targets.local;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * A snapshot of one instance.
 *
 * @param port the port its current (or last) process was given
 * @param pid its current process, empty when none runs
 * @param restarts how often it was restarted after a crash
 * @param reason why it is in this state, in words; empty when there is nothing to say
 */
public record InstanceStatus(
    InstanceId id,
    InstanceState state,
    int port,
    OptionalLong pid,
    int restarts,
    String reason,
    Path log) {}
