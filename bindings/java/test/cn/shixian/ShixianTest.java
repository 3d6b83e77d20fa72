package cn.shixian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShixianTest {
  private static final Calendar CHINA = Calendar.china();

  @Test
  void addWorkdaysCountsMakeupSaturday() {
    // 2016-09-30 (Fri) + 3: 10/8 (Sat, 调休上班) is the 1st, 10/9 the 2nd, 10/10 the 3rd.
    assertEquals(LocalDate.of(2016, 10, 10), CHINA.addWorkdays(LocalDate.of(2016, 9, 30), 3));
    assertEquals(LocalDate.of(2016, 9, 30), CHINA.addWorkdays(LocalDate.of(2016, 10, 10), -3));
    assertEquals(LocalDate.of(2016, 10, 3), CHINA.addWorkdays(LocalDate.of(2016, 10, 3), 0));
  }

  @Test
  void isWorkdayAndBetween() {
    assertTrue(CHINA.isWorkday(LocalDate.of(2016, 10, 8)));
    assertFalse(CHINA.isWorkday(LocalDate.of(2016, 10, 3)));
    assertEquals(3, CHINA.workdaysBetween(LocalDate.of(2016, 9, 30), LocalDate.of(2016, 10, 10)));
    assertEquals(-3, CHINA.workdaysBetween(LocalDate.of(2016, 10, 10), LocalDate.of(2016, 9, 30)));
  }

  @Test
  void outOfRangeIsAnException() {
    ShixianException e = assertThrows(ShixianException.class, () -> CHINA.addWorkdays(LocalDate.of(1990, 1, 1), 1));
    assertEquals(2, e.status());  // SHIXIAN_OUT_OF_RANGE
    assertFalse(e.getMessage().isEmpty());
  }

  @Test
  void ruleDue() {
    try (Rule rule = Rule.parse("形成文件后三个工作日公开")) {
      assertEquals("形成文件后3个工作日内公开", rule.canonical());
      List<Deadline> due = rule.due(2016, Map.of("文件形成", LocalDate.of(2016, 9, 30)));
      assertEquals(1, due.size());
      assertEquals("公开", due.get(0).label());
      assertEquals(LocalDate.of(2016, 10, 10), due.get(0).due());
      ShixianException missing = assertThrows(ShixianException.class, () -> rule.due(2016, Map.of("人大批复",
          LocalDate.of(2016, 9, 30), "收到文件", LocalDate.of(2016, 9, 30))));
      assertEquals(4, missing.status());  // SHIXIAN_MISSING_CONTEXT
      assertTrue(missing.getMessage().contains("形成文件"), missing.getMessage());
    }
  }

  @Test
  void milestonesGiveTwoDeadlines() {
    try (Rule rule = Rule.parse("7月底前启动，9月底前完成")) {
      List<Deadline> due = rule.due(2016, Map.of());
      assertEquals(List.of("启动", "完成"), due.stream().map(Deadline::label).toList());
      assertEquals(LocalDate.of(2016, 7, 31), due.get(0).due());
      assertEquals(LocalDate.of(2016, 9, 30), due.get(1).due());
    }
  }

  @Test
  void parseErrorCarriesThePosition() {
    ShixianException e = assertThrows(ShixianException.class, () -> Rule.parse("形成文件后3个工作"));
    assertEquals(3, e.status());  // SHIXIAN_PARSE_ERROR
    assertEquals(7, e.column());
    assertTrue(e.getMessage().contains("期望时间单位"), e.getMessage());
  }

  @Test
  void version() {
    assertTrue(Calendar.version().matches("\\d+\\.\\d+\\.\\d+"));
  }
}
