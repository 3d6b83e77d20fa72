// The due-date corpus format shared by the golden tests (due_golden_test.cpp)
// and the field corpus (field_corpus_test.cpp): contexts as
// "year=Y;event:NAME=YYYY-MM-DD[THH:MM];policy:KEY=VALUE", deadlines as
// "label date | label date", "…N" for N deadlines not written out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shixian/evaluate.hpp"
#include "shixian/parse.hpp"

namespace shixian::due_format {

inline std::vector<std::string> split(std::string_view s, std::string_view sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = s.find(sep, start);
    out.emplace_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) return out;
    start = at + sep.size();
  }
}

// "\n" in a corpus cell stands for a line break (multi-line table cells).
inline std::string unescape(std::string_view cell) {
  std::string text;
  for (std::size_t i = 0; i < cell.size(); ++i) {
    if (cell.compare(i, 2, "\\n") == 0) text += '\n', ++i;
    else text += cell[i];
  }
  return text;
}

// Fills ctx and policy from a context cell; returns what is wrong with it, or "".
inline std::string read_context(const std::string& context, Context& ctx, Policy& policy) {
  if (context != "-" && !context.empty()) {
    for (const std::string& part : split(context, ";")) {
      if (part.rfind("year=", 0) == 0) {
        ctx.year(std::stoi(part.substr(5)));
      } else if (part.rfind("event:", 0) == 0) {
        const auto eq = part.rfind('=');
        ctx.event(part.substr(6, eq - 6), parse_event_time(part.substr(eq + 1)).value());
      } else if (part.rfind("policy:", 0) == 0) {
        const auto eq = part.find('=');
        if (!set_policy(policy, part.substr(7, eq - 7), part.substr(eq + 1)).has_value()) return "bad policy " + part;
      } else {
        return "bad context " + part;
      }
    }
  }
  return "";
}

// A rule evaluated in a context written as in the corpus files, rendered as
// the "due" column is written (format above load() in due_golden_test.cpp).
inline std::string render_due(std::string_view rule, const std::string& context) {
  Context ctx;
  Policy policy;
  if (auto bad = read_context(context, ctx, policy); !bad.empty()) return bad;
  auto s = due(unescape(rule), ctx, Calendar::china(), policy);
  if (!s) return std::string("error:") + to_string(s.error().error.code);
  std::string out;
  for (const Deadline& d : *s) {
    out += (out.empty() ? "" : " | ") + std::string(d.label) + " " + (d.has_due ? d.due_string() : "-") +
           (d.provisional ? " provisional" : "");
  }
  if (!out.empty()) return out;
  return s->classification == Classification::checkable ? "-" : to_string(s->classification);
}

// `actual` with the same "…N" parts as `expected`: each stands for exactly N
// deadlines, which are cut out of `actual` (when there are that many).
inline std::string elide(const std::string& actual, const std::string& expected) {
  const std::string_view mark = "…";
  if (expected.find(mark) == std::string::npos) return actual;
  const auto want = split(expected, " | ");
  const auto got = split(actual, " | ");
  std::string out;
  std::size_t at = 0;
  for (const std::string& part : want) {
    std::size_t n = 1;
    const bool skip = part.rfind(mark, 0) == 0;
    if (skip) n = std::stoul(part.substr(mark.size()));
    if (at + n > got.size()) return actual;
    out += (out.empty() ? "" : " | ") + (skip ? part : got[at]);
    at += n;
  }
  return at == got.size() ? out : actual;
}

}  // namespace shixian::due_format
