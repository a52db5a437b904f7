package securechat.grader.build;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import securechat.core.cli.ConfigException;

/**
 * The jars (or, in a development build, class folders) the lab runs with, split into the lab's own
 * modules, each with the dependencies its {@code pom.xml} declares, and everything else. Graded
 * runs and released projects are built from it, so they use exactly the lab's versions.
 */
public final class LabClasspath {
  /** The lab's Maven group. */
  public static final String LAB_GROUP = "securechat-lab";

  private final Map<String, LabModule> modules;
  private final List<Path> others;

  private LabClasspath(Map<String, LabModule> modules, List<Path> others) {
    this.modules = modules;
    this.others = others;
  }

  /** The classpath of this JVM (a Surefire manifest-only jar is opened up). */
  public static LabClasspath ofRunningJvm() throws ConfigException {
    List<Path> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.addAll(expandManifestJar(Path.of(entry)));
      }
    }
    return of(entries);
  }

  /** Sorts {@code entries} into lab modules and the rest. */
  public static LabClasspath of(List<Path> entries) throws ConfigException {
    Map<String, LabModule> modules = new TreeMap<>();
    List<Path> others = new ArrayList<>();
    for (Path entry : entries) {
      if (entry.endsWith(Path.of("target", "test-classes"))) {
        continue;
      }
      Optional<LabModule> module = LabModule.read(entry);
      if (module.isPresent()) {
        modules.putIfAbsent(module.get().artifactId(), module.get());
      } else if (Files.exists(entry)) {
        others.add(entry.toAbsolutePath().normalize());
      }
    }
    return new LabClasspath(modules, others);
  }

  /** The module {@code artifactId}, or an error naming the ones there are. */
  public LabModule module(String artifactId) throws ConfigException {
    LabModule module = modules.get(artifactId);
    if (module == null) {
      throw new ConfigException(
          "the lab module '" + artifactId + "' is not on the lab's classpath",
          "build the lab (./lab build); modules found: " + String.join(", ", modules.keySet()));
    }
    return module;
  }

  /** {@code artifactIds} and every lab module they depend on, dependencies first. */
  public List<LabModule> closure(Collection<String> artifactIds) throws ConfigException {
    Map<String, LabModule> seen = new LinkedHashMap<>();
    for (String artifactId : new TreeSet<>(artifactIds)) {
      visit(artifactId, seen);
    }
    return List.copyOf(seen.values());
  }

  /** The jars that are not the lab's own: Bouncy Castle, JUnit, picocli… */
  public List<Path> others() {
    return List.copyOf(others);
  }

  /**
   * The third-party libraries {@code modules} declare (compile and runtime scope), with the
   * versions found on this classpath; Maven resolves what those need in turn.
   */
  public List<Coordinates> thirdPartyOf(List<LabModule> modules) throws ConfigException {
    Map<String, Coordinates> found = new TreeMap<>();
    for (LabModule module : modules) {
      for (LabModule.Dependency dependency : module.dependencies()) {
        if (!dependency.groupId().equals(LAB_GROUP) && dependency.isRuntime()) {
          found.putIfAbsent(
              dependency.groupId() + ":" + dependency.artifactId(),
              coordinates(dependency.groupId(), dependency.artifactId()));
        }
      }
    }
    return List.copyOf(found.values());
  }

  /** {@code groupId:artifactId} with the version of its jar on this classpath. */
  public Coordinates coordinates(String groupId, String artifactId) throws ConfigException {
    for (Path jar : others) {
      String name = jar.getFileName().toString();
      String prefix = artifactId + "-";
      if (name.startsWith(prefix) && name.endsWith(".jar")) {
        String version = name.substring(prefix.length(), name.length() - ".jar".length());
        if (!version.isEmpty() && Character.isDigit(version.charAt(0))) {
          return new Coordinates(groupId, artifactId, version);
        }
      }
    }
    throw new ConfigException(
        "no " + artifactId + " jar on the lab's classpath", "build the lab again (./lab build)");
  }

  private void visit(String artifactId, Map<String, LabModule> seen) throws ConfigException {
    if (seen.containsKey(artifactId)) {
      return;
    }
    LabModule module = module(artifactId);
    for (LabModule.Dependency dependency : module.dependencies()) {
      if (dependency.groupId().equals(LAB_GROUP) && dependency.isRuntime()) {
        visit(dependency.artifactId(), seen);
      }
    }
    seen.put(artifactId, module);
  }

  // Surefire starts tests with one jar whose manifest lists the real classpath.
  private static List<Path> expandManifestJar(Path entry) {
    if (!entry.getFileName().toString().startsWith("surefire") || !Files.isRegularFile(entry)) {
      return List.of(entry);
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      Manifest manifest = jar.getManifest();
      String classPath =
          manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
      if (classPath == null) {
        return List.of(entry);
      }
      List<Path> expanded = new ArrayList<>();
      for (String url : classPath.trim().split("\\s+")) {
        expanded.add(Path.of(entry.getParent().toUri().resolve(URI.create(url))));
      }
      return expanded;
    } catch (IOException | IllegalArgumentException e) {
      return List.of(entry);
    }
  }

  /** A Maven artifact's coordinates. */
  public record Coordinates(String groupId, String artifactId, String version) {}
}
