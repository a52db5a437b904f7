/**
 * The score reports of a graded submission: Gradescope's {@code results.json}, JUnit XML for tools
 * that read test reports, a summary a student or a TA reads, and the class's CSV gradebook. Every
 * writer prints the same student-safe text (no hidden test's code or values). Lab guide: {@code
 * 06-instructor.md}, "Graded assignments".
 */
package securechat.grader.report;
