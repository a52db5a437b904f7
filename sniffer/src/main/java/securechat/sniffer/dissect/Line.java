package securechat.sniffer.dissect;

import java.time.Instant;
import securechat.sniffer.stream.Direction;

/**
 * One line of a direction's byte stream, as the protocol's framing cuts it.
 *
 * @param direction which way it travelled
 * @param offset where its first byte is in the direction's delivered bytes
 * @param length its length on the wire, the {@code \n} included
 * @param rawText its bytes decoded as UTF-8 (bad bytes replaced), without {@code \n} or a {@code
 *     \r} before it; untrusted and not yet sanitised
 * @param wellFormed whether it ended with {@code \n}, was valid UTF-8 and no gap cut it
 * @param frame the capture frame of its first byte
 * @param time when that frame was captured
 */
record Line(
    Direction direction,
    long offset,
    int length,
    String rawText,
    boolean wellFormed,
    long frame,
    Instant time) {}
