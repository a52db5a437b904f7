package securechat.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One direction of a {@link MemoryLink}: bytes written to {@link #out()} can be read from {@link
 * #in()}. Unlike {@code PipedInputStream}, it does not care which threads read and write, or
 * whether they are still alive; it ends only when one side closes.
 */
final class MemoryPipe {
  private static final int CAPACITY = 64 * 1024;

  private final byte[] buffer = new byte[CAPACITY];
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private int start;
  private int size;
  private boolean writerClosed;
  private boolean readerClosed;

  InputStream in() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return MemoryPipe.this.read(b, off, len);
      }

      @Override
      public void close() {
        closeReader();
      }
    };
  }

  OutputStream out() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        MemoryPipe.this.write(b, off, len);
      }

      @Override
      public void close() {
        closeWriter();
      }
    };
  }

  private int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0; // InputStream's contract: asking for nothing never blocks
    }
    lock.lock();
    try {
      while (size == 0 && !writerClosed && !readerClosed) {
        changed.awaitUninterruptibly();
      }
      if (readerClosed) {
        throw new IOException("Socket closed");
      }
      if (size == 0) {
        return -1;
      }
      int count = Math.min(len, Math.min(size, CAPACITY - start));
      System.arraycopy(buffer, start, b, off, count);
      start = (start + count) % CAPACITY;
      size -= count;
      changed.signalAll();
      return count;
    } finally {
      lock.unlock();
    }
  }

  private void write(byte[] b, int off, int len) throws IOException {
    lock.lock();
    try {
      for (int written = 0; written < len; ) {
        while (size == CAPACITY && !readerClosed && !writerClosed) {
          changed.awaitUninterruptibly();
        }
        if (readerClosed || writerClosed) {
          throw new IOException("Broken pipe: the other end is closed");
        }
        int end = (start + size) % CAPACITY;
        int count = Math.min(len - written, Math.min(CAPACITY - size, CAPACITY - end));
        System.arraycopy(b, off + written, buffer, end, count);
        size += count;
        written += count;
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  void closeReader() {
    lock.lock();
    try {
      readerClosed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  void closeWriter() {
    lock.lock();
    try {
      writerClosed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
