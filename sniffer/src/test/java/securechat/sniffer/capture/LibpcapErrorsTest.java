package securechat.sniffer.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The messages below are libpcap 1.10's and JNA 5's own words, as seen on Debian 12. */
class LibpcapErrorsTest {
  private static final String GRANT_SENTENCE =
      "capturing on 'lo' needs capture rights: run as root, or grant them to this JDK's java with"
          + " sudo setcap cap_net_raw,cap_net_admin=eip"
          + " \"$(readlink -f \"$(./lab java-home)/bin/java\")\""
          + " (see DEVELOPERS.md, \"pcap4j and libpcap\")";

  @ParameterizedTest
  @ValueSource(
      strings = {
        // pcap_open_live as a user without rights
        "lo: You don't have permission to perform this capture on that device"
            + " (socket: Operation not permitted)",
        // pcap_create + pcap_activate (pcap4j's PcapHandle.Builder) as a user without rights
        "socket: Operation not permitted",
        "Attempt to create packet socket failed - CAP_NET_RAW may be required",
        "You don't have permission to capture in promiscuous mode on that device",
      })
  void libpcapsPermissionErrorsSayHowToGrantCaptureRights(String libpcapMessage) {
    assertThat(LibpcapErrors.isPermissionDenied(libpcapMessage)).isTrue();
    assertThat(LibpcapErrors.cannotCapture("lo", libpcapMessage)).hasMessage(GRANT_SENTENCE);
  }

  @Test
  void anotherLibpcapErrorIsQuotedAsItIs() {
    assertThat(LibpcapErrors.cannotCapture("eth9", "No such device exists"))
        .hasMessage("cannot capture on 'eth9': No such device exists");
  }

  @Test
  void anUnknownInterfaceListsTheInterfacesLibpcapSees() {
    assertThat(LibpcapErrors.noSuchInterface("nope0", List.of("eth0", "any", "lo")))
        .hasMessage("there is no interface 'nope0'; libpcap sees eth0, any, lo");
  }

  @Test
  void aRefusedFilterQuotesTheFilterAndLibpcapsReason() {
    assertThat(
            LibpcapErrors.filterRefused(
                "tcp port",
                "Error occurred in pcap_compile: can't parse filter expression: syntax error"))
        .hasMessage(
            "libpcap refuses the filter 'tcp port': can't parse filter expression:"
                + " syntax error");
  }

  @Test
  void aReadErrorLosesPcap4jsPrefix() {
    assertThat(
            LibpcapErrors.unreadableFile(
                Path.of("cut.pcap"),
                "Error occurred: truncated dump file; tried to read 66 captured bytes, only got 59"))
        .hasMessage(
            "cannot read capture file 'cut.pcap': truncated dump file; tried to read 66 captured"
                + " bytes, only got 59");
  }

  @Test
  void aFileOfAnotherFormatIsNotACaptureFile() {
    assertThat(LibpcapErrors.unreadableFile(Path.of("notes.txt"), "unknown file format"))
        .hasMessage("'notes.txt' is not a capture file libpcap can read (pcap or pcapng)");
  }

  @Test
  void aMissingFileGivesLibpcapsReasonWithoutRepeatingTheName() {
    assertThat(
            LibpcapErrors.unreadableFile(
                Path.of("/tmp/gone.pcap"), "/tmp/gone.pcap: No such file or directory"))
        .hasMessage("cannot read capture file '/tmp/gone.pcap': No such file or directory");
  }

  @Test
  void aMissingLibpcapNamesThePackageAndTheProperty() {
    UnsatisfiedLinkError error =
        new UnsatisfiedLinkError(
            "Unable to load library 'pcap':\n"
                + "libpcap.so: cannot open shared object file: No such file or directory\n"
                + "Native library (linux-x86-64/libpcap.so) not found in resource path");

    assertThat(LibpcapErrors.nativeCodeMissing(error))
        .hasMessage(
            "libpcap could not be loaded (Unable to load library 'pcap'): install"
                + " libpcap0.8-dev, which provides libpcap.so, or name the library with"
                + " -Dorg.pcap4j.core.pcapLibName=/usr/lib/x86_64-linux-gnu/libpcap.so.0.8");
  }

  @Test
  void aMissingLibpcapIsStillNamedOnTheSecondCall() {
    // After the first failure the JVM only says the class could not be initialised; the first
    // message survives in the cause.
    NoClassDefFoundError error =
        new NoClassDefFoundError("Could not initialize class org.pcap4j.core.NativeMappings");
    error.initCause(
        new ExceptionInInitializerError(
            "Exception java.lang.UnsatisfiedLinkError: Unable to load library 'pcap':"));

    assertThat(LibpcapErrors.nativeCodeMissing(error).getMessage())
        .startsWith("libpcap could not be loaded (Unable to load library 'pcap'):")
        .contains("libpcap0.8-dev", "-Dorg.pcap4j.core.pcapLibName=");
  }

  @Test
  void aBrokenJnaIsNotBlamedOnLibpcap() {
    UnsatisfiedLinkError error =
        new UnsatisfiedLinkError(
            "Failed to create temporary file for /com/sun/jna/linux-x86-64/libjnidispatch.so"
                + " library: JNA temporary directory '/tmp/x' does not exist");

    assertThat(LibpcapErrors.nativeCodeMissing(error).getMessage())
        .startsWith("JNA, which pcap4j uses to call libpcap, could not load its own native part:")
        .doesNotContain("libpcap0.8-dev");
  }

  @Test
  void anUntrustedFilterIsCutAndCleanedInTheMessage() {
    String filter = "tcp port 1\u001b[2J" + "x".repeat(100);

    assertThat(LibpcapErrors.filterRefused(filter, "syntax error").getMessage())
        .doesNotContain("\u001b")
        .contains("…");
  }
}
