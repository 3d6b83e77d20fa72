package cn.shixian;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A time rule parsed and compiled against the national calendar; immutable and thread-safe. */
public final class Rule implements AutoCloseable {
  private static final Cleaner CLEANER = Cleaner.create();
  // struct shixian_deadline / shixian_event layouts on LP64 (shixian/shixian.h).
  private static final int DEADLINE_SIZE = 56;
  private static final int EVENT_SIZE = 16;

  private final Pointer handle;
  private final Cleaner.Cleanable cleanable;

  private Rule(Pointer handle) {
    this.handle = handle;
    this.cleanable = CLEANER.register(this, () -> Native.shixian_rule_free(handle));
  }

  /** Parses a rule ("形成文件后3个工作日公开"); a ShixianException with the position when it does not parse. */
  public static Rule parse(String text) {
    long[] rule = new long[1];
    long[] error = new long[1];
    int status = Native.shixian_rule_parse(cString(text), null, rule, error);
    if (status != Native.OK) throw ShixianException.of(status, error);
    return new Rule(new Pointer(rule[0]));
  }

  /** The canonical phrase: 形成文件后三个工作日公开 → 形成文件后3个工作日内公开. */
  public String canonical() {
    long[] out = new long[1];
    long[] error = new long[1];
    int status = Native.shixian_rule_canonical(handle, out, error);
    if (status != Native.OK) throw ShixianException.of(status, error);
    Pointer p = new Pointer(out[0]);
    try {
      return p.getString(0, "UTF-8");
    } finally {
      Native.shixian_free(p);
    }
  }

  /** The deadlines for plan year {@code year} (0: none) and the events' dates (形成文件 → 2016-09-30). */
  public List<Deadline> due(int year, Map<String, LocalDate> events) {
    Memory names = null;
    Memory eventArray = null;
    if (!events.isEmpty()) {
      List<byte[]> encoded = new ArrayList<>();
      long bytes = 0;
      for (String name : events.keySet()) {
        byte[] b = cString(name);
        encoded.add(b);
        bytes += b.length;
      }
      names = new Memory(bytes);
      eventArray = new Memory((long) EVENT_SIZE * events.size());
      long offset = 0;
      int i = 0;
      for (Map.Entry<String, LocalDate> e : events.entrySet()) {
        byte[] b = encoded.get(i);
        names.write(offset, b, 0, b.length);
        eventArray.setPointer((long) i * EVENT_SIZE, names.share(offset));
        eventArray.setInt((long) i * EVENT_SIZE + 8, Calendar.days(e.getValue()));
        eventArray.setInt((long) i * EVENT_SIZE + 12, -1);
        offset += b.length;
        ++i;
      }
    }
    long capacity = 4;
    while (true) {
      Memory out = new Memory(DEADLINE_SIZE * capacity);
      long[] count = new long[1];
      long[] error = new long[1];
      int status = Native.shixian_rule_due(handle, year, eventArray, events.size(), out, capacity, count, error);
      if (status == Native.BUFFER_TOO_SMALL) {
        Native.shixian_error_free(new Pointer(error[0]));
        capacity = count[0];
        continue;
      }
      if (status != Native.OK) throw ShixianException.of(status, error);
      List<Deadline> result = new ArrayList<>((int) count[0]);
      for (int i = 0; i < count[0]; ++i) {
        long base = (long) i * DEADLINE_SIZE;
        result.add(new Deadline(out.getPointer(base).getString(0, "UTF-8"),
                                LocalDate.ofEpochDay(out.getInt(base + 16)),
                                LocalDate.ofEpochDay(out.getInt(base + 24)),
                                LocalDate.ofEpochDay(out.getInt(base + 28)), out.getInt(base + 44) != 0));
      }
      return result;
    }
  }

  @Override
  public void close() { cleanable.clean(); }

  private static byte[] cString(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    byte[] z = new byte[utf8.length + 1];
    System.arraycopy(utf8, 0, z, 0, utf8.length);
    return z;
  }
}
