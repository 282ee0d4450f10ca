// GEOS C API, reentrant (_r) functions only: every call takes the caller's context handle.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
