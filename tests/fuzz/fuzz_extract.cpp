// libFuzzer target: extraction and task drafting never crash on any bytes;
// on valid UTF-8, findings lie inside the text and their canonical forms parse.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "shixian/extract.hpp"
#include "shixian/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (shixian::looks_like_html(text)) (void)shixian::html_to_text(text);
  if (shixian::invalid_utf8_at(text)) return 0;  // the CLI refuses such input
  std::size_t chars = 0;
  for (unsigned char c : text) chars += (c & 0xC0) != 0x80;
  const auto x = shixian::extract_all(text);
  for (const auto& f : x.found) {
    if (f.start >= f.end || f.end > chars) std::abort();
    if (!shixian::parse(f.canonical)) std::abort();
  }
  for (const auto& t : shixian::extract_tasks(text)) {
    if (t.id.empty()) std::abort();
  }
  (void)shixian::detect_plan_year(text);
  return 0;
}
