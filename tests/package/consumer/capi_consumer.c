/* A C program using the installed C API (find_package or pkg-config). */
#include <shixian/shixian.h>

#include <stdio.h>
#include <string.h>

int main(void) {
  int32_t formed = 0, due = 0;
  if (shixian_date_parse("2016-09-30", &formed, NULL) != SHIXIAN_OK) return 1;
  if (shixian_calendar_add_workdays(shixian_calendar_china(), formed, 3, &due, NULL) != SHIXIAN_OK) return 1;
  char iso[SHIXIAN_DATE_BUFFER];
  shixian_date_format(due, iso);
  if (strcmp(iso, "2016-10-10") != 0) return 1;
  printf("c due %s (shixian %s)\n", iso, shixian_version());
  return 0;
}
