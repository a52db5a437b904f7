package securechat.grader.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns JUnit's events into the runner's: one graded test is a test method, with every case of a
 * parameterized test folded into it, so it passes only when all its cases pass.
 */
final class GradingListener implements TestExecutionListener {
  private final Events events;
  private final OutputCapture output;
  private final Map<String, List<ObjectNode>> failures = new HashMap<>();
  private volatile String current;
  private TestPlan plan;

  GradingListener(Events events, OutputCapture output) {
    this.events = events;
    this.output = output;
  }

  /** The graded test running now, for the exit hook; null between tests. */
  String current() {
    return current;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
  }

  @Override
  public void executionStarted(TestIdentifier identifier) {
    gradedId(identifier)
        .ifPresent(
            id -> {
              output.take();
              failures.put(id, new ArrayList<>());
              current = id;
              events.start(id);
            });
  }

  @Override
  public void executionSkipped(TestIdentifier identifier, String reason) {
    gradedId(identifier)
        .ifPresent(
            id ->
                events.end(
                    id,
                    "skipped",
                    List.of(Events.failure("", new IllegalStateException(reason))),
                    ""));
  }

  @Override
  public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
    Optional<String> graded = gradedId(identifier);
    Throwable thrown = result.getThrowable().orElse(null);
    if (graded.isPresent()) {
      String id = graded.get();
      List<ObjectNode> list = failures.remove(id);
      if (thrown != null) {
        list.add(Events.failure("", thrown));
      }
      current = null;
      events.end(id, list.isEmpty() ? "passed" : "failed", list, output.take());
    } else if (thrown != null
        && identifier.getSource().orElse(null) instanceof ClassSource source) {
      events.classFailed(source.getClassName(), Events.failure("", thrown));
    } else if (thrown != null) {
      parentGradedId(identifier)
          .ifPresent(
              id -> failures.get(id).add(Events.failure(identifier.getDisplayName(), thrown)));
    }
  }

  // A test method whose parent is its class: what the grader scores.
  private Optional<String> gradedId(TestIdentifier identifier) {
    if (identifier.getSource().orElse(null) instanceof MethodSource method
        && plan.getParent(identifier).flatMap(TestIdentifier::getSource).orElse(null)
            instanceof ClassSource) {
      return Optional.of(method.getClassName() + "#" + method.getMethodName());
    }
    return Optional.empty();
  }

  // A case of a parameterized test: its parent is the graded method.
  private Optional<String> parentGradedId(TestIdentifier identifier) {
    return plan.getParent(identifier).flatMap(this::gradedId).filter(failures::containsKey);
  }
}
