// iCalendar export (issue 6): the output of IcsWriter read back by a real
// RFC 5545 parser (libical, Debian's libical-dev).
#include <gtest/gtest.h>
#include <libical/ical.h>

#include "shixian/check.hpp"

namespace shixian {
namespace {

using namespace std::chrono;

const std::string kData = std::string(SHIXIAN_SOURCE_DIR) + "/tests/data/check/";

Date D(int y, unsigned m, unsigned d) { return Date{year{y} / month{m} / day{d}}; }

CheckOptions options_2016() {
  CheckOptions o;
  o.as_of = D(2016, 11, 30);
  o.year = 2016;
  return o;
}

// --- iCalendar ---------------------------------------------------------------

TEST(CheckIcs, ValidRfc5545ParsedByLibical) {
  IcsOptions o;
  o.from = D(2016, 1, 1);
  o.to = D(2016, 12, 31);
  o.stamp = D(2016, 11, 30);
  IcsWriter writer(o);
  auto r = check_files(kData + "tasks.csv", kData + "publications.csv", options_2016(),
                       [&](const Finding& f) { writer.add(f); });
  ASSERT_TRUE(r.has_value());
  const std::string text = writer.render();
  // Pending and missing deadlines only: T03 missing, T04, T05 Q4, T08 Nov–Dec (pending) and Mar–Oct (count short).
  EXPECT_EQ(writer.size(), 1u + 1u + 1u + 2u + 8u);
  for (std::size_t i = 0, start = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      ASSERT_GT(i, start);
      ASSERT_EQ(text[i - 1], '\r') << "CRLF line endings";
      ASSERT_LE(i - 1 - start, 75u) << "folded at 75 octets";
      start = i + 1;
      if (i + 1 >= text.size()) break;
    }
  }
  icalcomponent* cal = icalparser_parse_string(text.c_str());
  ASSERT_NE(cal, nullptr);
  EXPECT_EQ(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
  EXPECT_EQ(icalcomponent_count_errors(cal), 0);
  EXPECT_EQ(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), static_cast<int>(writer.size()));
  icalcomponent* first = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
  ASSERT_NE(first, nullptr);
  const icaltimetype start = icalcomponent_get_dtstart(first);
  EXPECT_EQ(start.is_date, 1);
  EXPECT_EQ(std::string(icalcomponent_get_summary(first)).find("T03 公开"), 0u) << icalcomponent_get_summary(first);
  EXPECT_NE(icalcomponent_get_first_component(first, ICAL_VALARM_COMPONENT), nullptr);
  // Unfolding and unescaping restore the description, commas included.
  EXPECT_NE(std::string(icalcomponent_get_description(first)).find("时限要求：收到文件后5个工作日公开"), std::string::npos);
  icalcomponent_free(cal);
  // Stable UIDs: the same input gives the same calendar.
  IcsWriter again(o);
  auto r2 = check_files(kData + "tasks.csv", kData + "publications.csv", options_2016(),
                        [&](const Finding& f) { again.add(f); });
  EXPECT_EQ(again.render(), text);
}

}  // namespace
}  // namespace shixian
