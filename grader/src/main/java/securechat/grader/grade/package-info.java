/**
 * Grading one submission: {@link securechat.grader.grade.Grader} compiles it, runs the tests in a
 * {@link securechat.grader.grade.Sandbox} ({@link securechat.grader.grade.Bubblewrap}), one test
 * JVM after another ({@code GradingRun}), and explains each result in words a student may read
 * ({@code Explanation}). Lab guide: {@code 06-instructor.md}, "Graded assignments".
 */
package securechat.grader.grade;
