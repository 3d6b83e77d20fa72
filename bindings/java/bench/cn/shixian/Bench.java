package cn.shixian;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * addWorkdays(d, 20) over many dates, side by side in one run: shixian through JNA, and what a Java shop
 * writes today (a HashSet of holidays and a HashSet of 调休 make-up days, and a loop over the days). The
 * two sets are filled from shixian's own calendar for 2001–2026 so both give the same answers (checked).
 * Usage: Bench [dates] [rounds]
 */
public final class Bench {
  public static void main(String[] args) {
    int dates = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Calendar china = Calendar.china();
    Set<LocalDate> holidays = new HashSet<>();
    Set<LocalDate> makeup = new HashSet<>();
    for (LocalDate d = LocalDate.of(2001, 1, 1); d.isBefore(LocalDate.of(2027, 1, 1)); d = d.plusDays(1)) {
      boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
      boolean work = china.isWorkday(d);
      if (!weekend && !work) holidays.add(d);
      if (weekend && work) makeup.add(d);
    }
    LocalDate[] starts = new LocalDate[dates];
    java.util.Random random = new java.util.Random(18);
    for (int i = 0; i < dates; ++i) starts[i] = LocalDate.of(2002, 1, 1).plusDays(random.nextInt(365 * 24));
    for (int i = 0; i < dates; i += 997) {
      if (!china.addWorkdays(starts[i], 20).equals(loop(holidays, makeup, starts[i], 20))) {
        throw new AssertionError("different answers for " + starts[i]);
      }
    }
    double bestShixian = Double.MAX_VALUE, bestLoop = Double.MAX_VALUE;
    long sink = 0;
    for (int r = 0; r < rounds; ++r) {  // interleaved, so both see the same load
      long t0 = System.nanoTime();
      for (LocalDate d : starts) sink += china.addWorkdays(d, 20).getDayOfMonth();
      long t1 = System.nanoTime();
      for (LocalDate d : starts) sink += loop(holidays, makeup, d, 20).getDayOfMonth();
      long t2 = System.nanoTime();
      bestShixian = Math.min(bestShixian, (t1 - t0) / (double) dates);
      bestLoop = Math.min(bestLoop, (t2 - t1) / (double) dates);
    }
    System.out.printf("addWorkdays(d, 20), %d dates, best of %d rounds (checksum %d)%n", dates, rounds, sink);
    System.out.printf("  shixian via JNA:             %8.1f ns/call%n", bestShixian);
    System.out.printf("  HashSet<LocalDate> day loop: %8.1f ns/call%n", bestLoop);
    System.out.printf("  ratio (loop / shixian):      %8.2f%n", bestLoop / bestShixian);
  }

  static LocalDate loop(Set<LocalDate> holidays, Set<LocalDate> makeup, LocalDate d, int n) {
    while (n > 0) {
      d = d.plusDays(1);
      boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
      if (makeup.contains(d) || (!weekend && !holidays.contains(d))) --n;
    }
    return d;
  }
}
