package securechat.tls.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static securechat.tls.pki.LabCertificateAuthorityTest.CLOCK;
import static securechat.tls.pki.LabCertificateAuthorityTest.NOW;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** How {@link LabPki} creates what is missing, and only that, for servers and clients. */
class LabPkiEnsureTest {
  @TempDir Path tmp;

  private LabPki pki() {
    return LabPki.in(tmp.resolve("lab-data"), CLOCK);
  }

  @Test
  void ensureServerIdentityCreatesOnceThenReuses() throws Exception {
    LabPki pki = pki();
    List<String> said = new ArrayList<>();

    Identity first = pki.ensureServerIdentity("localhost", said::add);

    assertThat(said)
        .containsExactly(
            "created a lab CA (EC P-256): " + pki.caCertificateFile(),
            "created a server certificate for localhost, 127.0.0.1 signed by the lab CA: "
                + pki.certificateFile("localhost"));
    said.clear();

    Identity second = pki.ensureServerIdentity("localhost", said::add);

    assertThat(said).isEmpty();
    assertThat(second.chain()).isEqualTo(first.chain());
    Pkix.validate(second.chain(), pki.caCertificate(), NOW);
  }

  @Test
  void ensureServerIdentityReplacesAnExpiredCertificate() throws Exception {
    pki().ensureServerIdentity("localhost", line -> {});
    LabPki later =
        LabPki.in(
            tmp.resolve("lab-data"), Clock.fixed(NOW.plus(Duration.ofDays(400)), ZoneOffset.UTC));
    List<String> said = new ArrayList<>();

    Identity renewed = later.ensureServerIdentity("localhost", said::add);

    assertThat(said)
        .containsExactly(
            "replaced the server certificate for localhost, 127.0.0.1 (it had expired) with one"
                + " signed by the lab CA: "
                + later.certificateFile("localhost"));
    Pkix.validate(renewed.chain(), later.caCertificate(), NOW.plus(Duration.ofDays(400)));
  }

  @Test
  void ensureServerIdentityReplacesACertificateOfAnOldCa() throws Exception {
    LabPki pki = pki();
    pki.ensureServerIdentity("localhost", line -> {});
    pki.replaceAuthority(KeyType.EC_P256);
    List<String> said = new ArrayList<>();

    Identity renewed = pki.ensureServerIdentity("localhost", said::add);

    assertThat(said).singleElement().asString().contains("(it was signed by another CA)");
    Pkix.validate(renewed.chain(), pki.caCertificate(), NOW);
  }

  @Test
  void ensureServerIdentityReplacesAClientCertificateOfTheSameName() throws Exception {
    LabPki pki = pki();
    pki.ensureClientIdentity("localhost", line -> {});
    List<String> said = new ArrayList<>();

    pki.ensureServerIdentity("localhost", said::add);

    assertThat(said).singleElement().asString().contains("(it was not a server certificate)");
  }

  @Test
  void ensureClientIdentityMakesAClientAuthCertificate() throws Exception {
    LabPki pki = pki();
    List<String> said = new ArrayList<>();

    Identity alice = pki.ensureClientIdentity("alice", said::add);

    assertThat(alice.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(said)
        .last()
        .isEqualTo(
            "created a client certificate for alice signed by the lab CA: "
                + pki.certificateFile("alice"));
  }

  @Test
  void ensureAuthorityCreatesTheCaOnlyOnce() throws Exception {
    LabPki pki = pki();
    List<String> said = new ArrayList<>();

    X509Certificate first = pki.ensureAuthority(said::add);
    X509Certificate second = pki.ensureAuthority(said::add);

    assertThat(second).isEqualTo(first);
    assertThat(said).hasSize(1);
  }

  @Test
  @Timeout(60)
  void threadsEnsuringAtOnceShareOneCa() throws Exception {
    LabPki pki = pki();
    List<String> said = Collections.synchronizedList(new ArrayList<>());
    List<Future<Identity>> results = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 4; i++) {
        String name = "server" + i;
        results.add(threads.submit(() -> pki.ensureServerIdentity(name, said::add)));
      }
    }

    assertThat(said).filteredOn(line -> line.startsWith("created a lab CA")).hasSize(1);
    for (Future<Identity> result : results) {
      Pkix.validate(result.get().chain(), pki.caCertificate(), NOW);
    }
  }
}
