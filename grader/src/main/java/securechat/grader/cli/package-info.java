/**
 * {@code lab assignment list|release|grade|grade-all}: the instructor's commands, each a thin
 * picocli layer over {@code release} and {@code grade}. Lab guide: {@code 06-instructor.md},
 * "Graded assignments".
 */
package securechat.grader.cli;
