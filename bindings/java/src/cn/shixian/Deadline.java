package cn.shixian;

import java.time.LocalDate;

/** One deadline of a rule (shixian_deadline): its label (公开, 启动, 完成 …), due day and period. */
public record Deadline(String label, LocalDate due, LocalDate periodStart, LocalDate periodEnd, boolean provisional) {}
