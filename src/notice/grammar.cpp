// The one translation unit that compiles the notice grammar.
#include "notice/grammar.hpp"

#include "notice/grammar_def.hpp"

namespace shixian::notice {

expected<ast::Notice, SyntaxError> parse_notice_ast(const char* first, const char* last) {
  namespace x3 = boost::spirit::x3;
  ast::Notice result;
  try {
    const char* it = first;
    if (!x3::parse(it, last, grammar::notice, result)) return unexpected(SyntaxError{it, "节假日安排通知"});
  } catch (const x3::expectation_failure<const char*>& e) {
    return unexpected(SyntaxError{e.where(), e.which()});
  }
  return result;
}

ast::Notice parse_notice_header(const char* first, const char* last) {
  namespace x3 = boost::spirit::x3;
  ast::Notice result;
  const char* it = first;
  x3::parse(it, last, grammar::notice_header, result);  // cannot fail: any character is read
  return result;
}

expected<ast::SpecialNotice, SyntaxError> parse_special_notice_ast(const char* first, const char* last) {
  namespace x3 = boost::spirit::x3;
  ast::SpecialNotice result;
  try {
    const char* it = first;
    if (!x3::parse(it, last, grammar::special_notice, result)) return unexpected(SyntaxError{it, "专项通知"});
  } catch (const x3::expectation_failure<const char*>& e) {
    return unexpected(SyntaxError{e.where(), e.which()});
  }
  return result;
}

std::optional<ast::DayRef> find_publication_date(const char* first, const char* last) {
  namespace x3 = boost::spirit::x3;
  ast::DayRef found;
  const char* it = first;
  if (!x3::parse(it, last, x3::seek[grammar::publication_date], found)) return std::nullopt;
  return found;
}

std::string find_doc_number(const char* first, const char* last) {
  namespace x3 = boost::spirit::x3;
  ast::SpecialNotice found;
  const char* it = first;
  if (!x3::parse(it, last, x3::seek[grammar::doc_number_rule], found)) return {};
  return found.number;
}

std::string find_festival(const char* first, const char* last) {
  namespace x3 = boost::spirit::x3;
  std::string festival;
  const char* it = first;
  if (!x3::parse(it, last, x3::seek[grammar::festivals], festival)) return {};
  return festival;
}

}  // namespace shixian::notice
