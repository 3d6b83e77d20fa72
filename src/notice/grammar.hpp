// The notice grammar's entry point, without Spirit in sight: grammar.cpp is
// the only translation unit that compiles the X3 definitions (grammar_def.hpp).
#pragma once

#include <string>

#include "notice/ast.hpp"
#include "shixian/expected.hpp"

namespace shixian::notice {

/// Where the grammar gave up and what it expected there (a rule's label).
struct SyntaxError {
  const char* where = nullptr;
  std::string expected;
};

/// Reads a normalized notice (normalize.hpp). The grammar is permissive about
/// boilerplate; it fails only where a sentence that starts like an
/// arrangement (a date) does not continue like one.
expected<ast::Notice, SyntaxError> parse_notice_ast(const char* first, const char* last);

}  // namespace shixian::notice
