package securechat.grader.run;

import java.io.File;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Defines the tests' classes from bytes, in the application class loader and in the package of the
 * code they test, so that package-private members are reachable as in the lab's own build. {@link
 * MethodHandles.Lookup#defineClass} needs a class of that package to stand beside: one is found on
 * the classpath (a class of the lab's jar or of the submission). Nothing is written to disk and the
 * class loader has no resource for these classes: a submission that looks for the tests' files
 * finds none.
 */
final class TestClasses {
  private TestClasses() {}

  /** Defines every class of {@code classes} (binary name → bytes), superclasses first. */
  static void define(Map<String, byte[]> classes) throws ReflectiveOperationException {
    Map<String, byte[]> pending = new LinkedHashMap<>(classes);
    Map<String, MethodHandles.Lookup> lookups = new HashMap<>();
    while (!pending.isEmpty()) {
      int before = pending.size();
      LinkageError last = null;
      for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
        var entry = it.next();
        try {
          lookupFor(packageOf(entry.getKey()), classes, lookups).defineClass(entry.getValue());
          it.remove();
        } catch (NoClassDefFoundError e) {
          last = e; // its superclass is still pending: try again on the next round
        }
      }
      if (pending.size() == before) {
        throw new ClassNotFoundException(
            "cannot define " + pending.keySet() + ": " + last.getMessage(), last);
      }
    }
  }

  private static MethodHandles.Lookup lookupFor(
      String packageName, Map<String, byte[]> tests, Map<String, MethodHandles.Lookup> lookups)
      throws ReflectiveOperationException {
    MethodHandles.Lookup lookup = lookups.get(packageName);
    if (lookup == null) {
      String anchor =
          findClassIn(packageName, tests)
              .orElseThrow(
                  () ->
                      new ClassNotFoundException(
                          "no class of package "
                              + packageName
                              + " on the classpath: put the tests"
                              + " in the package of the code they test"));
      Class<?> neighbour = Class.forName(anchor, false, TestClasses.class.getClassLoader());
      lookup = MethodHandles.privateLookupIn(neighbour, MethodHandles.lookup());
      lookups.put(packageName, lookup);
    }
    return lookup;
  }

  // A top-level class of that package in some classpath entry, other than the tests.
  private static Optional<String> findClassIn(String packageName, Map<String, byte[]> tests) {
    String folder = packageName.replace('.', '/') + "/";
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Optional<String> found = scan(Path.of(entry), folder);
      if (found.isPresent() && !tests.containsKey(found.get())) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> scan(Path entry, String folder) {
    try {
      if (Files.isDirectory(entry)) {
        Path dir = entry.resolve(folder);
        if (!Files.isDirectory(dir)) {
          return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
          return files
              .map(file -> file.getFileName().toString())
              .filter(TestClasses::isTopLevelClass)
              .sorted()
              .findFirst()
              .map(name -> binaryName(folder + name));
        }
      }
      try (JarFile jar = new JarFile(entry.toFile())) {
        return jar.stream()
            .map(java.util.zip.ZipEntry::getName)
            .filter(name -> name.startsWith(folder) && name.indexOf('/', folder.length()) < 0)
            .filter(name -> isTopLevelClass(name.substring(folder.length())))
            .sorted()
            .findFirst()
            .map(TestClasses::binaryName);
      }
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean isTopLevelClass(String fileName) {
    return fileName.endsWith(".class")
        && !fileName.contains("$")
        && !fileName.equals("package-info.class");
  }

  private static String binaryName(String classFile) {
    return classFile.substring(0, classFile.length() - ".class".length()).replace('/', '.');
  }

  private static String packageOf(String className) {
    int dot = className.lastIndexOf('.');
    return dot < 0 ? "" : className.substring(0, dot);
  }
}
