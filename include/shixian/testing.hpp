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
// times), a std::chrono::sys_days or a std::chrono::year_month_day. The
// judgement is shixian::check()'s, with the value as the only publication:
// the matcher passes exactly when check() calls the rule's earliest deadline
// on_time (so a publication before the trigger fails, as check() calls it
// missing). A rule with several deadlines, like 每季度, is checked against the
// first; use HasVerdict on shixian::check()'s findings for whole schedules.
#pragma once

#include <gmock/gmock.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
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

  // The library's judgement, not a comparison of its own: the rule and the
  // context become a one-task register and the value its only publication,
  // checked by shixian::check() as of the day after the later of the value
  // and the deadline (so the deadline is decided). The matcher passes when
  // check() calls the rule's earliest deadline on_time — a publication before
  // its trigger is missing there, so it fails here too.
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
    std::optional<Date> last_due;
    for (const Deadline& d : *schedule) {
      if (d.has_due) last_due = last_due ? std::max(*last_due, d.due) : d.due;
    }
    if (!last_due) {
      if (os) *os << "which cannot be checked: the rule has no deadline (" << to_string(schedule->classification) << ")";
      return false;
    }
    TaskRecord task;
    task.id = "matcher", task.rule = rule_, task.line = 1, task.year = context_.plan_year;
    for (const auto& e : context_.events()) task.events.emplace_back(e.name, e.time);
    PublicationRecord publication;
    publication.task_id = task.id, publication.published = published, publication.line = 1;
    CheckOptions options;
    options.as_of = std::max(published.date, *last_due) + 1;
    options.calendar = calendar_;
    options.policy = policy_;
    // The earliest deadline's finding (findings are in due order within a rule).
    struct Judged {
      bool found = false;
      Verdict verdict = Verdict::not_checkable;
      std::string due, label, message;
      bool provisional = false;
      std::int32_t late_days = 0, late_workdays = 0;
      Date day;
    } first;
    check({task}, {publication}, options, [&](const Finding& f) {
      if (!f.has_due || (first.found && !(f.due < first.day))) return;
      first = {true, f.verdict, due_string(f), std::string(f.label), std::string(f.message), f.provisional,
               f.late_days, f.late_workdays, f.due};
    });
    if (!first.found) {
      if (os) *os << "which cannot be checked: the rule has no deadline";
      return false;
    }
    const bool on_time = first.verdict == Verdict::on_time;
    if (os) {
      if (on_time) {
        *os << "which is on time: due " << first.due << " (" << first.label << ")";
      } else if (first.verdict == Verdict::late) {
        if (first.late_days == 0) {
          *os << "which is late on the due day: due " << first.due << " (" << first.label << ")";
        } else if (first.late_workdays == 0) {
          *os << "which is " << first.late_days << " calendar day" << (first.late_days == 1 ? "" : "s")
              << " late, on rest days only (0 working days): due " << first.due << " (" << first.label << ")";
        } else {
          *os << "which is " << first.late_workdays << " working days (" << first.late_days
              << " calendar days) late: due " << first.due << " (" << first.label << ")";
        }
      } else {
        *os << "which shixian::check() judges " << to_string(first.verdict) << " for the deadline due " << first.due
            << " (" << first.label << ")" << (first.message.empty() ? "" : ": ") << first.message;
      }
      if (first.provisional) *os << ", provisional (projected calendar year)";
      if (!on_time) computation();
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
