package securechat.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JunitXmlTest {
  @Test
  void theReportIsWellFormedWithOneTestcasePerTestAndAFailureForTheFailedOne() throws Exception {
    String xml = JunitXml.of(Reports.sample());
    Document document =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Element suite = document.getDocumentElement();
    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(suite.getAttribute("tests")).isEqualTo("2");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    assertThat(document.getElementsByTagName("testcase").getLength()).isEqualTo(2);
    Element first = (Element) document.getElementsByTagName("testcase").item(0);
    assertThat(first.getAttribute("name")).isEqualTo("encrypts, \"quoted\" & <tagged>");
    Element failure = (Element) document.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo("a hidden check failed");
    assertThat(failure.getTextContent()).contains("hint: Fernet spec, Verifying");
  }
}
