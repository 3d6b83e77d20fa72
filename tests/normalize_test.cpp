// SPEC §8 "Characters": traditional characters read as simplified, invisible
// characters ignored, 【】〔〕「」 read like （）. The fold itself
// (common/text.hpp), the normalizer's byte map, and rules parsed through it:
// the same rule as the plain spelling, errors at the characters as written.
#include <gtest/gtest.h>

#include <string>

#include "common/text.hpp"
#include "parse/normalize.hpp"
#include "shixian/parse.hpp"

namespace {

using shixian::canonical;
using shixian::parse;
using shixian::detail::fold_character;
using shixian::detail::is_invisible;

std::string canonical_of(std::string_view text) {
  auto r = parse(text);
  EXPECT_TRUE(r) << text << ": " << (r ? "" : r.error().error.message);
  return r ? canonical(*r) : std::string{};
}

std::uint32_t error_column(std::string_view text) {
  auto r = parse(text);
  EXPECT_FALSE(r) << text;
  return r ? 0 : r.error().error.where.column;
}

// ---- the fold ------------------------------------------------------------------

TEST(CharacterFold, TraditionalToSimplified) {
  static_assert(fold_character(U'個') == U'个');
  static_assert(fold_character(U'後') == U'后');
  static_assert(fold_character(U'週') == U'周');
  static_assert(fold_character(U'內') == U'内');
  EXPECT_EQ(fold_character(U'號'), U'号');
  EXPECT_EQ(fold_character(U'時'), U'时');
  EXPECT_EQ(fold_character(U'屆'), U'届');
  EXPECT_EQ(fold_character(U'滿'), U'满');
  EXPECT_EQ(fold_character(U'條'), U'条');
  EXPECT_EQ(fold_character(U'係'), U'系');
  EXPECT_EQ(fold_character(U'繫'), U'系');
  EXPECT_EQ(fold_character(U'曆'), U'历');
  EXPECT_EQ(fold_character(U'歷'), U'历');
  EXPECT_GE(std::size(shixian::detail::kTraditional), 300u);
}

TEST(CharacterFold, SimplifiedAndOtherTextUnchanged) {
  for (char32_t c : std::u32string_view(U"个内后周号时届满工作日每月季度年底前公开发布乾著瞭覆叶只伙abc,;"))
    EXPECT_EQ(fold_character(c), c) << static_cast<std::uint32_t>(c);
  // Every simplified reading is itself left alone: folding twice is folding once.
  for (const auto& p : shixian::detail::kTraditional) EXPECT_EQ(fold_character(p.simplified), p.simplified);
}

TEST(CharacterFold, BracketsReadAsParentheses) {
  EXPECT_EQ(fold_character(U'【'), U'(');
  EXPECT_EQ(fold_character(U'〔'), U'(');
  EXPECT_EQ(fold_character(U'「'), U'(');
  EXPECT_EQ(fold_character(U'】'), U')');
  EXPECT_EQ(fold_character(U'〕'), U')');
  EXPECT_EQ(fold_character(U'」'), U')');
  EXPECT_EQ(fold_character(U'（'), U'(');
}

TEST(CharacterFold, InvisibleCharacters) {
  for (char32_t c : {0x200B, 0x200C, 0x200D, 0x2060, 0x00AD, 0xFEFF, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D,
                     0x202E})
    EXPECT_TRUE(is_invisible(c)) << std::hex << static_cast<std::uint32_t>(c);
  for (char32_t c : {0x20, 0x3000, 0x2010, 0x2014, 0x2029, 0x202F, 0x4E2A}) EXPECT_FALSE(is_invisible(c));
}

// ---- the normalizer ---------------------------------------------------------------

TEST(Normalize, FoldsKeepTheByteMap) {
  shixian::grammar::Normalized n;
  shixian::grammar::NormalizeError e;
  const std::string in = "3\xE2\x80\x8B個工作日【內】";  // 3 ZWSP 個 工作日 【 內 】
  ASSERT_TRUE(shixian::grammar::normalize(in, n, e));
  EXPECT_EQ(n.text, "3个工作日(内)");
  // 个 (output bytes 1–3) comes from 個 at input bytes 4–7, after the ZWSP.
  EXPECT_EQ(n.src_begin[1], 4u);
  EXPECT_EQ(n.src_end[3], 7u);
  // ( comes from 【 (3 bytes).
  const std::size_t paren = n.text.find('(');
  EXPECT_EQ(n.src_end[paren] - n.src_begin[paren], 3u);
}

TEST(Normalize, OnlyInvisibleIsEmpty) {
  const auto r = parse("\xE2\x80\x8B\xEF\xBB\xBF");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().error.message.find("规则为空"), std::string::npos);
}

