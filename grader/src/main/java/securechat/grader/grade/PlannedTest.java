package securechat.grader.grade;

/**
 * One graded test as the assignment defines it: a test method, what students see it called, its
 * points and hint, and whether its code is hidden from them.
 *
 * @param id {@code securechat.ecdhe.FernetTest#rejectsEveryInvalidVector}
 */
public record PlannedTest(String id, String name, double points, String hint, boolean hidden) {
  /** The test class's binary name. */
  public String className() {
    return id.substring(0, id.indexOf('#'));
  }
}
