package securechat.notebook;

/**
 * A notebook's check did not hold. Unchecked, so that it fails the cell (and {@code jupyter
 * nbconvert --execute}) wherever it is thrown; its message is one line saying what should have
 * held.
 */
public final class CheckFailed extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CheckFailed(String sentence) {
    super(sentence);
  }
}
