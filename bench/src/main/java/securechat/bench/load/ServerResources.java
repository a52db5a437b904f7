package securechat.bench.load;

/**
 * What the server process holds at one moment, right after a full garbage collection: what a soak
 * compares before and after, to find a leak.
 *
 * @param heapLiveBytes heap in use after the full GC: objects still reachable
 * @param platformThreads platform (operating-system) threads, from JMX
 * @param virtualThreads virtual threads, from a thread dump; -1 when this JDK's dump does not say
 * @param openFiles file descriptors the process has open ({@code /proc/PID/fd}): sockets, jars,
 *     pipes; -1 where there is no {@code /proc}
 */
record ServerResources(
    long heapLiveBytes, int platformThreads, long virtualThreads, long openFiles) {}
