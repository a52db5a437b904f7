package securechat.grader.run;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main class of the test JVM. Its standard input carries, in this order: the run's secret, the
 * ids of the tests to run ({@code class#method}), and the compiled test classes. It runs those
 * tests with JUnit and reports on the real standard output (see {@link Events}); the submission's
 * prints go to {@link OutputCapture}.
 */
public final class TestRunner {
  private TestRunner() {}

  public static void main(String[] args) {
    PrintStream realOut =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    DataInputStream in = new DataInputStream(System.in);
    Events events;
    Set<String> selected;
    Map<String, byte[]> classes;
    try {
      events = new Events(realOut, in.readUTF());
      selected = readIds(in);
      classes = readClasses(in);
    } catch (IOException e) {
      realOut.println("the grader's request could not be read: " + e);
      return;
    }
    OutputCapture output = OutputCapture.install();
    GradingListener listener = new GradingListener(events, output);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> reportExit(events, listener), "exit report"));
    try {
      TestClasses.define(classes);
    } catch (ReflectiveOperationException | LinkageError e) {
      events.error("the tests could not be loaded: " + e.getMessage());
      return;
    }
    LauncherFactory.create().execute(request(selected), listener);
    events.done();
  }

  private static LauncherDiscoveryRequest request(Set<String> selected) {
    List<ClassSelector> classes = new ArrayList<>();
    for (String className :
        selected.stream().map(id -> id.substring(0, id.indexOf('#'))).distinct().toList()) {
      classes.add(selectClass(className));
    }
    PostDiscoveryFilter onlySelected =
        descriptor ->
            descriptor.getSource().orElse(null) instanceof MethodSource method
                    && !selected.contains(method.getClassName() + "#" + method.getMethodName())
                    && descriptor.getParent().flatMap(p -> p.getSource()).orElse(null)
                        instanceof org.junit.platform.engine.support.descriptor.ClassSource
                ? FilterResult.excluded("not selected")
                : FilterResult.included("selected");
    return LauncherDiscoveryRequestBuilder.request()
        .selectors(classes)
        .filters(onlySelected)
        .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
        .configurationParameter("junit.platform.output.capture.stdout", "false")
        .build();
  }

  // Runtime.exit runs the shutdown hooks while the caller waits in Shutdown.exit: find it.
  private static void reportExit(Events events, GradingListener listener) {
    String id = listener.current();
    if (id == null) {
      return;
    }
    for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
      StackTraceElement[] stack = thread.getValue();
      for (int i = 0; i < stack.length; i++) {
        if (stack[i].getClassName().equals("java.lang.Runtime")
            && stack[i].getMethodName().equals("exit")) {
          events.exit(id, java.util.Arrays.copyOfRange(stack, i + 1, stack.length));
          return;
        }
      }
    }
    events.exit(id, new StackTraceElement[0]);
  }

  private static Set<String> readIds(DataInputStream in) throws IOException {
    int count = in.readInt();
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 0; i < count; i++) {
      ids.add(in.readUTF());
    }
    return ids;
  }

  private static Map<String, byte[]> readClasses(DataInputStream in) throws IOException {
    int count = in.readInt();
    Map<String, byte[]> classes = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      String name = in.readUTF();
      byte[] bytes = new byte[in.readInt()];
      in.readFully(bytes);
      classes.put(name, bytes);
    }
    return classes;
  }
}
