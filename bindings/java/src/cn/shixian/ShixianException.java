package cn.shixian;

import com.sun.jna.Pointer;

/** A shixian error: the status name and the positioned message ("第7个字符处：期望时间单位（…）"). */
public final class ShixianException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final int line;
  private final int column;

  ShixianException(int status, String message, int line, int column) {
    super(message);
    this.status = status;
    this.line = line;
    this.column = column;
  }

  /** The C status code (shixian_status). */
  public int status() { return status; }
  /** 1-based line in characters; 0 when not known. */
  public int line() { return line; }
  /** 1-based column in characters; 0 when not known. */
  public int column() { return column; }

  /** Turns a failed call's error object into the exception (and frees it). */
  static ShixianException of(int status, long[] error) {
    if (error[0] == 0) return new ShixianException(status, "shixian status " + status, 0, 0);
    Pointer e = new Pointer(error[0]);
    try {
      return new ShixianException(status, Native.shixian_error_string(e), Native.shixian_error_line(e),
                                  Native.shixian_error_column(e));
    } finally {
      Native.shixian_error_free(e);
    }
  }
}
