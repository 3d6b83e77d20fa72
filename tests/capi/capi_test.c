/* Every function of shixian/shixian.h, the good and the bad cases, from C11
 * (gcc -std=c11 -Wall -Wextra -pedantic -Werror). Dates checked against
 * hand-computed values. Usage: capi_test SOURCE_DIR */
#include <shixian/shixian.h>
#include <shixian/version.hpp>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;
#define CHECK(cond)                                                  \
  do {                                                               \
    if (!(cond)) {                                                   \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                    \
    }                                                                \
  } while (0)

static char path_buffer[4096];
static const char* path(const char* dir, const char* file) {
  snprintf(path_buffer, sizeof path_buffer, "%s/%s", dir, file);
  return path_buffer;
}

static void test_version_and_status(void) {
  char expected[32];
  snprintf(expected, sizeof expected, "%d.%d.%d", SHIXIAN_VERSION_MAJOR, SHIXIAN_VERSION_MINOR, SHIXIAN_VERSION_PATCH);
  CHECK(strcmp(shixian_version(), expected) == 0);
  CHECK(strcmp(shixian_status_name(SHIXIAN_OK), "ok") == 0);
  CHECK(strcmp(shixian_status_name(SHIXIAN_PARSE_ERROR), "parse_error") == 0);
  CHECK(strcmp(shixian_status_name(SHIXIAN_BUFFER_TOO_SMALL), "buffer_too_small") == 0);
  CHECK(strcmp(shixian_status_name((shixian_status)99), "unknown") == 0);
  shixian_free(NULL);
  shixian_error_free(NULL);
  shixian_rule_free(NULL);
  shixian_report_free(NULL);
  shixian_calendar_free(NULL);
}

