package securechat.bench.load;

import java.util.OptionalLong;

/**
 * What the server's own JVM said about itself during a load run, read over JMX.
 *
 * @param heapPeakBytes the most heap in use at any sample (every 100 ms), garbage included
 * @param heapLiveBytes heap in use right after a full GC at the end, with every client still
 *     connected: what the connections really keep
 * @param heapMaxBytes the heap's limit ({@code -Xmx})
 * @param platformThreads platform (operating-system) threads at the end
 * @param platformThreadsPeak the most platform threads at once
 * @param virtualThreads virtual threads alive at the end, from a thread dump; empty when this JDK's
 *     dump does not say which threads are virtual
 * @param cpuNanos the server process's CPU time during the measured phase
 * @param measuredNanos how long the measured phase lasted: sending and draining
 * @param gcCount garbage collections during the measured phase
 * @param gcMillis time spent in them, as the collectors report it
 */
record ServerFigures(
    long heapPeakBytes,
    long heapLiveBytes,
    long heapMaxBytes,
    int platformThreads,
    int platformThreadsPeak,
    OptionalLong virtualThreads,
    long cpuNanos,
    long measuredNanos,
    long gcCount,
    long gcMillis) {}
