package dev.sextant.server.targets.local;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One supervised process of a service's track. It is started on a free loopback port, polled on its
 * readiness path, restarted with back-off when it exits by itself, and stopped by SIGTERM to it and
 * its descendants, then SIGKILL to whatever outlives the stop timeout. Its output goes to one log
 * file for all its runs.
 *
 * <p>Every event (an exit, a readiness answer, a due restart) names the process it is about; events
 * about a process that is no longer the current one are ignored, so a late exit of a stopped run
 * cannot restart its successor.
 */
final class Instance {
  private static final Path SETSID = Path.of("/usr/bin/setsid");
  private static final Duration READINESS_POLL = Duration.ofMillis(50);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);
  private static final int SIGTERM_EXIT = 128 + 15;
  // what a program needs to find its tools and speak; the server's own variables (its tokens
  // among them) are not handed down
  private static final List<String> PASSED_DOWN = List.of("PATH", "HOME", "LANG", "LC_ALL", "TZ");

  private final InstanceId id;
  private final InstanceSpec spec;
  private final Path log;
  private final Backoff backoff;
  private final ScheduledExecutorService scheduler;
  private final HttpClient http;
  private final InstanceListener listener;
  private final Executor events;

  // guarded by this
  private InstanceState state = InstanceState.STARTING;
  private Process process;
  private int port;
  private int restarts;
  private int crashesInARow;
  private long readySinceNanos;
  private String reason = "";
  private ScheduledFuture<?> pendingRestart;
  private Stop teardown;
  private boolean grouped;

  Instance(
      InstanceId id,
      InstanceSpec spec,
      Path logDirectory,
      Backoff backoff,
      ScheduledExecutorService scheduler,
      HttpClient http,
      InstanceListener listener,
      Executor events) {
    this.id = id;
    this.spec = spec;
    this.log = id.log(logDirectory);
    this.backoff = backoff;
    this.scheduler = scheduler;
    this.http = http;
    this.listener = listener;
    this.events = events;
  }

  InstanceId id() {
    return id;
  }

  synchronized InstanceStatus status() {
    OptionalLong pid =
        process != null && process.isAlive()
            ? OptionalLong.of(process.pid())
            : OptionalLong.empty();
    return new InstanceStatus(id, state, port, pid, restarts, reason, log);
  }

  /** Starts the first run. */
  void start() {
    synchronized (this) {
      launch();
    }
  }

  // holds the lock
  private void launch() {
    port = Ports.freeLoopbackPort();
    List<String> command = new ArrayList<>();
    grouped = Files.isExecutable(SETSID);
    if (grouped) {
      // its own session and process group: a Ctrl-C at the server's terminal does not reach it,
      // and --wait keeps the exit code ours should setsid have to fork
      command.add(SETSID.toString());
      command.add("--wait");
    }
    command.addAll(spec.command(port));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(spec.workingDirectory().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = builder.environment();
    Map<String, String> inherited = Map.copyOf(env);
    env.clear();
    PASSED_DOWN.stream().filter(inherited::containsKey).forEach(k -> env.put(k, inherited.get(k)));
    env.put("PORT", Integer.toString(port));
    env.putAll(spec.environment(port));
    Process started;
    try {
      // setsid would report a missing program only as its exit code 127, like a crash
      String program = spec.command(port).get(0);
      if (!runnable(program, env.getOrDefault("PATH", ""))) {
        throw new IOException(program + " is not an executable file here or on PATH");
      }
      Files.createDirectories(log.getParent());
      Files.writeString(
          log,
          "--- sextant: run " + (restarts + 1) + " of " + id + " on port " + port + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      started = builder.start();
    } catch (IOException e) {
      // a missing binary or directory does not mend itself by restarting
      process = null;
      change(InstanceState.FAILED, "cannot start " + spec.command(port) + ": " + e.getMessage());
      return;
    }
    process = started;
    change(InstanceState.STARTING, "");
    started.onExit().thenAccept(p -> exited(started));
    long deadline = System.nanoTime() + spec.readinessTimeout().toNanos();
    submit(() -> pollReadiness(started, deadline), Duration.ZERO);
  }

  private boolean runnable(String program, String path) {
    if (program.contains("/")) {
      return Files.isExecutable(spec.workingDirectory().resolve(program));
    }
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }

  private void pollReadiness(Process run, long deadline) {
    int probedPort;
    synchronized (this) {
      if (process != run || state != InstanceState.STARTING) {
        return;
      }
      probedPort = port;
    }
    String answer = probe(probedPort);
    synchronized (this) {
      if (process != run || state != InstanceState.STARTING) {
        return;
      }
      if (answer.isEmpty()) {
        readySinceNanos = System.nanoTime();
        change(InstanceState.READY, "");
      } else if (System.nanoTime() - deadline >= 0) {
        change(
            InstanceState.FAILED,
            "not ready: GET "
                + url(probedPort)
                + " gave no 200 within "
                + spec.readinessTimeout()
                + " (last: "
                + answer
                + ")");
        teardown = terminate(run);
        Stop stop = teardown;
        submit(stop::await, Duration.ZERO);
      } else {
        submit(() -> pollReadiness(run, deadline), READINESS_POLL);
      }
    }
  }

  /** Empty when the readiness path answered 200, else what it did instead. */
  private String probe(int probedPort) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url(probedPort))).timeout(PROBE_TIMEOUT).GET().build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status == 200 ? "" : "status " + status;
    } catch (IOException e) {
      return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private String url(int probedPort) {
    return "http://127.0.0.1:" + probedPort + spec.readinessPath();
  }

  private void exited(Process run) {
    synchronized (this) {
      if (process != run || (state != InstanceState.STARTING && state != InstanceState.READY)) {
        return; // a run we stopped or gave up on, or one already replaced
      }
      if (grouped) {
        // what the crashed run left behind would hold its port and write to its log
        ProcessGroup.members(run.pid()).forEach(ProcessHandle::destroyForcibly);
      }
      boolean wasReady = state == InstanceState.READY;
      if (wasReady && System.nanoTime() - readySinceNanos >= backoff.resetAfter().toNanos()) {
        crashesInARow = 0;
      }
      crashesInARow++;
      Duration delay = backoff.delay(crashesInARow);
      change(
          InstanceState.CRASHED,
          "exited with code "
              + run.exitValue()
              + (wasReady ? "" : " before it was ready")
              + "; restart in "
              + delay);
      pendingRestart = submit(() -> restart(run), delay);
    }
  }

  private synchronized void restart(Process crashed) {
    if (process != crashed || state != InstanceState.CRASHED) {
      return;
    }
    restarts++;
    launch();
  }

  /**
   * Sends SIGTERM to the current run and its descendants; {@link Stop#await} finishes the stop.
   * Called for each instance first, so that all of them get their stop timeout at once.
   */
  synchronized Stop beginStop() {
    if (pendingRestart != null) {
      pendingRestart.cancel(false);
    }
    if (state == InstanceState.FAILED && teardown != null) {
      return teardown; // waited for again, so that no process outlives the supervisor
    }
    if (state == InstanceState.STOPPED || state == InstanceState.FAILED) {
      return new Stop(null, Set.of(), false, 0);
    }
    if (state == InstanceState.CRASHED) {
      change(InstanceState.STOPPED, "stopped while waiting to restart");
      return new Stop(null, Set.of(), false, 0);
    }
    change(InstanceState.STOPPING, "");
    return terminate(process);
  }

  // holds the lock
  private Stop terminate(Process run) {
    if (run == null || !run.isAlive()) {
      return new Stop(run, Set.of(), grouped, System.nanoTime());
    }
    Set<ProcessHandle> family = new LinkedHashSet<>();
    // taken before the signal: once the parent is gone its children are reparented and lost
    run.descendants().forEach(family::add);
    if (grouped) {
      family.addAll(ProcessGroup.members(run.pid()));
      family.remove(run.toHandle());
    }
    run.destroy();
    family.forEach(ProcessHandle::destroy);
    return new Stop(run, family, grouped, System.nanoTime() + spec.stopTimeout().toNanos());
  }

  /** A stop under way: the run told to terminate, its descendants, and when patience ends. */
  final class Stop {
    private final Process run;
    private final Set<ProcessHandle> family;
    private final boolean grouped;
    private final long deadline;

    private Stop(Process run, Set<ProcessHandle> family, boolean grouped, long deadline) {
      this.run = run;
      this.family = family;
      this.grouped = grouped;
      this.deadline = deadline;
    }

    /** Waits until the run and its descendants are gone, killing them at the stop timeout. */
    void await() {
      boolean killed = false;
      if (run != null) {
        try {
          waitUntil(run.toHandle());
          family.forEach(this::waitUntil);
          Set<ProcessHandle> left = new LinkedHashSet<>(family);
          run.descendants().forEach(left::add);
          if (grouped) {
            left.addAll(ProcessGroup.members(run.pid()));
          }
          left.add(run.toHandle());
          left.removeIf(h -> !h.isAlive());
          for (ProcessHandle h : left) {
            killed = true;
            h.destroyForcibly();
          }
          for (ProcessHandle h : left) {
            h.onExit().get(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
          }
          run.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (Exception e) {
          // a process that survives SIGKILL for seconds: say so below rather than hang
        }
      }
      finished(run, killed);
    }

    private void waitUntil(ProcessHandle h) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        h.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        // the timeout, or a handle that cannot be waited on: checked by isAlive afterwards
      }
    }
  }

  private synchronized void finished(Process run, boolean killed) {
    if (process != run) {
      return;
    }
    String how;
    if (run == null) {
      how = "";
    } else if (run.isAlive()) {
      how = "still running after SIGKILL (pid " + run.pid() + ")";
    } else if (killed) {
      how = "killed after the stop timeout of " + spec.stopTimeout();
    } else if (run.exitValue() == 0 || run.exitValue() == SIGTERM_EXIT) {
      how = "stopped";
    } else {
      how = "exited with code " + run.exitValue() + " when stopped";
    }
    if (state == InstanceState.STOPPING) {
      change(InstanceState.STOPPED, how);
    } else if (state == InstanceState.FAILED && !how.isEmpty() && !reason.endsWith(how)) {
      reason = reason + "; " + how;
    }
  }

  // holds the lock
  private void change(InstanceState next, String why) {
    state = next;
    reason = why;
    InstanceStatus status = status();
    // told outside this lock, in order: a listener that reads other instances cannot deadlock
    try {
      events.execute(() -> tell(status));
    } catch (RejectedExecutionException e) {
      // the supervisor is closing; nobody is listening any more
    }
  }

  private void tell(InstanceStatus status) {
    try {
      listener.changed(status);
    } catch (RuntimeException e) {
      // a listener's failure is its own; the instance goes on being supervised
    }
  }

  private ScheduledFuture<?> submit(Runnable task, Duration delay) {
    try {
      return scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      return null; // the supervisor is closing
    }
  }
}
