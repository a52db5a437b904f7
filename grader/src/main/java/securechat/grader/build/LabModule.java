package securechat.grader.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * One of the lab's own modules on the classpath: its jar (or {@code target/classes} folder), its
 * version, and the dependencies its {@code pom.xml} declares. Maven puts that pom inside every jar
 * ({@code META-INF/maven/securechat-lab/NAME/pom.xml}); a class folder has it two levels up.
 */
public record LabModule(
    String artifactId, String version, Path location, List<LabModule.Dependency> dependencies) {
  /** A dependency as the pom declares it; scope {@code compile} when the pom says none. */
  public record Dependency(String groupId, String artifactId, String scope, String type) {
    /** On the runtime classpath: compile or runtime scope, a plain jar. */
    public boolean isRuntime() {
      return (scope.equals("compile") || scope.equals("runtime")) && type.equals("jar");
    }
  }

  /** The module at {@code entry}, or empty when it is not one of the lab's. */
  static Optional<LabModule> read(Path entry) {
    try {
      if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
        return fromJar(entry);
      }
      if (Files.isDirectory(entry) && entry.endsWith(Path.of("target", "classes"))) {
        Path pom = entry.getParent().getParent().resolve("pom.xml");
        if (Files.isRegularFile(pom)) {
          try (InputStream in = Files.newInputStream(pom)) {
            return fromPom(in, entry);
          }
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The exclusions the lab's root pom puts on its managed dependencies ({@code group:artifact} →
   * the {@code group:artifact}s excluded), so a released project resolves the libraries as the lab
   * does.
   */
  public static java.util.Map<String, List<String>> exclusionsIn(Path rootPom) throws IOException {
    java.util.Map<String, List<String>> exclusions = new java.util.TreeMap<>();
    try (InputStream in = Files.newInputStream(rootPom)) {
      Element managed = child(parse(in).getDocumentElement(), "dependencyManagement");
      NodeList nodes = managed == null ? null : managed.getElementsByTagName("dependency");
      for (int i = 0; nodes != null && i < nodes.getLength(); i++) {
        Element dependency = (Element) nodes.item(i);
        Element list = child(dependency, "exclusions");
        if (list != null) {
          List<String> excluded = new ArrayList<>();
          NodeList each = list.getElementsByTagName("exclusion");
          for (int j = 0; j < each.getLength(); j++) {
            Element exclusion = (Element) each.item(j);
            excluded.add(text(exclusion, "groupId", "") + ":" + text(exclusion, "artifactId", ""));
          }
          exclusions.put(
              text(dependency, "groupId", "") + ":" + text(dependency, "artifactId", ""), excluded);
        }
      }
    }
    return exclusions;
  }

  private static Optional<LabModule> fromJar(Path jarPath) throws IOException {
    try (JarFile jar = new JarFile(jarPath.toFile())) {
      Enumeration<JarEntry> entries = jar.entries();
      String prefix = "META-INF/maven/" + LabClasspath.LAB_GROUP + "/";
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (entry.getName().startsWith(prefix) && entry.getName().endsWith("/pom.xml")) {
          try (InputStream in = jar.getInputStream(entry)) {
            return fromPom(in, jarPath);
          }
        }
      }
      return Optional.empty();
    }
  }

  private static Optional<LabModule> fromPom(InputStream in, Path location) throws IOException {
    Element project = parse(in).getDocumentElement();
    Element parent = child(project, "parent");
    String group = text(project, "groupId", parent == null ? "" : text(parent, "groupId", ""));
    String version = text(project, "version", parent == null ? "" : text(parent, "version", ""));
    String artifactId = text(project, "artifactId", "");
    if (!group.equals(LabClasspath.LAB_GROUP) || artifactId.equals("securechat-lab")) {
      return Optional.empty();
    }
    List<Dependency> dependencies = new ArrayList<>();
    Element list = child(project, "dependencies");
    if (list != null) {
      NodeList nodes = list.getElementsByTagName("dependency");
      for (int i = 0; i < nodes.getLength(); i++) {
        Element dependency = (Element) nodes.item(i);
        dependencies.add(
            new Dependency(
                text(dependency, "groupId", ""),
                text(dependency, "artifactId", ""),
                text(dependency, "scope", "compile"),
                text(dependency, "type", "jar")));
      }
    }
    return Optional.of(
        new LabModule(artifactId, version, location.toAbsolutePath().normalize(), dependencies));
  }

  private static Document parse(InputStream in) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(in);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("not a readable pom.xml: " + e.getMessage(), e);
    }
  }

  private static Element child(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }

  private static String text(Element parent, String name, String otherwise) {
    Element element = child(parent, name);
    return element == null ? otherwise : element.getTextContent().strip();
  }
}
