/**
 * The lab guide as code. {@code FenceInfo} and {@code GuideBlock} read how a chapter's shell block
 * is checked, and {@code GuideRunner} runs the blocks (the guide's doc test); {@code lab guide}
 * ({@code GuideCommand}) renders the chapters to a folder of HTML that works offline. Lab guide:
 * {@code lab-guide/README.md}.
 *
 * <pre>
 *   GuideCommand ─▶ GuideRenderer ─▶ Page (per Markdown file: parse, Headings, PageLinks)
 *                                 ─▶ PageTemplate (chapters, contents, previous/next)
 *                                    + CodeBlockRenderer (language only; a mark if checked)
 *                                 ─▶ OUT/index.html, NN-name.html, guide.css, project/...
 * </pre>
 */
package securechat.app.guide;
