/**
 * What the Jupyter notebooks in {@code notebooks/} call besides the stages' own API: pictures
 * rendered as PNG images (byte histograms, entropy per stage, handshake timelines, hex maps with
 * the secret highlighted), a stage's server and clients on loopback, and a capture of their
 * traffic.
 *
 * <p>Notebooks load this module with the rest of the lab's jars through the kernel's {@code %jar}
 * magic; nothing here is copied into a notebook.
 */
package securechat.notebook;
