# Writes OUTPUT: a C++ file that holds every INPUT_DIR/YYYY.txt as a string
# literal, so that programs need no data files at run time.
file(GLOB files ${INPUT_DIR}/[0-9][0-9][0-9][0-9].txt)
list(SORT files)
set(body "")
foreach(f IN LISTS files)
  file(READ ${f} text)
  get_filename_component(name ${f} NAME)
  string(FIND "${text}" ")shixian\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${f} contains the raw-string delimiter )shixian\"")
  endif()
  string(APPEND body "    {\"${name}\", R\"shixian(${text})shixian\"},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp
"// Generated from holidays/*.txt by cmake/embed_holidays.cmake. Do not edit.
#include \"calendar/builtin_holidays.hpp\"

namespace shixian::detail {

std::span<const BuiltinYearFile> builtin_year_files() {
  static constexpr BuiltinYearFile files[] = {
${body}  };
  return files;
}

}  // namespace shixian::detail
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
