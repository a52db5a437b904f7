/**
 * Test helpers shared by every module, test scope only: conversation {@link
 * securechat.testkit.Transcript}s (files under {@code transcripts/}) that run both without sockets
 * and over loopback. Lab guide: {@code lab-guide/01-plain.md} quotes the transcripts.
 */
package securechat.testkit;
