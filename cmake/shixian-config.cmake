# find_package(shixian): the imported targets shixian::shixian (the default
# library) and shixian::shared (libshixian.so). Sets nothing else in the
# caller's scope (tests/package/version_check checks that).
include("${CMAKE_CURRENT_LIST_DIR}/shixian-targets.cmake")
