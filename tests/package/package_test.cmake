# Builds and runs tests/package/consumer three ways: against the install tree
# (find_package), the build tree (export()), and as add_subdirectory.
# Inputs: BUILD_DIR (this build), SOURCE_DIR, WORK_DIR, GENERATOR.
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
set(consumer ${SOURCE_DIR}/tests/package/consumer)

run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${WORK_DIR}/prefix)
if(EXISTS ${WORK_DIR}/prefix/include/boost)
  message(FATAL_ERROR "install tree contains Boost")
endif()

# issue 15: the installed headers show no internals (Report's working state,
# PublicationIndex's parts: src/check/); tests/public_headers_test.cpp checks the sources.
file(GLOB_RECURSE installed_headers ${WORK_DIR}/prefix/include/shixian/*.hpp ${WORK_DIR}/prefix/include/shixian/*.h)
foreach(header IN LISTS installed_headers)
  file(READ ${header} text)
  foreach(name "Internal:" "item_heaps" "kept_problems" "lead_units" "unit_index" "last_lead" "struct Part {" "group_of")
    string(FIND "${text}" "${name}" at)
    if(NOT at EQUAL -1)
      message(FATAL_ERROR "installed ${header} shows the internal ${name}")
    endif()
  endforeach()
endforeach()

foreach(mode installed buildtree subdirectory)
  set(args -S ${consumer} -B ${WORK_DIR}/${mode} -G ${GENERATOR} -DCMAKE_BUILD_TYPE=Release)
  if(mode STREQUAL installed)
    list(APPEND args -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix)
  elseif(mode STREQUAL buildtree)
    list(APPEND args -Dshixian_DIR=${BUILD_DIR})
  else()
    list(APPEND args -DSHIXIAN_SOURCE_DIR=${SOURCE_DIR})
  endif()
  run(${CMAKE_COMMAND} ${args})
  run(${CMAKE_COMMAND} --build ${WORK_DIR}/${mode})
  run(${WORK_DIR}/${mode}/consumer)
  run(${WORK_DIR}/${mode}/capi_consumer)
  run(${WORK_DIR}/${mode}/capi_consumer_shared)
  message(STATUS "${mode}: ok")
endforeach()

# issue 15: find_package(shixian) leaves no PACKAGE_* in the caller's scope,
# and refuses a version it is not compatible with (SameMajorVersion: 0.1.0
# satisfies 0.1, not 1.0 or 0.2).
foreach(mode installed buildtree)
  if(mode STREQUAL installed)
    set(where -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix)
  else()
    set(where -Dshixian_DIR=${BUILD_DIR})
  endif()
  foreach(case "0.1;TRUE" "0.1.0;TRUE" "1.0;FALSE" "0.2;FALSE")
    list(GET case 0 want)
    list(GET case 1 expect)
    file(REMOVE_RECURSE ${WORK_DIR}/version-${mode})
    run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/package/version_check -B ${WORK_DIR}/version-${mode} -G ${GENERATOR}
        ${where} -DWANT=${want} -DEXPECT_FOUND=${expect})
  endforeach()
  message(STATUS "${mode}: find_package scope and version check ok")
endforeach()

# pkg-config (issue 18): a C program built with `pkg-config --cflags --libs
# shixian` against the shared library, and with --static against the archive.
find_program(PKG_CONFIG pkg-config)
find_program(CC_PROGRAM NAMES cc gcc)
if(PKG_CONFIG AND CC_PROGRAM)
  set(ENV{PKG_CONFIG_PATH} ${WORK_DIR}/prefix/lib/pkgconfig)
  execute_process(COMMAND ${PKG_CONFIG} --cflags --libs shixian OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "pkg-config does not find shixian.pc")
  endif()
  separate_arguments(flags UNIX_COMMAND "${flags}")
  run(${CC_PROGRAM} -std=c11 -Wall -Wextra -pedantic -Werror ${consumer}/capi_consumer.c ${flags}
      -Wl,-rpath,${WORK_DIR}/prefix/lib -o ${WORK_DIR}/pc_shared)
  run(${WORK_DIR}/pc_shared)
  execute_process(COMMAND ${PKG_CONFIG} --static --cflags --libs shixian OUTPUT_VARIABLE flags
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  string(REPLACE "-lshixian" "-l:libshixian.a" flags "${flags}")
  separate_arguments(flags UNIX_COMMAND "${flags}")
  if(EXISTS ${WORK_DIR}/prefix/lib/libshixian.a)
    run(${CC_PROGRAM} -std=c11 ${consumer}/capi_consumer.c ${flags} -o ${WORK_DIR}/pc_static)
    run(${WORK_DIR}/pc_static)
  endif()
  message(STATUS "pkg-config: ok")
endif()

# The installed CLI finds its library: RUNPATH $ORIGIN/../lib.
if(EXISTS ${WORK_DIR}/prefix/bin/shixian)
  execute_process(COMMAND readelf -d ${WORK_DIR}/prefix/bin/shixian OUTPUT_VARIABLE dynamic)
  if(NOT dynamic MATCHES "RUNPATH[^\n]*\\$ORIGIN/\\.\\./lib")
    message(FATAL_ERROR "installed CLI has no RUNPATH $ORIGIN/../lib:\n${dynamic}")
  endif()
  run(${WORK_DIR}/prefix/bin/shixian parse 形成文件后3个工作日公开)
endif()
