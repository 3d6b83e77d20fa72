// libFuzzer target: the task-register reader of `shixian check` (CSV and JSON
// Lines, UTF-8 and GB18030) never crashes on any bytes; every row it returns
// has an id and a rule, every problem a line inside the input; and checking
// the rows it accepts (their rules and events) never crashes either.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "check_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace shixian;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static const PublicationIndex no_publications = [] {
    PublicationIndex index;
    index.finish();
    return index;
  }();
  CheckOptions options;
  options.as_of = Date{std::chrono::year{2016} / 12 / 31};
  options.year = 2016;
  for (const Encoding encoding : fuzz::encodings_for(text)) {
    const std::string name = "tasks";
    auto reader = TaskReader::from_string(std::string(text), name, fuzz::read_options_for(text, encoding));
    if (!reader) {
      fuzz::check_open_error(reader.error(), name);
      continue;
    }
    Checker checker(options, no_publications);
    std::vector<InputProblem> problems;
    TaskRecord task;
    while (reader->next(task, problems)) {
      if (task.id.empty() || task.rule.empty() || task.line == 0) std::abort();
      if (task.year && (*task.year < 1900 || *task.year > 2200)) std::abort();
      checker.check(task, [](const Finding& f) {
        if (f.verdict == Verdict::on_time || f.verdict == Verdict::late) std::abort();  // nothing was published
      });
    }
    if (encoding == Encoding::utf8) fuzz::check_problems(problems, text, name);
  }
  return 0;
}
