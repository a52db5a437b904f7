/**
 * {@code lab demo}: the same scripted conversation over every stage, captured by the sniffer,
 * judged by searching the captures.
 *
 * <pre>
 *   Demo ─▶ StageRun (per stage) ─▶ server (stage defaults, ServerTap) + Capturing + Scenario
 *                                ─▶ WireFindings (the capture read back and searched)
 *                                ─▶ StageResult.judge (what the stage promises vs what was found)
 *        ─▶ DemoTable (terminal) · DemoReport (report.html, results.json)
 * </pre>
 */
package securechat.app.demo;
