package securechat.attacks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one attack against one target ended: the {@link Outcome} for programs (the lab guide's
 * checks, the notebooks, the grader), a headline and a paragraph of why for people.
 *
 * <pre>{@code
 * Verdict verdict = new Verdict("replay", "ecdhe", Outcome.REFUSED,
 *     "the server refused the replayed token and closed the connection",
 *     "Every Fernet token carries a sequence number inside its authenticated plaintext ...",
 *     List.of("server: ... record refused: replayed"), Map.of());
 * }</pre>
 *
 * @param attack the attack's name as typed: {@code mitm}, {@code tamper}, {@code crack}, ...
 * @param target what was attacked, as a student would start it: {@code plain}, {@code tls client
 *     --insecure-trust-all}, {@code argon2id}
 * @param outcome succeeded or refused
 * @param headline one sentence: what happened
 * @param why one paragraph: which defence (or its absence) decided, and what it does not cover
 * @param evidence what the attack saw that shows the headline is true, in the order it happened
 * @param figures measured numbers by name ({@code guesses_per_second}), in the order given
 */
public record Verdict(
    String attack,
    String target,
    Outcome outcome,
    String headline,
    String why,
    List<String> evidence,
    Map<String, Number> figures) {
  public Verdict {
    Objects.requireNonNull(attack, "attack");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(headline, "headline");
    Objects.requireNonNull(why, "why");
    evidence = List.copyOf(evidence);
    figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
  }

  /** A verdict without measured figures. */
  public Verdict(
      String attack,
      String target,
      Outcome outcome,
      String headline,
      String why,
      List<String> evidence) {
    this(attack, target, outcome, headline, why, evidence, Map.of());
  }

  public boolean succeeded() {
    return outcome == Outcome.SUCCEEDED;
  }
}
