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

#include <cstdint>
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
    st.pieces.resize(n);
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
constexpr guard_gen L(const char* label) { return guard_gen{label}; }

}  // namespace shixian::grammar
