/**
 * The markers in an assignment's sources ({@code // BEGIN SOLUTION}, {@code // BEGIN HIDDEN
 * TESTS}): finding them ({@link securechat.grader.markers.MarkedSource}), reading the code's
 * structure with javac's parser ({@link securechat.grader.markers.JavaOutline}) and cutting them
 * out for the student ({@link securechat.grader.markers.Cutter}). Authoring rules: {@code
 * assignments/README.md}.
 */
package securechat.grader.markers;
