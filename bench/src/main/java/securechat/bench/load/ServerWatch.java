package securechat.bench.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The server's figures for a load run when they can be had: a {@link ServerProbe} on the server we
 * started, or on a running one whose process id was given; otherwise a note saying why not.
 */
final class ServerWatch implements AutoCloseable {
  private static final long MIB = 1024 * 1024;

  private final Optional<ServerProbe> probe;
  private final Optional<ServerProcess> process;
  private final Path scratch;
  private String note;

  private ServerWatch(
      Optional<ServerProbe> probe, Optional<ServerProcess> process, Path scratch, String note) {
    this.probe = probe;
    this.process = process;
    this.scratch = scratch;
    this.note = note;
  }

  /**
   * Attaches to the server and starts sampling.
   *
   * @param server the server this run started, or null when it loads a running one
   * @param scratch a folder for the thread dump
   */
  static ServerWatch start(ServerProcess server, LoadSettings settings, Path scratch) {
    OptionalLong pid = server != null ? OptionalLong.of(server.pid()) : settings.serverPid();
    Optional<ServerProcess> process = Optional.ofNullable(server);
    if (pid.isEmpty()) {
      return new ServerWatch(
          Optional.empty(),
          process,
          scratch,
          "heap and threads not measured: with --connect, give the server's process id with"
              + " --server-pid (it must run on this machine, as this user)");
    }
    try {
      ServerProbe probe = ServerProbe.attach(pid.getAsLong());
      probe.startMeasuring();
      return new ServerWatch(Optional.of(probe), process, scratch, "");
    } catch (IOException | RuntimeException e) {
      return new ServerWatch(
          Optional.empty(),
          process,
          scratch,
          "heap and threads not measured: cannot attach to process "
              + pid.getAsLong()
              + ": "
              + Errors.kind(e));
    }
  }

  /** From now on the CPU and GC figures count: the measured phase begins. */
  void markMeasuredPhase() {
    probe.ifPresent(ServerProbe::markMeasuredPhase);
  }

  /** {@code server heap 412 MiB}, for the progress line; empty without a probe. */
  String heapStatus() {
    try {
      return probe.map(p -> "  server heap " + p.heapUsedBytes() / MIB + " MiB").orElse("");
    } catch (RuntimeException serverGone) {
      return "";
    }
  }

  /** The final figures (a full GC first), or empty with {@link #note()} saying why. */
  Optional<ServerFigures> finish() throws InterruptedException {
    if (probe.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(probe.get().finish(scratch));
    } catch (IOException | RuntimeException e) {
      note = "the server's figures could not be read at the end: " + Errors.kind(e);
      return Optional.empty();
    }
  }

  /** Why there are no figures, and whether the server logged a bug; empty when all is well. */
  String note() {
    long bugs = process.map(ServerProcess::bugLines).orElse(0L);
    String bugNote = bugs == 0 ? "" : "the server logged " + bugs + " BUG line(s)";
    if (note.isEmpty() || bugNote.isEmpty()) {
      return note + bugNote;
    }
    return note + "; " + bugNote;
  }

  @Override
  public void close() {
    probe.ifPresent(
        p -> {
          try {
            p.close();
          } catch (IOException e) {
            // The connection to a stopping server: nothing to report.
          }
        });
  }
}
