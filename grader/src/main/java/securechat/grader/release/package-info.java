/**
 * The student's starter project: {@link securechat.grader.release.ReleaseWriter} writes it, with
 * its {@code pom.xml} ({@code ReleasePom}) and the lab's jars in a Maven repository on disk. Lab
 * guide: {@code 06-instructor.md}, "Graded assignments".
 */
package securechat.grader.release;
