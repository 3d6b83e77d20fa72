package cn.shixian;

import com.sun.jna.Pointer;

/** The C API of shixian/shixian.h, JNA direct mapping (no logic here). */
final class Native {
  static {
    com.sun.jna.Native.register(Native.class, "shixian");
  }

  private Native() {}

  static native String shixian_version();
  static native String shixian_error_message(Pointer error);
  static native String shixian_error_string(Pointer error);
  static native int shixian_error_code(Pointer error);
  static native int shixian_error_line(Pointer error);
  static native int shixian_error_column(Pointer error);
  static native void shixian_error_free(Pointer error);
  static native void shixian_free(Pointer p);

  static native Pointer shixian_calendar_china();
  static native int shixian_calendar_is_workday(Pointer calendar, int day, int[] workday, long[] error);
  static native int shixian_calendar_add_workdays(Pointer calendar, int day, int n, int[] result, long[] error);
  static native int shixian_calendar_workdays_between(Pointer calendar, int a, int b, int[] count, long[] error);

  static native int shixian_rule_parse(byte[] text, Pointer calendar, long[] rule, long[] error);
  static native void shixian_rule_free(Pointer rule);
  static native int shixian_rule_canonical(Pointer rule, long[] text, long[] error);
  static native int shixian_rule_due(Pointer rule, int year, Pointer events, long eventCount, Pointer deadlines,
                                     long capacity, long[] count, long[] error);

  static final int OK = 0;
  static final int BUFFER_TOO_SMALL = 7;
}
