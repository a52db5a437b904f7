package securechat.attacks.wire;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Objects;

/**
 * The attacker who knows the wire format but holds no key: cuts what the client sends into records
 * ({@link RecordFraming}) and lets a {@link RecordEditor} decide what reaches the server; what the
 * server sends goes back to the client byte for byte. Nothing is decrypted: the records are
 * changed, dropped or repeated as they are, so whatever the stage checks, it checks here.
 *
 * <pre>{@code
 * RecordPicker message = new RecordPicker(1, RecordPicker.lineStartingWith("/whisper "), "...");
 * RecordRelay flipper = new RecordRelay(RecordFraming.LINES,
 *     new RecordChanger(message, record -> flipBit(record, 100), events));
 * try (Relay relay = Relay.start(server, 0, flipper, problems::add)) { ... }
 * }</pre>
 */
public final class RecordRelay implements ConnectionHandler {
  private final RecordFraming framing;
  private final RecordEditor editor;

  public RecordRelay(RecordFraming framing, RecordEditor editor) {
    this.framing = Objects.requireNonNull(framing, "framing");
    this.editor = Objects.requireNonNull(editor, "editor");
  }

  @Override
  public void handle(Socket victim, Socket server) throws IOException {
    Thread downstream =
        Thread.ofVirtual()
            .name("record relay server→client")
            .start(() -> Recording.pump(server, victim, OutputStream.nullOutputStream()));
    try {
      relayRecords(victim.getInputStream(), server.getOutputStream());
      server.shutdownOutput();
    } catch (IOException e) {
      // The server ended the conversation (it may have refused a record): the client's side ends
      // when the relay closes it.
      server.close();
    }
    try {
      downstream.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Reads records from {@code from} until it ends and writes what the editor makes of each to
   * {@code to}, flushed record by record, so that nothing waits in the attacker's buffers.
   */
  void relayRecords(InputStream from, OutputStream to) throws IOException {
    InputStream in = new BufferedInputStream(from);
    byte[] record;
    while ((record = framing.read(in)) != null) {
      for (byte[] forwarded : editor.edit(record)) {
        to.write(forwarded);
      }
      to.flush();
    }
  }
}
