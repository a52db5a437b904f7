/**
 * {@code lab bench compare}: the lab's speed beside real peers measured in the same run on the same
 * machine, printed as ratios (ours / peer) with issue 11's target for each. Absolute figures on a
 * shared machine drift by 10-30 %; a ratio measured in one run drifts much less. Four parts, each
 * its own class: {@link securechat.bench.compare.FernetComparison} (Python {@code cryptography}),
 * {@link securechat.bench.compare.TlsComparison} ({@code openssl s_server} and {@code s_time}),
 * {@link securechat.bench.compare.SnifferComparison} ({@code tshark}) and {@link
 * securechat.bench.compare.SpeedComparison} ({@code openssl speed}). Each part returns {@link
 * securechat.bench.compare.Comparison} rows; {@link securechat.bench.compare.ComparisonTable} and
 * {@link securechat.bench.compare.ComparisonJson} print them. A peer that is not installed gives a
 * row that says so, with the command that installs it. {@code docs/performance.md} explains the
 * figures.
 */
package securechat.bench.compare;
