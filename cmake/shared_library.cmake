# Included from src/CMakeLists.txt after the targets exist.
#
# - shixian/version.hpp from project(VERSION).
# - libshixian.so.0 (SONAME with the major version, file with the full one),
#   exporting only shixian_* and shixian::* (cmake/exports.map): when the
#   library is built shared (BUILD_SHARED_LIBS / SHIXIAN_BUILD_SHARED) that is
#   `shixian` itself; in the default static build a second target,
#   `shixian_shared`, links the whole archive into libshixian.so.0 for the C
#   API's users (Java, Python, Go), without compiling anything twice.
# - The installed CLI finds its library: RUNPATH $ORIGIN/../lib.
# - shixian.pc for pkg-config.

set(shixian_generated_include ${PROJECT_BINARY_DIR}/generated/include)
configure_file(${PROJECT_SOURCE_DIR}/cmake/version.hpp.in ${shixian_generated_include}/shixian/version.hpp @ONLY)
target_include_directories(shixian PUBLIC $<BUILD_INTERFACE:${shixian_generated_include}>)

set(shixian_exports_map ${PROJECT_SOURCE_DIR}/cmake/exports.map)
function(shixian_shared_properties target)
  set_target_properties(${target} PROPERTIES OUTPUT_NAME shixian VERSION ${PROJECT_VERSION}
                        SOVERSION ${PROJECT_VERSION_MAJOR} LINK_DEPENDS ${shixian_exports_map})
  target_link_options(${target} PRIVATE -Wl,--version-script=${shixian_exports_map})
  # Every symbol resolved at link time; not in sanitized or fuzzing builds,
  # whose runtime (clang's __asan_* …) is linked into executables only.
  if(NOT SHIXIAN_SANITIZE AND NOT SHIXIAN_FUZZ)
    target_link_options(${target} PRIVATE -Wl,--no-undefined)
  endif()
endfunction()

get_target_property(shixian_type shixian TYPE)
if(shixian_type STREQUAL "SHARED_LIBRARY")
  shixian_shared_properties(shixian)
  add_library(shixian_shared ALIAS shixian)
else()
  add_library(shixian_shared SHARED ${PROJECT_SOURCE_DIR}/src/capi/shared_anchor.cpp)
  target_link_libraries(shixian_shared PRIVATE "$<LINK_LIBRARY:WHOLE_ARCHIVE,shixian>")
  target_include_directories(shixian_shared INTERFACE $<TARGET_PROPERTY:shixian,INTERFACE_INCLUDE_DIRECTORIES>)
  target_include_directories(shixian_shared PRIVATE ${PROJECT_SOURCE_DIR}/include)
  target_compile_features(shixian_shared INTERFACE cxx_std_20)
  shixian_shared_properties(shixian_shared)
  set_target_properties(shixian_shared PROPERTIES EXPORT_NAME shared)
  add_library(shixian::shared ALIAS shixian_shared)
  install(TARGETS shixian_shared EXPORT shixian-targets)
endif()

if(TARGET shixian_cli)
  file(RELATIVE_PATH shixian_bin_to_lib ${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}
       ${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR})
  set_target_properties(shixian_cli PROPERTIES INSTALL_RPATH "$ORIGIN/${shixian_bin_to_lib}")
endif()

file(RELATIVE_PATH shixian_pc_to_prefix ${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" shixian_pc_to_prefix "${shixian_pc_to_prefix}")
configure_file(${PROJECT_SOURCE_DIR}/cmake/shixian.pc.in ${PROJECT_BINARY_DIR}/shixian.pc @ONLY)
if(SHIXIAN_INSTALL)
  install(FILES ${shixian_generated_include}/shixian/version.hpp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/shixian)
  install(FILES ${PROJECT_BINARY_DIR}/shixian.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
endif()
