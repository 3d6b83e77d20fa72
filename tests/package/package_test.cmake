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
  message(STATUS "${mode}: ok")
endforeach()
