package cn.shixian;

import com.sun.jna.Pointer;
import java.time.LocalDate;

/**
 * The Chinese working-day calendar (statutory holidays, 调休 make-up days), over the C API.
 * Immutable and thread-safe, as the C calendar is. Counting follows SPEC §2: the start day is never counted.
 */
public final class Calendar {
  private static final Calendar CHINA = new Calendar(Native.shixian_calendar_china());
  final Pointer handle;

  private Calendar(Pointer handle) { this.handle = handle; }

  /** The national calendar (2001–2026 from the notices, projected to 2100). */
  public static Calendar china() { return CHINA; }

  /** The library version at run time. */
  public static String version() { return Native.shixian_version(); }

  static int days(LocalDate d) { return Math.toIntExact(d.toEpochDay()); }

  public boolean isWorkday(LocalDate day) {
    int[] out = new int[1];
    long[] error = new long[1];
    int status = Native.shixian_calendar_is_workday(handle, days(day), out, error);
    if (status != Native.OK) throw ShixianException.of(status, error);
    return out[0] != 0;
  }

  /** n &gt; 0: the n-th working day strictly after day; n &lt; 0: before; 0: day. */
  public LocalDate addWorkdays(LocalDate day, int n) {
    int[] out = new int[1];
    long[] error = new long[1];
    int status = Native.shixian_calendar_add_workdays(handle, days(day), n, out, error);
    if (status != Native.OK) throw ShixianException.of(status, error);
    return LocalDate.ofEpochDay(out[0]);
  }

  /** Working days in (a, b] when a &lt;= b, minus those in [b, a) otherwise. */
  public int workdaysBetween(LocalDate a, LocalDate b) {
    int[] out = new int[1];
    long[] error = new long[1];
    int status = Native.shixian_calendar_workdays_between(handle, days(a), days(b), out, error);
    if (status != Native.OK) throw ShixianException.of(status, error);
    return out[0];
  }
}
