// The notice grammar's entry point, without Spirit in sight: grammar.cpp is
// the only translation unit that compiles the X3 definitions (grammar_def.hpp).
#pragma once

#include <optional>
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

/// Reads only the title, 文号 and year mentions of [first, last) (the text before a salutation).
ast::Notice parse_notice_header(const char* first, const char* last);

/// Reads the body of a special notice (from after its salutation or title):
/// its arrangement sentences, 文号 and signature; other sentences are skipped.
expected<ast::SpecialNotice, SyntaxError> parse_special_notice_ast(const char* first, const char* last);

/// The first labelled publication date in [first, last): 发布日期：2019-03-22 ·
/// [发布日期] 2019-03-22 · 发布日期：2015年12月10日 (a repost's metadata block).
std::optional<ast::DayRef> find_publication_date(const char* first, const char* last);

/// The first 文号 in [first, last) (国办发明电〔2020〕1号), canonical brackets; "" when none.
std::string find_doc_number(const char* first, const char* last);

/// The first festival named in [first, last), by its canonical name (春节, 劳动节 for 五一 …); "" when none.
std::string find_festival(const char* first, const char* last);

}  // namespace shixian::notice
