package securechat.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Reads the server's heap, threads and CPU from inside its own JVM: attaches to the process with
 * the JDK's attach API, starts its local JMX agent, and asks the platform MXBeans. No option on the
 * server is needed, but the server must run on this machine as the same user.
 *
 * <pre>{@code
 * try (ServerProbe probe = ServerProbe.attach(pid)) {
 *   probe.startMeasuring();        // samples heap and threads every 100 ms
 *   ...                            // the load
 *   ServerFigures figures = probe.finish();   // full GC, then the live heap
 * }
 * }</pre>
 */
final class ServerProbe implements AutoCloseable {
  private static final long SAMPLE_MILLIS = 100;

  private final long pid;
  private final JMXConnector connector;
  private final MBeanServerConnection server;
  private final MemoryMXBean memory;
  private final ThreadMXBean threads;
  private final com.sun.management.OperatingSystemMXBean system;
  private final List<GarbageCollectorMXBean> collectors;
  private final AtomicLong heapPeak = new AtomicLong();
  private final AtomicInteger threadsPeak = new AtomicInteger();
  private volatile boolean sampling;
  private Thread sampler;
  private long cpuAtStart;
  private long markNanos;
  private long gcCountAtStart;
  private long gcMillisAtStart;

  private ServerProbe(long pid, JMXConnector connector) throws IOException {
    this.pid = pid;
    this.connector = connector;
    this.server = connector.getMBeanServerConnection();
    this.memory = proxy(ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
    this.threads = proxy(ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
    this.system =
        proxy(
            ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME,
            com.sun.management.OperatingSystemMXBean.class);
    this.collectors = ManagementFactory.getPlatformMXBeans(server, GarbageCollectorMXBean.class);
  }

  private <T> T proxy(String name, Class<T> type) throws IOException {
    return ManagementFactory.newPlatformMXBeanProxy(server, name, type);
  }

  /**
   * Attaches to process {@code pid} and connects to its JMX agent (started if it is not running).
   *
   * @throws IOException if the process cannot be attached to (another user's, or gone)
   */
  static ServerProbe attach(long pid) throws IOException {
    VirtualMachine vm;
    try {
      vm = VirtualMachine.attach(Long.toString(pid));
    } catch (AttachNotSupportedException e) {
      throw new IOException("cannot attach to process " + pid + ": " + e.getMessage(), e);
    }
    try {
      String address = vm.startLocalManagementAgent();
      return new ServerProbe(pid, JMXConnectorFactory.connect(new JMXServiceURL(address)));
    } finally {
      vm.detach();
    }
  }

  /** Starts sampling heap and threads, and marks the measured phase as beginning now. */
  void startMeasuring() {
    markMeasuredPhase();
    sampling = true;
    sampler = Thread.ofPlatform().daemon(true).name("server probe").start(this::sampleUntilDone);
  }

  /** Notes the CPU and GC counters now, to count from here on. */
  void markMeasuredPhase() {
    markNanos = System.nanoTime();
    cpuAtStart = system.getProcessCpuTime();
    gcCountAtStart =
        collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    gcMillisAtStart =
        collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }

  private void sampleUntilDone() {
    while (sampling) {
      try {
        sample();
        Thread.sleep(SAMPLE_MILLIS);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        return; // the server went away: the figures end at the last sample
      }
    }
  }

  private void sample() {
    heapPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    threadsPeak.accumulateAndGet(threads.getThreadCount(), Math::max);
  }

  /** The heap in use now, for the progress line. */
  long heapUsedBytes() {
    return heapPeak.get() == 0 ? 0 : memory.getHeapMemoryUsage().getUsed();
  }

  /**
   * Stops sampling and reads the final figures: CPU and GC counts first (so the full GC below is
   * not counted), then a full GC and the live heap, the threads, and a thread dump for the virtual
   * threads.
   */
  ServerFigures finish(Path scratchDir) throws IOException, InterruptedException {
    sampling = false;
    sampler.interrupt();
    sampler.join();
    sample();
    long cpu = system.getProcessCpuTime() - cpuAtStart;
    long measured = System.nanoTime() - markNanos;
    long gcCount =
        collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum()
            - gcCountAtStart;
    long gcMillis =
        collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum()
            - gcMillisAtStart;
    memory.gc();
    return new ServerFigures(
        heapPeak.get(),
        memory.getHeapMemoryUsage().getUsed(),
        memory.getHeapMemoryUsage().getMax(),
        threads.getThreadCount(),
        threadsPeak.get(),
        countVirtualThreads(scratchDir),
        cpu,
        measured,
        gcCount,
        gcMillis);
  }

  /**
   * A full GC, then what the server holds: live heap, threads, open files. Sampling goes on; this
   * may be called any number of times (a soak calls it before and after, and while it settles).
   */
  ServerResources resources(Path scratchDir) throws IOException {
    memory.gc();
    return new ServerResources(
        memory.getHeapMemoryUsage().getUsed(),
        threads.getThreadCount(),
        countVirtualThreads(scratchDir).orElse(-1),
        openFiles());
  }

  /** Entries of {@code /proc/PID/fd}: every socket, pipe and file the server has open. */
  private long openFiles() throws IOException {
    Path fds = Path.of("/proc", Long.toString(pid), "fd");
    if (!Files.isDirectory(fds)) {
      return -1;
    }
    try (Stream<Path> entries = Files.list(fds)) {
      return entries.count();
    }
  }

  /**
   * Virtual threads do not show in {@link ThreadMXBean}; a JSON thread dump ({@code jcmd PID
   * Thread.dump_to_file -format=json}, here through the same JMX connection) lists them, marked
   * {@code "virtual": true} on JDK 25. Empty when the dump cannot be taken or does not say.
   */
  private OptionalLong countVirtualThreads(Path scratchDir) throws IOException {
    Path dump = scratchDir.resolve("server-threads.json");
    Files.deleteIfExists(dump);
    try {
      server.invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"),
          "threadDumpToFile",
          new Object[] {new String[] {"-format=json", dump.toString()}},
          new String[] {String[].class.getName()});
      return countVirtual(new ObjectMapper().readTree(dump.toFile()));
    } catch (JMException | IOException e) {
      return OptionalLong.empty();
    } finally {
      Files.deleteIfExists(dump);
    }
  }

  private static OptionalLong countVirtual(JsonNode dump) {
    long virtual = 0;
    boolean marked = false;
    for (JsonNode container : dump.path("threadDump").path("threadContainers")) {
      for (JsonNode thread : container.path("threads")) {
        JsonNode flag = thread.get("virtual");
        if (flag != null) {
          marked = true;
          virtual += flag.asBoolean() ? 1 : 0;
        }
      }
    }
    return marked ? OptionalLong.of(virtual) : OptionalLong.empty();
  }

  @Override
  public void close() throws IOException {
    sampling = false;
    connector.close();
  }
}
