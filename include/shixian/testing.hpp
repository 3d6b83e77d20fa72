// File: shixian/testing.hpp
//
// GoogleTest matchers for other projects' test suites: assert that a
// publication met a disclosure rule, with a failure message that says the
// due date, the lateness and the computation step by step.
//
// Header-only; include it from tests that link GTest::gmock (shixian itself
// does not depend on GoogleTest).
//
// Example:
//   #include <shixian/testing.hpp>
//   using shixian::testing::MeetsDeadline;
//   shixian::Context ctx;
//   ctx.event("形成文件", shixian::Date{2016y / September / 30d});
//   EXPECT_THAT(shixian::Date{2016y / October / 9d}, MeetsDeadline("形成文件后3个工作日公开", ctx));
//   // On failure:
//   //   Value of: …
//   //   Expected: is on or before the deadline of “形成文件后3个工作日公开”
//   //   Actual: 2016-10-12, which is 2 working days (2 calendar days) late: due 2016-10-10 (公开)
//   //   计算过程：
//   //   1. 形成文件后3个工作日：公开
//   //      起算事件“形成文件” = 2016-09-30
//   //      自2016-09-30（周五）起第1个工作日 2016-10-08（周六，调休上班）…
//
// The value may be a shixian::Date, a shixian::EventTime (hour rules compare
// times), a std::chrono::sys_days or a std::chrono::year_month_day. The rule
// is checked against its earliest deadline with a due date (a rule with
// several deadlines, like 每季度, is checked against the first; use
// HasVerdict on shixian::check()'s findings for whole schedules).
#pragma once

#include <gmock/gmock.h>

#include <chrono>
#include <ostream>
#include <string>
#include <utility>

#include "shixian/check.hpp"
#include "shixian/evaluate.hpp"
#include "shixian/parse.hpp"

namespace shixian::testing {

class MeetsDeadlineMatcher {
 public:
  using is_gtest_matcher = void;

  MeetsDeadlineMatcher(std::string rule, Context context, const Calendar* calendar, Policy policy)
      : rule_(std::move(rule)), context_(std::move(context)), calendar_(calendar), policy_(std::move(policy)) {}

  template <class T>
  bool MatchAndExplain(const T& value, std::ostream* os) const {
    return match(to_event_time(value), os);
  }
  void DescribeTo(std::ostream* os) const { *os << "is on or before the deadline of “" << rule_ << "”"; }
  void DescribeNegationTo(std::ostream* os) const { *os << "is after the deadline of “" << rule_ << "”"; }

 private:
  static EventTime to_event_time(const EventTime& t) { return t; }
  static EventTime to_event_time(Date d) { return EventTime{d, -1}; }
  static EventTime to_event_time(std::chrono::sys_days d) { return EventTime{Date{d}, -1}; }
  static EventTime to_event_time(std::chrono::year_month_day d) { return EventTime{Date{d}, -1}; }

  bool match(const EventTime& published, std::ostream* os) const {
    auto schedule = due(rule_, context_, *calendar_, policy_);
    auto computation = [&] {
      if (os) *os << "\n计算过程：\n" << explain(rule_, context_, *calendar_, policy_);
    };
    if (!schedule) {
      if (os) *os << "which cannot be checked: " << schedule.error().error.message;
      computation();
      return false;
    }
    const Deadline* first = nullptr;
    for (const Deadline& d : *schedule) {
      if (d.has_due && (first == nullptr || d.due < first->due)) first = &d;
    }
    if (first == nullptr) {
      if (os) *os << "which cannot be checked: the rule has no deadline (" << to_string(schedule->classification) << ")";
      return false;
    }
    const bool on_time = published.date < first->due ||
                         (published.date == first->due &&
                          (first->minute < 0 || published.minute < 0 || published.minute <= first->minute));
    if (os) {
      if (on_time) {
        *os << "which is on time: due " << first->due_string() << " (" << first->label << ")";
        if (first->provisional) *os << ", provisional (projected calendar year)";
      } else {
        const auto workdays = calendar_->workdays_between(first->due, published.date);
        *os << "which is " << (workdays ? *workdays : 0) << " working days (" << (published.date - first->due)
            << " calendar days) late: due " << first->due_string() << " (" << first->label << ")";
        if (first->provisional) *os << ", provisional (projected calendar year)";
        computation();
      }
    }
    return on_time;
  }

  std::string rule_;
  Context context_;
  const Calendar* calendar_;
  Policy policy_;
};

/// Matches a publication date (or date-time) on or before the rule's
/// earliest deadline in `context`.
inline MeetsDeadlineMatcher MeetsDeadline(std::string rule, Context context,
                                          const Calendar& calendar = Calendar::china(), Policy policy = {}) {
  return MeetsDeadlineMatcher(std::move(rule), std::move(context), &calendar, std::move(policy));
}

/// For shixian::Finding values (from Checker / check()): EXPECT_THAT(f, HasVerdict(Verdict::late)).
MATCHER_P(HasVerdict, verdict, std::string(negation ? "has a verdict other than " : "has verdict ") + to_string(verdict)) {
  *result_listener << "whose verdict is " << to_string(arg.verdict);
  if (!arg.message.empty()) *result_listener << " (" << arg.message << ")";
  if (arg.has_due) *result_listener << ", due " << due_string(arg);
  return arg.verdict == verdict;
}

}  // namespace shixian::testing
