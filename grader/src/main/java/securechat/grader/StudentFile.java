package securechat.grader;

import java.nio.file.Path;

/**
 * A real source of the lab that an assignment hands to students with its solution regions cut:
 * {@code chat-ecdhe/src/main/java/securechat/ecdhe/Fernet.java} is in module {@code chat-ecdhe}, at
 * {@code securechat/ecdhe/Fernet.java} in the student's project.
 *
 * @param module the lab module (its folder and artifact name)
 * @param source the file in the lab
 * @param javaPath its path below {@code src/main/java}, with {@code /} separators
 */
public record StudentFile(String module, Path source, String javaPath) {
  /** The top-level class's binary name: {@code securechat.ecdhe.Fernet}. */
  public String className() {
    return javaPath.substring(0, javaPath.length() - ".java".length()).replace('/', '.');
  }

  /**
   * True when {@code classFile} ({@code a/b/C.class}, {@code a/b/C$1.class}) is compiled from this
   * file.
   */
  public boolean compiles(String classFile) {
    String stem = javaPath.substring(0, javaPath.length() - ".java".length());
    return classFile.equals(stem + ".class")
        || (classFile.startsWith(stem + "$") && classFile.endsWith(".class"));
  }
}
