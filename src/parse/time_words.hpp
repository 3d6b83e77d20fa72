// Time vocabulary (SPEC §8, "No silent misreads"): the words that say
// something about time. Labels, subjects, fillers and triggers are open text,
// and none of them may carry one: a time word no construct consumed is an
// error at its character, never part of a label. lower.cpp enforces it on
// every parsed rule; the grammar's label_no_start makes the error point at the
// first such character.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace shixian::grammar {

struct TimeWord {
  std::size_t offset = 0;  ///< bytes into the text
  std::size_t length = 0;  ///< bytes
};

/// The first time word in `text` (normalized UTF-8), if any.
std::optional<TimeWord> find_time_word(std::string_view text);

/// A trigger that is itself a date (自2016年1月31日起): [YYYY年]M月D日 in ASCII digits.
bool is_literal_date(std::string_view text);

}  // namespace shixian::grammar
