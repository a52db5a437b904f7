package securechat.sniffer.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BpfFiltersTest {
  @Test
  void onePortGivesOneTcpPortClause() {
    assertThat(BpfFilters.forPorts(7001)).isEqualTo("tcp port 7001");
  }

  @Test
  void severalPortsAreJoinedWithOrInTheGivenOrder() {
    assertThat(BpfFilters.forPorts(7002, 7001, 7003))
        .isEqualTo("tcp port 7002 or tcp port 7001 or tcp port 7003");
  }

  @Test
  void aRepeatedPortAppearsOnce() {
    assertThat(BpfFilters.forPorts(7001, 7001)).isEqualTo("tcp port 7001");
  }

  @Test
  void noPortIsRejected() {
    assertThatThrownBy(BpfFilters::forPorts)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("at least one port is needed for a port filter");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 65536})
  void aPortOutsideOneTo65535IsRejectedByValue(int port) {
    assertThatThrownBy(() -> BpfFilters.forPorts(7001, port))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be 1-65535, not " + port);
  }

  @Test
  void theEdgePortsAreAccepted() {
    assertThat(BpfFilters.forPorts(1, 65535)).isEqualTo("tcp port 1 or tcp port 65535");
  }

  @Test
  void everythingIsTheEmptyExpression() {
    assertThat(BpfFilters.EVERYTHING).isEmpty();
  }
}
