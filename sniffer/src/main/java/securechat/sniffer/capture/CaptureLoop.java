package securechat.sniffer.capture;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapDumper;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.RawPacketListener;

/**
 * Reads one open libpcap handle to its end: numbers every frame, saves it if asked, decodes it, and
 * hands each TCP segment to the consumer. Runs on the calling thread; {@link #breakLoop} may be
 * called from any other. When {@link #run} returns, the handle, filter and dump file are closed.
 */
final class CaptureLoop implements RawPacketListener {
  private final PcapHandle handle;
  private final FrameDecoder decoder;
  private final Consumer<TcpSegment> consumer;
  private final Function<String, CaptureException> errorFor;
  private BpfProgram filter;
  private PcapDumper dumper;
  private volatile CaptureCounts counts = CaptureCounts.NONE;
  private RuntimeException consumerFailure;

  /**
   * @param errorFor the sentence for an error libpcap reports while reading, given its message
   */
  CaptureLoop(
      PcapHandle handle,
      Consumer<TcpSegment> consumer,
      Function<String, CaptureException> errorFor) {
    this.handle = Objects.requireNonNull(handle, "handle");
    this.decoder = new FrameDecoder(handle.getDlt());
    this.consumer = Objects.requireNonNull(consumer, "consumer");
    this.errorFor = Objects.requireNonNull(errorFor, "errorFor");
  }

  /**
   * Applies the filter to each frame here rather than in libpcap, so that the frames it leaves out
   * still take their numbers, as in Wireshark.
   */
  void filterEach(BpfProgram program) {
    this.filter = Objects.requireNonNull(program, "program");
  }

  /** Saves every frame read, exactly as captured, whatever becomes of it afterwards. */
  void saveEach(PcapDumper file) {
    this.dumper = Objects.requireNonNull(file, "file");
  }

  /**
   * Reads until the end of the file, {@link #breakLoop}, or an error, then closes everything.
   *
   * @throws CaptureException if libpcap reports an error while reading
   * @throws RuntimeException what the consumer threw, after which nothing more was read
   */
  void run() throws CaptureException {
    try {
      handle.loop(-1, this);
    } catch (InterruptedException e) {
      // pcap4j's way to say breakLoop() ended the loop, not a thread interrupt: a normal end.
    } catch (PcapNativeException e) {
      throw errorFor.apply(e.getMessage());
    } catch (NotOpenException e) {
      throw new IllegalStateException("the capture handle was closed before reading", e);
    } finally {
      close();
    }
    if (consumerFailure != null) {
      throw consumerFailure;
    }
  }

  /** Makes {@link #run} return soon; safe from any thread, at any time, any number of times. */
  void breakLoop() {
    try {
      handle.breakLoop();
    } catch (NotOpenException alreadyClosed) {
      // run() has already ended and closed the handle: there is no loop left to break.
      return;
    }
  }

  /** The counts so far; safe from any thread. */
  CaptureCounts counts() {
    return counts;
  }

  /** Called by libpcap, on the thread in {@link #run}, once per frame. */
  @Override
  public void gotPacket(byte[] frame) {
    if (consumerFailure != null) {
      return;
    }
    // pcap4j sets the frame's timestamp for this thread just before calling us.
    Timestamp time = handle.getTimestamp();
    save(frame, time);
    try {
      dispatch(frame, time.toInstant());
    } catch (RuntimeException e) {
      // An exception must not cross libpcap's native frames: keep it for run() to rethrow.
      consumerFailure = e;
      breakLoop();
    }
  }

  private void save(byte[] frame, Timestamp time) {
    if (dumper == null) {
      return;
    }
    try {
      dumper.dumpRaw(frame, time);
    } catch (NotOpenException e) {
      throw new IllegalStateException("the capture file was closed while capturing", e);
    }
  }

  private void dispatch(byte[] frame, Instant time) {
    long number = counts.packets() + 1;
    Optional<TcpSegment> segment =
        filter == null || filter.applyFilter(frame)
            ? decoder.decode(number, time, frame)
            : Optional.empty();
    if (segment.isEmpty()) {
      counts = counts.plusSkipped();
      return;
    }
    counts = counts.plusTcpSegment();
    consumer.accept(segment.get());
  }

  private void close() {
    if (dumper != null) {
      dumper.close();
    }
    if (filter != null) {
      filter.free();
    }
    handle.close();
  }
}
