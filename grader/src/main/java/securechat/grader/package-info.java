/**
 * Graded assignments: the annotations an assignment's tests use ({@link securechat.grader.Points},
 * {@link securechat.grader.Hint}) and the model of an assignment. The subpackages cut solution
 * regions out of real sources ({@code markers}), write the student's starter project ({@code
 * release}), grade a submission in a sandboxed JVM ({@code grade}, {@code run}) and write the score
 * reports ({@code report}). Lab guide: {@code 06-instructor.md}, "Graded assignments"; authoring:
 * {@code assignments/README.md}.
 */
package securechat.grader;
