package securechat.grader.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;

/**
 * The lines the test JVM sends to the grader, one JSON object each, after the run's secret:
 *
 * <pre>
 *   SECRET {"event":"start","id":"securechat.ecdhe.FernetTest#roundTrip"}
 *   SECRET {"event":"end","id":"…","status":"failed","failures":[…],"output":"…"}
 *   SECRET {"event":"class-failed","class":"…","failure":{…}}
 *   SECRET {"event":"exit","id":"…","frames":[…]}      System.exit during a test
 *   SECRET {"event":"error","message":"…"}             the runner itself could not start
 *   SECRET {"event":"done"}
 * </pre>
 *
 * Lines without the secret are ignored by the grader: a submission printing a fake result to the
 * real standard output gets nowhere.
 */
final class Events {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_FRAMES = 40;
  private static final int MAX_MESSAGE_CHARS = 4000;

  private final PrintStream out;
  private final String secret;

  Events(PrintStream out, String secret) {
    this.out = out;
    this.secret = secret;
  }

  void start(String id) {
    send(event("start").put("id", id));
  }

  void end(String id, String status, List<ObjectNode> failures, String output) {
    ObjectNode event = event("end").put("id", id).put("status", status).put("output", output);
    event.putArray("failures").addAll(failures);
    send(event);
  }

  void classFailed(String className, ObjectNode failure) {
    ObjectNode event = event("class-failed").put("class", className);
    event.set("failure", failure);
    send(event);
  }

  void exit(String id, StackTraceElement[] caller) {
    ObjectNode event = event("exit").put("id", id);
    event.set("frames", frames(caller));
    send(event);
  }

  void error(String message) {
    send(event("error").put("message", message));
  }

  void done() {
    send(event("done"));
  }

  /** A failure: which case (for a parameterized test), the exception's type, message, frames. */
  static ObjectNode failure(String caseName, Throwable thrown) {
    ObjectNode failure = JSON.createObjectNode().put("case", caseName);
    failure.put("type", thrown.getClass().getName());
    String message = String.valueOf(thrown.getMessage());
    failure.put(
        "message",
        message.length() > MAX_MESSAGE_CHARS
            ? message.substring(0, MAX_MESSAGE_CHARS) + "…"
            : message);
    failure.set("frames", frames(thrown.getStackTrace()));
    return failure;
  }

  private static ArrayNode frames(StackTraceElement[] stack) {
    ArrayNode frames = JSON.createArrayNode();
    for (int i = 0; i < Math.min(stack.length, MAX_FRAMES); i++) {
      StackTraceElement frame = stack[i];
      frames
          .addObject()
          .put("class", frame.getClassName())
          .put("method", frame.getMethodName())
          .put("file", String.valueOf(frame.getFileName()))
          .put("line", frame.getLineNumber());
    }
    return frames;
  }

  private static ObjectNode event(String name) {
    return JSON.createObjectNode().put("event", name);
  }

  private synchronized void send(ObjectNode event) {
    try {
      out.println(secret + " " + JSON.writeValueAsString(event));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serialises", e);
    }
  }
}
