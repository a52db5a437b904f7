/**
 * {@code lab bench load}: a load generator for one stage's server. It starts the server in its own
 * JVM (or uses a running one), connects and logs in many clients through the stage's real client
 * security, sends chat messages at an open-loop aggregate rate, and reports connect, login and
 * delivery rates, latency percentiles measured from each message's intended send time, losses and
 * errors, and the server's heap, threads and CPU read over JMX. The numbers land in {@code
 * docs/performance.md}; the lab guide's performance chapter explains how to read them.
 */
package securechat.bench.load;