// ---- rules -----------------------------------------------------------------------

TEST(TraditionalRules, ReadAsTheSimplifiedRule) {
  EXPECT_EQ(canonical_of("形成文件後3個工作日內公開"), canonical_of("形成文件后3个工作日内公开"));
  EXPECT_EQ(canonical_of("每週五前更新"), canonical_of("每周五前更新"));
  EXPECT_EQ(canonical_of("每季度結束後15日內發佈"), canonical_of("每季度结束后15日内发布"));
  EXPECT_EQ(canonical_of("復議期屆滿後5個工作日公開"), canonical_of("复议期届满后5个工作日公开"));
  EXPECT_EQ(canonical_of("收到文件後及時發佈"), canonical_of("收到文件后及时发布"));
  EXPECT_EQ(canonical_of("12月底前完成"), "12月底前完成");
}

TEST(TraditionalRules, TriggerIsReadAsSimplified) {
  const auto r = parse("形成文件後3個工作日內公開");
  ASSERT_TRUE(r);
  const auto& d = std::get<shixian::ast::RelativeDeadline>(r->items[0].clause);
  EXPECT_EQ(d.trigger.event, "形成文件");
  EXPECT_EQ(r->items[0].label, "公开");
}

TEST(InvisibleRules, AreIgnored) {
  const std::string zwsp = "\xE2\x80\x8B", bom = "\xEF\xBB\xBF", shy = "\xC2\xAD", rlm = "\xE2\x80\x8F",
                    lre = "\xE2\x80\xAA", pdf = "\xE2\x80\xAC", wj = "\xE2\x81\xA0";
  const std::string want = canonical_of("形成文件后3个工作日内公开");
  EXPECT_EQ(canonical_of(bom + "形成文件后3个" + zwsp + "工作日内公开"), want);
  EXPECT_EQ(canonical_of("形成" + shy + "文件后3个工" + wj + "作日内公开" + rlm), want);
  EXPECT_EQ(canonical_of(lre + "形成文件后3个工作日内公开" + pdf), want);
  EXPECT_EQ(canonical_of("每" + zwsp + "季度"), "每季度");
}

TEST(BracketRules, ReadLikeFullWidthParentheses) {
  const std::string want = canonical_of("2016年9月前完成（以区人大常委会审议时间为准）");
  EXPECT_EQ(canonical_of("2016年9月前完成【以区人大常委会审议时间为准】"), want);
  EXPECT_EQ(canonical_of("2016年9月前完成〔以区人大常委会审议时间为准〕"), want);
  EXPECT_EQ(canonical_of("2016年9月前完成「以区人大常委会审议时间为准」"), want);
  EXPECT_EQ(canonical_of("流行季节【4-10月】每月公开"), canonical_of("流行季节（4-10月）每月公开"));
  EXPECT_EQ(canonical_of("【每季度】"), canonical_of("（每季度）"));
}

// Positions count the characters as the user wrote them: a traditional
// character is one character, an invisible one still a character, 【 one.
TEST(ErrorPositions, CountTheCharactersAsWritten) {
  const std::uint32_t plain = error_column("形成文件后3个工作");
  ASSERT_GT(plain, 6u);
  EXPECT_EQ(error_column("形成文件後3個工作"), plain);
  EXPECT_EQ(error_column("形成文件\xE2\x80\x8B后3个工作"), plain + 1);
  EXPECT_EQ(error_column("\xE2\x80\x8B\xE2\x80\x8B形成文件後3个工作"), plain + 2);
  EXPECT_EQ(error_column("（形成文件后3个工作"), plain + 1);
  EXPECT_EQ(error_column("【形成文件后3个工作"), error_column("（形成文件后3个工作"));
  // The message names the character position too.
  const auto r = parse("形成文件\xE2\x80\x8B後3個工作");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().error.message.rfind("第" + std::to_string(plain + 1) + "个字符处", 0), 0u);
}

}  // namespace

// The fast table of characters that fold (text.cpp builds it from the folds'
// ranges) agrees with the folds themselves on every BMP code point.
TEST(CharacterFold, FastTableAgreesWithTheFolds) {
  for (char32_t c = 0; c < 0x10000; ++c) {
    const bool changes = shixian::detail::fold_character_slow(c) != c || shixian::detail::is_invisible(c);
    ASSERT_EQ(!shixian::detail::reads_as_itself(c), changes && c >= 0x80) << static_cast<unsigned>(c);
  }
}
