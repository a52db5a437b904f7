package securechat.grader.markers;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * What the cutter needs to know of a Java file's structure, read with the JDK's own parser (javac's
 * tree API; nothing is compiled): where the bodies of methods are, which methods each class
 * declares, and whether any type is declared at all.
 */
public record JavaOutline(List<Body> bodies, List<Method> methods, int typeCount) {
  /** A block inside a method, constructor or lambda; lines 1-based, braces included. */
  public record Body(String owner, int beginLine, int endLine) {}

  /** A method and the class that declares it, by binary name ({@code a.b.Outer$Inner}). */
  public record Method(String className, String name, int line) {}

  /** Parses {@code text}; the file name only appears in messages. */
  public static JavaOutline parse(String fileName, String text) throws MarkerException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new MarkerException(fileName, 1, "this Java has no compiler: run the lab with a JDK");
    }
    JavacTask task =
        (JavacTask)
            javac.getTask(
                null,
                null,
                diagnostic -> {},
                List.of("-proc:none"),
                null,
                List.of(source(fileName, text)));
    try {
      CompilationUnitTree unit = task.parse().iterator().next();
      Scanner scanner = new Scanner(unit, Trees.instance(task).getSourcePositions());
      scanner.scan(unit, null);
      return new JavaOutline(scanner.bodies, scanner.methods, unit.getTypeDecls().size());
    } catch (java.io.IOException e) {
      throw new MarkerException(fileName, 1, "cannot be read: " + e.getMessage());
    }
  }

  /** The innermost body that holds lines {@code from} to {@code to} strictly inside its braces. */
  public Optional<Body> innermostBodyAround(int from, int to) {
    return bodies.stream()
        .filter(body -> body.beginLine() < from && body.endLine() > to)
        .reduce((a, b) -> b.beginLine() >= a.beginLine() ? b : a);
  }

  private static JavaFileObject source(String fileName, String text) {
    URI uri = URI.create("string:///" + fileName.replace('\\', '/').replace(" ", "%20"));
    return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
      }
    };
  }

  private static final class Scanner extends TreePathScanner<Void, Void> {
    private final CompilationUnitTree unit;
    private final SourcePositions positions;
    private final LineMap lines;
    private final Deque<String> classes = new ArrayDeque<>();
    private final Deque<String> owners = new ArrayDeque<>();
    final List<Body> bodies = new ArrayList<>();
    final List<Method> methods = new ArrayList<>();

    Scanner(CompilationUnitTree unit, SourcePositions positions) {
      this.unit = unit;
      this.positions = positions;
      this.lines = unit.getLineMap();
    }

    @Override
    public Void visitClass(ClassTree tree, Void unused) {
      if (tree.getSimpleName().isEmpty()) {
        return super.visitClass(tree, unused); // an anonymous class: its methods are not tests
      }
      String name =
          classes.isEmpty()
              ? packagePrefix() + tree.getSimpleName()
              : classes.peek() + "$" + tree.getSimpleName();
      classes.push(name);
      try {
        return super.visitClass(tree, unused);
      } finally {
        classes.pop();
      }
    }

    @Override
    public Void visitMethod(MethodTree tree, Void unused) {
      String simpleClass = classes.isEmpty() ? "" : classes.peek().replaceAll(".*[.$]", "");
      String name =
          tree.getName().contentEquals("<init>") ? "constructor" : tree.getName().toString();
      if (!classes.isEmpty()) {
        methods.add(new Method(classes.peek(), tree.getName().toString(), line(tree, false)));
      }
      owners.push(simpleClass + (name.equals("constructor") ? " constructor" : "." + name));
      try {
        return super.visitMethod(tree, unused);
      } finally {
        owners.pop();
      }
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
      owners.push(owners.isEmpty() ? "a lambda" : owners.peek());
      try {
        return super.visitLambdaExpression(tree, unused);
      } finally {
        owners.pop();
      }
    }

    @Override
    public Void visitBlock(BlockTree tree, Void unused) {
      if (!owners.isEmpty()) {
        bodies.add(new Body(owners.peek(), line(tree, false), line(tree, true)));
      }
      return super.visitBlock(tree, unused);
    }

    private int line(Tree tree, boolean end) {
      long position =
          end ? positions.getEndPosition(unit, tree) - 1 : positions.getStartPosition(unit, tree);
      return (int) lines.getLineNumber(position);
    }

    private String packagePrefix() {
      return unit.getPackageName() == null ? "" : unit.getPackageName() + ".";
    }
  }
}