static void test_dates(void) {
  int32_t d = -1;
  shixian_error* err = (shixian_error*)1;
  CHECK(shixian_date_parse("2016-10-10", &d, &err) == SHIXIAN_OK);
  CHECK(d == 17084 && err == NULL);
  CHECK(shixian_date_parse("1970-01-01", &d, NULL) == SHIXIAN_OK && d == 0);
  char iso[SHIXIAN_DATE_BUFFER];
  shixian_date_format(17074, iso);
  CHECK(strcmp(iso, "2016-09-30") == 0);
  shixian_date_format(-1, iso);
  CHECK(strcmp(iso, "1969-12-31") == 0);
  shixian_date_format(2932896, iso);
  CHECK(strcmp(iso, "9999-12-31") == 0);
  shixian_date_format(-719528, iso);
  CHECK(strcmp(iso, "0000-01-01") == 0);

  d = 12345;
  CHECK(shixian_date_parse("2016-02-30", &d, &err) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(d == 12345); /* untouched on failure */
  CHECK(err != NULL);
  CHECK(shixian_error_code(err) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(strstr(shixian_error_message(err), "2016年2月只有29天") != NULL);
  CHECK(shixian_error_column(err) == 9);
  CHECK(strstr(shixian_error_string(err), "2016年2月只有29天") != NULL);
  shixian_error_free(err);
  CHECK(shixian_date_parse(NULL, &d, &err) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(strstr(shixian_error_message(err), "iso") != NULL);
  shixian_error_free(err);
  CHECK(shixian_date_parse("2016-13-01", &d, NULL) == SHIXIAN_INVALID_ARGUMENT);

  CHECK(shixian_date_from_ymd(2016, 10, 8, &d, NULL) == SHIXIAN_OK && d == 17082);
  CHECK(shixian_date_from_ymd(2016, 2, 30, &d, &err) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(strstr(shixian_error_message(err), "29天") != NULL);
  shixian_error_free(err);
  CHECK(shixian_date_from_ymd(2016, -3, 1, &d, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_date_from_ymd(2016, 1, 0, &d, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_date_from_ymd(2016, 1, 1, NULL, NULL) == SHIXIAN_INVALID_ARGUMENT);
}

static void test_china(void) {
  const shixian_calendar* china = shixian_calendar_china();
  CHECK(china != NULL && china == shixian_calendar_china());
  CHECK(shixian_calendar_first_day(china) == 11323); /* 2001-01-01 */
  CHECK(shixian_calendar_last_day(china) == 47846);  /* 2100-12-31 */
  int w = -1;
  CHECK(shixian_calendar_is_workday(china, 17082, &w, NULL) == SHIXIAN_OK && w == 1); /* 2016-10-08 Sat 调休上班 */
  CHECK(shixian_calendar_is_workday(china, 17077, &w, NULL) == SHIXIAN_OK && w == 0); /* 2016-10-03 国庆 */
  int32_t due = 0;
  CHECK(shixian_calendar_add_workdays(china, 17074, 3, &due, NULL) == SHIXIAN_OK && due == 17084);
  CHECK(shixian_calendar_add_workdays(china, 17084, -3, &due, NULL) == SHIXIAN_OK && due == 17074 - 1 + 1);
  CHECK(shixian_calendar_add_workdays(china, 17077, 0, &due, NULL) == SHIXIAN_OK && due == 17077);
  int32_t n = 0;
  CHECK(shixian_calendar_workdays_between(china, 17074, 17084, &n, NULL) == SHIXIAN_OK && n == 3);
  CHECK(shixian_calendar_workdays_between(china, 17084, 17074, &n, NULL) == SHIXIAN_OK && n == -3);

  shixian_day_info info;
  CHECK(shixian_calendar_day_info(china, 17082, &info, NULL) == SHIXIAN_OK);
  CHECK(info.date == 17082 && info.workday == 1 && info.kind == SHIXIAN_MAKEUP_WORKDAY && info.projected == 0);
  CHECK(shixian_calendar_day_info(china, 17077, &info, NULL) == SHIXIAN_OK);
  CHECK(info.kind == SHIXIAN_STATUTORY_HOLIDAY && strcmp(info.festival, "国庆节") == 0);
  CHECK(shixian_calendar_day_info(china, 20859, &info, NULL) == SHIXIAN_OK); /* 2027-02-10 */
  CHECK(info.projected == 1);

  /* Errors: out of range (1990), NULL arguments. */
  shixian_error* err = NULL;
  CHECK(shixian_calendar_add_workdays(china, 7305, 1, &due, &err) == SHIXIAN_OUT_OF_RANGE);
  CHECK(err != NULL && shixian_error_code(err) == SHIXIAN_OUT_OF_RANGE && strlen(shixian_error_message(err)) > 0);
  shixian_error_free(err);
  CHECK(shixian_calendar_add_workdays(china, 47847, 5, &due, NULL) == SHIXIAN_OUT_OF_RANGE);
  CHECK(shixian_calendar_is_workday(china, 7305, &w, NULL) == SHIXIAN_OUT_OF_RANGE);
  CHECK(shixian_calendar_workdays_between(china, 7305, 17084, &n, NULL) == SHIXIAN_OUT_OF_RANGE);
  CHECK(shixian_calendar_day_info(china, 7305, &info, NULL) == SHIXIAN_OUT_OF_RANGE);
  CHECK(shixian_calendar_is_workday(NULL, 17082, &w, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_calendar_is_workday(china, 17082, NULL, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_calendar_add_workdays(china, 17082, 1, NULL, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_calendar_workdays_between(china, 1, 2, NULL, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_calendar_day_info(china, 17082, NULL, NULL) == SHIXIAN_INVALID_ARGUMENT);
  shixian_calendar_free(china); /* does nothing */
  CHECK(shixian_calendar_is_workday(china, 17082, &w, NULL) == SHIXIAN_OK);
}

static void test_calendar_files(const char* src) {
  char year_path[4096], overlay_path[4096];
  snprintf(year_path, sizeof year_path, "%s", path(src, "holidays/2016.txt"));
  snprintf(overlay_path, sizeof overlay_path, "%s", path(src, "examples/overlays/guangxi-sanyuesan.txt"));
  const char* years[] = {year_path};
  const char* overlays[] = {overlay_path};
  shixian_calendar* guangxi = NULL;
  shixian_error* err = NULL;
  CHECK(shixian_calendar_from_files(years, 1, overlays, 1, 0, &guangxi, &err) == SHIXIAN_OK && err == NULL);
  int w = -1;
  CHECK(shixian_calendar_is_workday(guangxi, 16899, &w, NULL) == SHIXIAN_OK && w == 0); /* 2016-04-08 三月三 补休 */
  CHECK(shixian_calendar_is_workday(shixian_calendar_china(), 16899, &w, NULL) == SHIXIAN_OK && w == 1);
  shixian_day_info info;
  CHECK(shixian_calendar_day_info(guangxi, 16899, &info, NULL) == SHIXIAN_OK);
  CHECK(info.kind == SHIXIAN_SWAPPED_REST_DAY && strcmp(info.festival, "三月三") == 0);

  /* A rule compiled against it counts the regional days. */
  shixian_rule* rule = NULL;
  CHECK(shixian_rule_parse("形成文件后1个工作日公开", guangxi, &rule, NULL) == SHIXIAN_OK);
  shixian_event ev = {"形成文件", 16898, -1}; /* 2016-04-07 Thu */
  shixian_deadline d[2];
  size_t count = 0;
  CHECK(shixian_rule_due(rule, 2016, &ev, 1, d, 2, &count, NULL) == SHIXIAN_OK && count == 1);
  CHECK(d[0].due == 16903); /* 2016-04-12 Tue: 8th–11th off */
  shixian_rule_free(rule);
  shixian_calendar_free(guangxi);

  /* Strict, no built-in data: only 2016 official; 2017 refused. */
  shixian_calendar* strict = NULL;
  CHECK(shixian_calendar_from_files(years, 1, NULL, 0, SHIXIAN_CALENDAR_STRICT | SHIXIAN_CALENDAR_NO_BUILTIN, &strict,
                                    NULL) == SHIXIAN_OK);
  CHECK(shixian_calendar_is_workday(strict, 17082, &w, NULL) == SHIXIAN_OK && w == 1);
  CHECK(shixian_calendar_is_workday(strict, 17300, &w, &err) == SHIXIAN_PROJECTED_YEAR);
  shixian_error_free(err);
  shixian_calendar_free(strict);

  /* Bad files: missing (io_error naming the file), malformed (line and column). */
  const char* missing[] = {"/nonexistent/2099.txt"};
  CHECK(shixian_calendar_from_files(missing, 1, NULL, 0, 0, &strict, &err) == SHIXIAN_IO_ERROR);
  CHECK(strcmp(shixian_error_source(err), "/nonexistent/2099.txt") == 0);
  shixian_error_free(err);
  const char* bad_overlay[] = {year_path}; /* a year file is not an overlay */
  CHECK(shixian_calendar_from_files(NULL, 0, bad_overlay, 1, 0, &strict, &err) != SHIXIAN_OK);
  CHECK(shixian_error_line(err) > 0 && strlen(shixian_error_source(err)) > 0);
  shixian_error_free(err);
  CHECK(shixian_calendar_from_files(NULL, 1, NULL, 0, 0, &strict, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_calendar_from_files(NULL, 0, NULL, 0, 0, NULL, NULL) == SHIXIAN_INVALID_ARGUMENT);
}

static void test_rules(void) {
  shixian_rule* rule = NULL;
  shixian_error* err = NULL;
  CHECK(shixian_rule_parse("形成文件后三个工作日公开", NULL, &rule, &err) == SHIXIAN_OK && err == NULL);
  char* text = NULL;
  CHECK(shixian_rule_canonical(rule, &text, NULL) == SHIXIAN_OK);
  CHECK(text && strcmp(text, "形成文件后3个工作日内公开") == 0);
  shixian_free(text);
  CHECK(shixian_rule_json(rule, &text, NULL) == SHIXIAN_OK);
  CHECK(text && strstr(text, "\"kind\":\"deadline\"") != NULL);
  shixian_free(text);

  shixian_event ev = {"文件形成", 17074, -1}; /* a synonym of 形成文件 */
  shixian_deadline d[4];
  size_t count = 0;
  CHECK(shixian_rule_due(rule, 2016, &ev, 1, d, 4, &count, NULL) == SHIXIAN_OK);
  CHECK(count == 1 && d[0].due == 17084 && strcmp(d[0].label, "公开") == 0 && d[0].type == SHIXIAN_BY);
  CHECK(d[0].has_due == 1 && d[0].minute == -1 && d[0].provisional == 0);
  /* Capacity 0: the count only. */
  CHECK(shixian_rule_due(rule, 2016, &ev, 1, NULL, 0, &count, &err) == SHIXIAN_BUFFER_TOO_SMALL && count == 1);
  shixian_error_free(err);
  /* Missing event: the message names it. */
  CHECK(shixian_rule_due(rule, 2016, NULL, 0, d, 4, &count, &err) != SHIXIAN_OK);
  shixian_error_free(err);
  shixian_event other = {"人大批复", 17074, -1};
  shixian_event two[2] = {other, {"收到文件", 17074, -1}};
  CHECK(shixian_rule_due(rule, 2016, two, 2, d, 4, &count, &err) == SHIXIAN_MISSING_CONTEXT);
  CHECK(strstr(shixian_error_message(err), "形成文件") != NULL);
  shixian_error_free(err);
  shixian_event bad_minute = {"形成文件", 17074, 1440};
  CHECK(shixian_rule_due(rule, 2016, &bad_minute, 1, d, 4, &count, NULL) == SHIXIAN_INVALID_ARGUMENT);
  shixian_event null_name = {NULL, 17074, -1};
  CHECK(shixian_rule_due(rule, 2016, &null_name, 1, d, 4, &count, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_rule_due(rule, 2016, NULL, 1, d, 4, &count, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_rule_due(rule, 2016, &ev, 1, NULL, 4, &count, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_rule_due(rule, 2016, &ev, 1, d, 4, NULL, NULL) == SHIXIAN_INVALID_ARGUMENT);
  shixian_rule_free(rule);

  /* Milestones: two deadlines; the plan year needed. */
  CHECK(shixian_rule_parse("7月底前启动，9月底前完成", NULL, &rule, NULL) == SHIXIAN_OK);
  CHECK(shixian_rule_due(rule, 2016, NULL, 0, d, 1, &count, NULL) == SHIXIAN_BUFFER_TOO_SMALL && count == 2);
  CHECK(shixian_rule_due(rule, 2016, NULL, 0, d, 4, &count, NULL) == SHIXIAN_OK && count == 2);
  CHECK(d[0].due == 17013 && strcmp(d[0].label, "启动") == 0); /* 2016-07-31 */
  CHECK(d[1].due == 17074 && strcmp(d[1].label, "完成") == 0); /* 2016-09-30 */
  CHECK(shixian_rule_due(rule, 0, NULL, 0, d, 4, &count, &err) == SHIXIAN_MISSING_CONTEXT);
  CHECK(strstr(shixian_error_message(err), "计划年度") != NULL);
  shixian_error_free(err);
  shixian_rule_free(rule);

  /* No deadline: count 0. */
  CHECK(shixian_rule_parse("长期推进", NULL, &rule, NULL) == SHIXIAN_OK);
  CHECK(shixian_rule_due(rule, 2016, NULL, 0, NULL, 0, &count, NULL) == SHIXIAN_OK && count == 0);
  shixian_rule_free(rule);

  /* Parse errors carry the character position. */
  rule = (shixian_rule*)1;
  CHECK(shixian_rule_parse("形成文件后3个工作", NULL, &rule, &err) == SHIXIAN_PARSE_ERROR);
  CHECK(rule == (shixian_rule*)1);
  CHECK(shixian_error_code(err) == SHIXIAN_PARSE_ERROR);
  CHECK(strstr(shixian_error_message(err), "期望时间单位") != NULL);
  CHECK(shixian_error_column(err) == 7 && shixian_error_offset(err) == 6);
  shixian_error_free(err);
  CHECK(shixian_rule_parse("\xff\xfe", NULL, &rule, &err) != SHIXIAN_OK);
  shixian_error_free(err);
  CHECK(shixian_rule_parse(NULL, NULL, &rule, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_rule_parse("每季度末", NULL, NULL, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_rule_canonical(NULL, &text, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_rule_json(NULL, &text, NULL) == SHIXIAN_INVALID_ARGUMENT);
}

static void test_check(const char* src) {
  char tasks[4096];
  snprintf(tasks, sizeof tasks, "%s", path(src, "examples/check/tasks.csv"));
  shixian_check_options options = {0, 2016, NULL};
  CHECK(shixian_date_parse("2016-12-31", &options.as_of, NULL) == SHIXIAN_OK);
  shixian_report* report = NULL;
  shixian_error* err = NULL;
  CHECK(shixian_check_files(tasks, path(src, "examples/check/publications.csv"), &options, &report, &err) == SHIXIAN_OK);
  CHECK(report != NULL && err == NULL);
  CHECK(shixian_report_tasks(report) > 0);
  uint64_t total = 0;
  for (int v = 0; v < SHIXIAN_VERDICT_COUNT; ++v) total += shixian_report_count(report, (shixian_verdict)v);
  CHECK(total >= shixian_report_tasks(report));
  CHECK(shixian_report_count(report, SHIXIAN_ON_TIME) > 0);
  CHECK(shixian_report_count(report, SHIXIAN_VERDICT_COUNT) == 0);
  CHECK(shixian_report_count(NULL, SHIXIAN_ON_TIME) == 0);
  char* text = NULL;
  CHECK(shixian_report_text(report, &text, NULL) == SHIXIAN_OK && strstr(text, "政务公开时限检查报告") != NULL);
  shixian_free(text);
  CHECK(shixian_report_csv(report, &text, NULL) == SHIXIAN_OK && strncmp(text, "task_id,obligation,", 19) == 0);
  /* One CSV row per finding, after the header. */
  size_t lines = 0;
  for (const char* p = text; *p; ++p) lines += *p == '\n';
  CHECK(lines == total + 1);
  shixian_free(text);
  CHECK(shixian_report_text(NULL, &text, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_report_csv(report, NULL, NULL) == SHIXIAN_INVALID_ARGUMENT);
  shixian_report_free(report);

  report = NULL;
  char publications[4096];
  snprintf(publications, sizeof publications, "%s", path(src, "examples/check/publications.csv"));
  CHECK(shixian_check_files("/nonexistent/tasks.csv", publications, &options, &report, &err) == SHIXIAN_IO_ERROR);
  CHECK(report == NULL && err != NULL && strlen(shixian_error_string(err)) > 0);
  shixian_error_free(err);
  CHECK(shixian_check_files(tasks, tasks, NULL, &report, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_check_files(NULL, tasks, &options, &report, NULL) == SHIXIAN_INVALID_ARGUMENT);
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: capi_test SOURCE_DIR\n");
    return 2;
  }
  test_version_and_status();
  test_dates();
  test_china();
  test_calendar_files(argv[1]);
  test_rules();
  test_check(argv[1]);
  if (failures) {
    fprintf(stderr, "%d checks failed\n", failures);
    return 1;
  }
  printf("capi_test: all checks passed\n");
  return 0;
}
