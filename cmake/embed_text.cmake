# Writes OUTPUT: a C++ file defining `std::string_view NAME()` (in
# namespace shixian::detail) that returns the contents of INPUT, so that
# programs need no data files at run time. Used for grammar/events.tsv.
file(READ ${INPUT} text)
string(FIND "${text}" ")shixian\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )shixian\"")
endif()
file(WRITE ${OUTPUT}.tmp
"// Generated from ${INPUT} by cmake/embed_text.cmake. Do not edit.
#include <string_view>

namespace shixian::detail {

std::string_view ${NAME}() {
  static constexpr std::string_view text = R\"shixian(${text})shixian\";
  return text;
}

}  // namespace shixian::detail
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
