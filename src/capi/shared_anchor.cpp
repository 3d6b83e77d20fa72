// libshixian.so.0 in the static build: the whole of libshixian.a linked in
// (cmake/shared_library.cmake); this file only gives the target a source.
#include "shixian/shixian.h"
