/**
 * What releasing and grading both build on: the lab's jars and their dependencies ({@link
 * securechat.grader.build.LabClasspath}), an assignment's jars without the student's classes
 * ({@link securechat.grader.build.AssignmentJars}, written byte for byte the same each time), and
 * the JDK's compiler ({@link securechat.grader.build.Javac}). Lab guide: {@code 06-instructor.md},
 * "Graded assignments".
 */
package securechat.grader.build;
