/**
 * Test helpers shared by every module, test scope only: conversation {@link
 * securechat.testkit.Transcript}s (files under {@code transcripts/}) that run both without sockets
 * and over loopback; and a {@link securechat.testkit.FaultProxy} that breaks one connection's bytes
 * on purpose (resets, trickles, pauses, half-closes, repeats, cuts) between a real client and a
 * real server. Lab guide: {@code lab-guide/01-plain.md} quotes the transcripts.
 */
package securechat.testkit;
