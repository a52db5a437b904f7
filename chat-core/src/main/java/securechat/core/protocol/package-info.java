/**
 * The chat protocol: one UTF-8 line per message, a sealed {@link securechat.core.protocol.Message}
 * type per line, the {@link securechat.core.protocol.MessageCodec} between them, the hard {@link
 * securechat.core.protocol.Limits} and the validated names ({@link
 * securechat.core.protocol.Username}, {@link securechat.core.protocol.FileName}). The normative
 * description with exact bytes is {@code docs/protocol.md}; the lab guide's first chapter, {@code
 * lab-guide/01-plain.md}, reads it in a capture.
 */
package securechat.core.protocol;
