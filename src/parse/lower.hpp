// Lowering: the grammar's capture log → the public AST, with the checks a
// grammar cannot express (13月, 2月30日, 0个工作日, numbers that overflow),
// each reported with the span of the offending text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parse/fields.hpp"
#include "parse/normalize.hpp"
#include "shixian/ast.hpp"

namespace shixian::grammar {

struct LowerError {
  std::uint32_t begin = 0, end = 0;  ///< normalized offsets of the offending text
  std::string zh, en;
};

bool lower(const std::vector<Piece>& pieces, const Normalized& norm, std::size_t input_size, ast::Rule& out,
           LowerError& error);

/// The value of a number as written (3, 15, 三, 十五, 两, 二〇一六); false if
/// malformed or above `limit`.
enum class NumberStatus { ok, malformed, too_large };
NumberStatus number_value(std::string_view text, std::uint64_t limit, std::uint64_t& value);

}  // namespace shixian::grammar
