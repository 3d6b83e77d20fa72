// libFuzzer target: the publication-log reader of `shixian check` (CSV and
// JSON Lines, UTF-8 and GB18030) never crashes on any bytes; every row it
// returns has a task id and an end of display not before its publication,
// every problem a line inside the input; the index over the rows holds them all.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "check_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace shixian;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const Encoding encoding : fuzz::encodings_for(text)) {
    const std::string name = "publications";
    auto reader = PublicationReader::from_string(std::string(text), name, fuzz::read_options_for(text, encoding));
    if (!reader) {
      fuzz::check_open_error(reader.error(), name);
      continue;
    }
    PublicationIndex index;
    std::vector<InputProblem> problems;
    PublicationRecord p;
    std::size_t rows = 0;
    std::string first_id;
    while (reader->next(p, problems)) {
      if (p.task_id.empty() || p.line == 0 || p.obligation > 999) std::abort();
      if (p.withdrawn && p.withdrawn->date < p.published.date) std::abort();
      if (rows++ == 0) first_id = p.task_id;
      index.add(p);
    }
    index.finish();
    if (index.size() != rows) std::abort();
    std::vector<const PublicationIndex::Entry*> found;
    index.of(first_id, found);
    if (rows > 0 && found.empty()) std::abort();
    if (encoding == Encoding::utf8) fuzz::check_problems(problems, text, name);
  }
  return 0;
}
