// Shared by every grammar TU: the one iterator and context type the rules are
// instantiated for, the capture log the grammar writes, and the two custom
// directives (rollback, labelled expectation).
//
// Why a capture log instead of Fusion-adapted attributes: X3 cannot produce
// std::variant, and on backtracking it does not clear container attributes
// that an abandoned alternative partly filled. The grammar therefore has no
// attributes at all; `cap(field, p)` appends {field, begin, end} to the log
// when p matches, `rb[p]` truncates the log when p fails, and lower.cpp turns
// the log into the public AST (range checks happen there, with the spans).
#pragma once

#include <boost/spirit/home/x3.hpp>

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "parse/fields.hpp"

namespace shixian::grammar {

namespace x3 = boost::spirit::x3;

/// Grammar input: normalized text (see normalize.hpp), iterated as bytes.
using iterator_type = const char*;

/// The mutable state one parse threads through the context.
struct State {
  const char* base = nullptr;
  std::vector<Piece> pieces;
  // Farthest-failure error reporting: the labels of the named expectations
  // that failed at the rightmost position reached. Unlike X3's expectation
  // points this survives backtracking over ordered alternatives.
  const char* farthest = nullptr;
  std::vector<const char*> expected;

  void push(Field f, const char* b, const char* e) {
    pieces.push_back({f, static_cast<std::uint32_t>(b - base), static_cast<std::uint32_t>(e - base)});
  }
  void fail(const char* at, const char* label) {
    if (farthest == nullptr || at > farthest) {
      farthest = at;
      expected.clear();
    }
    if (at == farthest) {
      for (const char* l : expected)
        if (std::string_view(l) == label) return;
      expected.push_back(label);
    }
  }
};

struct state_tag;
using context_type = x3::context<state_tag, State>;

/// Semantic action: log the matched range under `field`.
struct Mark {
  Field field;
  template <class Ctx>
  void operator()(Ctx& ctx) const {
    auto& range = x3::_attr(ctx);
    x3::get<state_tag>(ctx).push(field, range.begin(), range.end());
  }
};

template <class P>
constexpr auto cap(Field f, P const& p) {
  return x3::raw[x3::as_parser(p)][Mark{f}];
}

/// rb[p]: on failure, undo p's captures. L(label)[p]: the same, and report
/// `label` as expected at the position where p was tried. Labels must never
/// sit inside a lookahead or a stop set, or they would report spurious
/// expectations.
template <class Subject>
struct guard_parser : x3::unary_parser<Subject, guard_parser<Subject>> {
  using base_type = x3::unary_parser<Subject, guard_parser<Subject>>;
  static bool const is_pass_through_unary = true;
  const char* label;
  constexpr guard_parser(Subject const& subject, const char* l) : base_type(subject), label(l) {}

  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx, Attr& attr) const {
    State& st = x3::get<state_tag>(ctx);
    const auto n = st.pieces.size();
    const It save = first;
    if (this->subject.parse(first, last, ctx, rctx, attr)) return true;
    if (st.pieces.size() != n) st.pieces.resize(n);
    first = save;
    if (label != nullptr) st.fail(save, label);
    return false;
  }
};

struct guard_gen {
  const char* label;
  template <class S>
  constexpr guard_parser<typename x3::extension::as_parser<S>::value_type> operator[](S const& s) const {
    return {x3::as_parser(s), label};
  }
};

inline constexpr guard_gen rb{nullptr};

/// A keyword table: matches the longest of its words at the current
/// position and, unless the word's field is Field::none, logs it. Word sets
/// are tried at almost every position, and a few integer compares and a
/// memcmp per word are much cheaper than X3's chain of literal parsers.
struct Keyword {
  std::string_view text;
  Field field = Field::none;
};

template <std::size_t N>
struct keyword_parser : x3::parser<keyword_parser<N>> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  std::array<Keyword, N> words;

  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr&) const {
    const auto avail = static_cast<std::size_t>(last - first);
    std::size_t best = 0;
    Field field = Field::none;
    for (const Keyword& w : words) {
      // Most words are Chinese: compare the first three bytes inline before
      // calling memcmp for the rest.
      const std::size_t n = w.text.size();
      if (n > best && n <= avail && first[0] == w.text[0] && (n < 3 || (first[1] == w.text[1] && first[2] == w.text[2])) &&
          (n <= 3 || std::memcmp(&*first + 3, w.text.data() + 3, n - 3) == 0)) {
        best = n;
        field = w.field;
      }
    }
    if (best == 0) return false;
    if (field != Field::none) x3::get<state_tag>(ctx).push(field, &*first, &*first + best);
    first += static_cast<std::ptrdiff_t>(best);
    return true;
  }
};

/// kw("之前", "以前", "前"): uncaptured words.
template <class... S>
constexpr auto kw(S... words) {
  return keyword_parser<sizeof...(S)>{{}, {Keyword{std::string_view(words), Field::none}...}};
}
/// kwf({"每月", Field::f_monthly}, …): each word with its own field.
template <class... K>
constexpr auto kwf(K... words) {
  return keyword_parser<sizeof...(K)>{{}, {words...}};
}
/// kw(Field::d_what, "公示期", "公示"): every word captured under one field.
template <class... S>
constexpr auto kw(Field f, S... words) {
  return keyword_parser<sizeof...(S)>{{}, {Keyword{std::string_view(words), f}...}};
}
constexpr guard_gen L(const char* label) { return guard_gen{label}; }

}  // namespace shixian::grammar
