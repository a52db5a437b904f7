package securechat.bench.cli;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * What a figure was measured on: the processor, the memory, the JDK, Bouncy Castle, and how busy
 * the machine was when the run began. A figure without these cannot be compared with another.
 *
 * @param date the day of the run (UTC)
 * @param cores the processors this JVM may use
 * @param cpu the processor's model name, from /proc/cpuinfo; "unknown" elsewhere
 * @param memoryGib the machine's memory, in GiB
 * @param os the operating system and its version
 * @param java the JDK's version and vendor
 * @param bouncyCastle Bouncy Castle's version
 * @param loadAverage the one-minute load average when the run began (-1 if the system has none)
 */
public record Machine(
    LocalDate date,
    int cores,
    String cpu,
    long memoryGib,
    String os,
    String java,
    String bouncyCastle,
    double loadAverage) {

  /** This machine, now. */
  public static Machine current() {
    OperatingSystemMXBean system =
        (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Provider bc = new BouncyCastleProvider();
    return new Machine(
        LocalDate.now(ZoneOffset.UTC),
        Runtime.getRuntime().availableProcessors(),
        cpuModel().orElse("unknown"),
        Math.round(system.getTotalMemorySize() / (1024.0 * 1024 * 1024)),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
        bc.getVersionStr(),
        system.getSystemLoadAverage());
  }

  /**
   * One line: {@code 2 cores (AMD EPYC 7B13), 24 GiB, Linux 6.1, Java 25.0.3 (Eclipse Adoptium)…}.
   */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "%s: %d cores (%s), %d GiB, %s, Java %s, Bouncy Castle %s; load average %s at the start",
        date,
        cores,
        cpu,
        memoryGib,
        os,
        java,
        bouncyCastle,
        loadAverage < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", loadAverage));
  }

  private static Optional<String> cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).strip())
          .findFirst();
    } catch (IOException | RuntimeException notLinux) {
      return Optional.empty();
    }
  }
}
