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

/* What the PostgreSQL extension (and any caller holding its own records) needs:
 * event times, caret lines, what a missing context needs, names, holiday
 * blocks, and the checker of one task at a time. */
static void test_event_times_and_errors(void) {
  int32_t date = 0, minute = 0;
  CHECK(shixian_event_time_parse("2016-09-30T09:30", &date, &minute, NULL) == SHIXIAN_OK);
  CHECK(date == 17074 && minute == 570);
  CHECK(shixian_event_time_parse("2016-09-30 09:30", &date, &minute, NULL) == SHIXIAN_OK && minute == 570);
  CHECK(shixian_event_time_parse("2016-09-30", &date, &minute, NULL) == SHIXIAN_OK && date == 17074 && minute == -1);
  shixian_error* err = NULL;
  date = 5, minute = 6;
  CHECK(shixian_event_time_parse("2016-02-30", &date, &minute, &err) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(date == 5 && minute == 6); /* untouched on failure */
  CHECK(shixian_error_column(err) == 9 && strstr(shixian_error_message(err), "2016年2月只有29天") != NULL);
  char* text = NULL;
  CHECK(shixian_error_render(err, "2016-02-30", &text, NULL) == SHIXIAN_OK);
  CHECK(text && strcmp(text, "1 | 2016-02-30\n  |         ^ 日期不存在：2016年2月只有29天\n") == 0);
  shixian_free(text);
  CHECK(shixian_error_needed_count(err) == 0 && shixian_error_needed(err, 0) == NULL);
  shixian_error_free(err);
  CHECK(shixian_event_time_parse("2016-09-30T24:00", &date, &minute, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_event_time_parse("", &date, &minute, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_event_time_parse(NULL, &date, &minute, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_event_time_parse("2016-09-30", NULL, &minute, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_event_time_parse("2016-09-30", &date, NULL, NULL) == SHIXIAN_INVALID_ARGUMENT);

  /* A rule's caret line: full-width characters take two columns. */
  shixian_rule* rule = NULL;
  CHECK(shixian_rule_parse("形成文件后3个工作", NULL, &rule, &err) == SHIXIAN_PARSE_ERROR);
  CHECK(shixian_error_render(err, "形成文件后3个工作", &text, NULL) == SHIXIAN_OK);
  CHECK(text && strncmp(text, "1 | 形成文件后3个工作\n  |            ^", strlen("1 | 形成文件后3个工作\n  |            ^")) == 0);
  shixian_free(text);
  CHECK(shixian_error_render(err, NULL, &text, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_error_render(err, "x", NULL, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_error_render(NULL, "x", &text, NULL) == SHIXIAN_INVALID_ARGUMENT);
  shixian_error_free(err);
  /* No column: the empty string. */
  CHECK(shixian_calendar_is_workday(shixian_calendar_china(), 7305, &(int){0}, &err) == SHIXIAN_OUT_OF_RANGE);
  CHECK(shixian_error_render(err, "whatever", &text, NULL) == SHIXIAN_OK && text && text[0] == '\0');
  shixian_free(text);
  shixian_error_free(err);

  /* Missing context: what would do. */
  CHECK(shixian_rule_parse("形成文件后3个工作日公开", NULL, &rule, NULL) == SHIXIAN_OK);
  size_t count = 0;
  CHECK(shixian_rule_due(rule, 2016, NULL, 0, NULL, 0, &count, &err) == SHIXIAN_MISSING_CONTEXT);
  CHECK(shixian_error_needed_count(err) == 1 && strcmp(shixian_error_needed(err, 0), "形成文件") == 0);
  CHECK(shixian_error_needed(err, 1) == NULL);
  shixian_error_free(err);
  shixian_rule_free(rule);
  CHECK(shixian_rule_parse("9月底前完成", NULL, &rule, NULL) == SHIXIAN_OK);
  CHECK(shixian_rule_due(rule, 0, NULL, 0, NULL, 0, &count, &err) == SHIXIAN_MISSING_CONTEXT);
  CHECK(shixian_error_needed_count(err) == 1 && strcmp(shixian_error_needed(err, 0), "计划年度") == 0);
  shixian_error_free(err);
  shixian_rule_free(rule);
  CHECK(shixian_error_needed_count(NULL) == 0 && shixian_error_needed(NULL, 0) == NULL);
}

static void test_names_and_blocks(void) {
  CHECK(strcmp(shixian_day_kind_name(SHIXIAN_WORKDAY), "workday") == 0);
  CHECK(strcmp(shixian_day_kind_name(SHIXIAN_STATUTORY_HOLIDAY), "holiday") == 0);
  CHECK(strcmp(shixian_day_kind_name(SHIXIAN_SWAPPED_REST_DAY), "swapped_rest") == 0);
  CHECK(strcmp(shixian_day_kind_name(SHIXIAN_MAKEUP_WORKDAY), "makeup_work") == 0);
  CHECK(strcmp(shixian_day_kind_name((shixian_day_kind)5), "unknown") == 0);
  CHECK(strcmp(shixian_day_kind_name((shixian_day_kind)-1), "unknown") == 0);
  CHECK(strcmp(shixian_obligation_name(SHIXIAN_BY), "by") == 0);
  CHECK(strcmp(shixian_obligation_name(SHIXIAN_MIN_DURATION), "min_duration") == 0);
  CHECK(strcmp(shixian_obligation_name((shixian_obligation)4), "unknown") == 0);
  CHECK(strcmp(shixian_verdict_name(SHIXIAN_ON_TIME), "on_time") == 0);
  CHECK(strcmp(shixian_verdict_name(SHIXIAN_INVALID_RULE), "invalid_rule") == 0);
  CHECK(strcmp(shixian_verdict_name(SHIXIAN_VERDICT_COUNT), "unknown") == 0);

  const shixian_calendar* china = shixian_calendar_china();
  shixian_holiday_block blocks[8];
  size_t count = 0;
  CHECK(shixian_calendar_holiday_blocks(china, 2016, blocks, 8, &count, NULL) == SHIXIAN_OK && count == 7);
  CHECK(blocks[0].first == 16801 && blocks[0].last == 16803 && strcmp(blocks[0].festival, "元旦") == 0); /* 1/1–1/3 */
  CHECK(blocks[6].first == 17075 && blocks[6].last == 17081 && strcmp(blocks[6].festival, "国庆节") == 0); /* 10/1–10/7 */
  /* 2015: eight, with the one-off 抗战胜利纪念日 break of 9/3–9/5. */
  CHECK(shixian_calendar_holiday_blocks(china, 2015, blocks, 8, &count, NULL) == SHIXIAN_OK && count == 8);
  CHECK(blocks[5].first == 16681 && blocks[5].last == 16683 && strcmp(blocks[5].festival, "抗战胜利纪念日") == 0);
  shixian_error* err = NULL;
  CHECK(shixian_calendar_holiday_blocks(china, 2016, blocks, 6, &count, &err) == SHIXIAN_BUFFER_TOO_SMALL);
  CHECK(count == 7 && err != NULL);
  shixian_error_free(err);
  CHECK(shixian_calendar_holiday_blocks(china, 2016, NULL, 0, &count, NULL) == SHIXIAN_BUFFER_TOO_SMALL && count == 7);
  CHECK(shixian_calendar_holiday_blocks(china, 1990, blocks, 8, &count, &err) == SHIXIAN_OUT_OF_RANGE);
  CHECK(strstr(shixian_error_message(err), "1990") != NULL);
  shixian_error_free(err);
  CHECK(shixian_calendar_holiday_blocks(china, -2147483647 - 1, blocks, 8, &count, NULL) == SHIXIAN_OUT_OF_RANGE);
  CHECK(shixian_calendar_holiday_blocks(china, 2147483647, blocks, 8, &count, NULL) == SHIXIAN_OUT_OF_RANGE);
  CHECK(shixian_calendar_holiday_blocks(NULL, 2016, blocks, 8, &count, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_calendar_holiday_blocks(china, 2016, NULL, 8, &count, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_calendar_holiday_blocks(china, 2016, blocks, 8, NULL, NULL) == SHIXIAN_INVALID_ARGUMENT);
}

static void test_checker(void) {
  shixian_check_options options = {17166, 0, NULL}; /* as of 2016-12-31 */
  shixian_checker* checker = NULL;
  shixian_error* err = NULL;
  CHECK(shixian_checker_new(&options, &checker, &err) == SHIXIAN_OK && checker != NULL && err == NULL);
  const shixian_finding* f = NULL;
  size_t n = 0;

  /* 形成文件 2016-09-30 (Fri): due 2016-10-10; published that day: on time. */
  shixian_event formed = {"形成文件", 17074, -1};
  shixian_task task = {"形成文件后3个工作日公开", 2016, &formed, 1};
  shixian_publication on_time = {17084, -1, 0, 0, -1, 0};
  CHECK(shixian_checker_check(checker, &task, &on_time, 1, &f, &n, &err) == SHIXIAN_OK && err == NULL);
  CHECK(n == 1 && f[0].verdict == SHIXIAN_ON_TIME && f[0].due == 17084 && f[0].has_due == 1);
  CHECK(f[0].obligation == 1 && strcmp(f[0].label, "公开") == 0 && f[0].type == SHIXIAN_BY);
  CHECK(f[0].has_published == 1 && f[0].published == 17084 && f[0].has_withdrawn == 0 && f[0].provisional == 0);
  CHECK(f[0].has_period == 1 && f[0].period_start == 17074 && f[0].period_end == 17084);
  /* 2016-10-12 (Wed): two working days and two days late. */
  shixian_publication late = {17086, -1, 0, 0, -1, 0};
  CHECK(shixian_checker_check(checker, &task, &late, 1, &f, &n, NULL) == SHIXIAN_OK && n == 1);
  CHECK(f[0].verdict == SHIXIAN_LATE && f[0].late_workdays == 2 && f[0].late_days == 2 && f[0].published == 17086);
  /* Nothing published: missing; published after as_of: ignored, so missing too. */
  CHECK(shixian_checker_check(checker, &task, NULL, 0, &f, &n, NULL) == SHIXIAN_OK && n == 1);
  CHECK(f[0].verdict == SHIXIAN_MISSING && f[0].has_published == 0);
  shixian_publication after = {17200, -1, 0, 0, -1, 0};
  CHECK(shixian_checker_check(checker, &task, &after, 1, &f, &n, NULL) == SHIXIAN_OK && f[0].verdict == SHIXIAN_MISSING);

  /* Two rules in one cell: a publication for rule 2 only counts for rule 2. */
  shixian_task two = {"形成文件后3个工作日公开；9月底前完成", 2016, &formed, 1};
  shixian_publication for_second = {17074, -1, 0, 0, -1, 2};
  CHECK(shixian_checker_check(checker, &two, &for_second, 1, &f, &n, NULL) == SHIXIAN_OK && n == 2);
  CHECK(f[0].obligation == 1 && f[0].verdict == SHIXIAN_MISSING);
  CHECK(f[1].obligation == 2 && f[1].verdict == SHIXIAN_ON_TIME && f[1].due == 17074 && strcmp(f[1].label, "完成") == 0);

  /* 公示不得少于5个工作日: withdrawn after 2016-10-10..10-12 (3 working days): too short. */
  shixian_task display = {"公示不得少于5个工作日", 2016, NULL, 0};
  shixian_publication brief = {17084, -1, 1, 17086, -1, 0};
  CHECK(shixian_checker_check(checker, &display, &brief, 1, &f, &n, NULL) == SHIXIAN_OK && n == 1);
  CHECK(f[0].verdict == SHIXIAN_TOO_SHORT && f[0].required == 5 && f[0].found == 3);
  CHECK(f[0].has_withdrawn == 1 && f[0].withdrawn == 17086 && f[0].type == SHIXIAN_MIN_DURATION);

  /* Verdicts, not errors: a rule that does not parse, an event not given. */
  shixian_task bad = {"形成文件后3个工作", 2016, NULL, 0};
  CHECK(shixian_checker_check(checker, &bad, NULL, 0, &f, &n, NULL) == SHIXIAN_OK && n == 1);
  CHECK(f[0].verdict == SHIXIAN_INVALID_RULE && strstr(f[0].message, "期望时间单位") != NULL && f[0].has_due == 0);
  shixian_task no_event = {"形成文件后3个工作日公开", 2016, NULL, 0};
  CHECK(shixian_checker_check(checker, &no_event, NULL, 0, &f, &n, NULL) == SHIXIAN_OK && n == 1);
  CHECK(f[0].verdict == SHIXIAN_NEEDS_CONTEXT && strstr(f[0].message, "形成文件") != NULL);
  CHECK(strcmp(f[0].needed, "形成文件") == 0);
  /* The plan year from the options when the task has none. */
  shixian_task no_year = {"9月底前完成", 0, NULL, 0};
  CHECK(shixian_checker_check(checker, &no_year, NULL, 0, &f, &n, NULL) == SHIXIAN_OK && n == 1);
  CHECK(f[0].verdict == SHIXIAN_NEEDS_CONTEXT);
  shixian_checker_free(checker);
  options.year = 2016;
  CHECK(shixian_checker_new(&options, &checker, NULL) == SHIXIAN_OK);
  CHECK(shixian_checker_check(checker, &no_year, NULL, 0, &f, &n, NULL) == SHIXIAN_OK && n == 1);
  CHECK(f[0].verdict == SHIXIAN_MISSING && f[0].due == 17074 && f[0].needed[0] == '\0');
  CHECK(strcmp(f[0].message, "截至2016-12-31未发布") == 0);

  /* Bad arguments. */
  shixian_publication too_high = {17084, -1, 0, 0, -1, SHIXIAN_MAX_OBLIGATION + 1};
  CHECK(shixian_checker_check(checker, &task, &too_high, 1, &f, &n, &err) == SHIXIAN_INVALID_ARGUMENT);
  shixian_error_free(err);
  shixian_publication at_max = {17084, -1, 0, 0, -1, SHIXIAN_MAX_OBLIGATION};
  CHECK(shixian_checker_check(checker, &task, &at_max, 1, &f, &n, NULL) == SHIXIAN_OK && f[0].verdict == SHIXIAN_MISSING);
  shixian_publication bad_minute = {17084, 1440, 0, 0, -1, 0};
  CHECK(shixian_checker_check(checker, &task, &bad_minute, 1, &f, &n, NULL) == SHIXIAN_INVALID_ARGUMENT);
  shixian_event bad_event = {"形成文件", 17074, -2};
  shixian_task bad_task = {"形成文件后3个工作日公开", 2016, &bad_event, 1};
  CHECK(shixian_checker_check(checker, &bad_task, NULL, 0, &f, &n, NULL) == SHIXIAN_INVALID_ARGUMENT);
  shixian_task null_rule = {NULL, 2016, NULL, 0};
  CHECK(shixian_checker_check(checker, &null_rule, NULL, 0, &f, &n, NULL) == SHIXIAN_INVALID_ARGUMENT);
  shixian_task null_events = {"每季度末", 2016, NULL, 1};
  CHECK(shixian_checker_check(checker, &null_events, NULL, 0, &f, &n, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_checker_check(checker, &task, NULL, 1, &f, &n, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_checker_check(NULL, &task, NULL, 0, &f, &n, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_checker_check(checker, NULL, NULL, 0, &f, &n, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_checker_check(checker, &task, NULL, 0, NULL, &n, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_checker_check(checker, &task, NULL, 0, &f, NULL, NULL) == SHIXIAN_INVALID_ARGUMENT);
  /* Still usable after the failures. */
  CHECK(shixian_checker_check(checker, &task, &on_time, 1, &f, &n, NULL) == SHIXIAN_OK && f[0].verdict == SHIXIAN_ON_TIME);
  shixian_checker_free(checker);
  shixian_checker_free(NULL);
  CHECK(shixian_checker_new(NULL, &checker, NULL) == SHIXIAN_INVALID_ARGUMENT);
  CHECK(shixian_checker_new(&options, NULL, NULL) == SHIXIAN_INVALID_ARGUMENT);
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
  test_event_times_and_errors();
  test_names_and_blocks();
  test_checker();
  if (failures) {
    fprintf(stderr, "%d checks failed\n", failures);
    return 1;
  }
  printf("capi_test: all checks passed\n");
  return 0;
}
