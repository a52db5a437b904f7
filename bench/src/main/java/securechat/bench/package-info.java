/**
 * JMH benchmarks of what the lab's speed depends on: the constructions (Fernet, HKDF, HPKE,
 * Ed25519, envelopes), the ecdhe handshake, the protocol line parser and the sniffer's offline
 * reassembly. Run them with {@code java -cp "bench/target/lib/*" org.openjdk.jmh.Main} after {@code
 * ./mvnw -pl bench -am install -DskipTests}; the figures and their commands are in {@code
 * docs/performance.md}. The build runs each once, briefly, only to prove it works ({@code
 * BenchSmokeIT}). Benchmarks that need package-private API sit in the stage's own package ({@code
 * securechat.ecdhe.EcdheHandshakeBenchmark}).
 */
package securechat.bench;
