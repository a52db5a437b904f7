/**
 * The test JVM's side of a graded run: {@link securechat.grader.run.TestRunner} receives the
 * compiled tests through its standard input, defines them in memory (they never touch the sandbox's
 * disk), runs the selected tests with JUnit and reports each one as a line of JSON that starts with
 * a secret the submission is not told. Lab guide: {@code 06-instructor.md}.
 */
package securechat.grader.run;
