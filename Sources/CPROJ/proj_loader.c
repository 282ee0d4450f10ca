// libproj loaded with dlopen on first use (see proj_loader.h for why).
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "proj_loader.h"

// Every PROJ function frontline calls; each gets a pointer of its declared type.
#define PROJ_SYMBOLS(X) \
    X(proj_context_create) X(proj_context_destroy) X(proj_context_errno) X(proj_context_errno_string) \
    X(proj_context_set_search_paths) X(proj_log_level) X(proj_log_func) X(proj_create) \
    X(proj_create_crs_to_crs) X(proj_normalize_for_visualization) X(proj_destroy) \
    X(proj_angular_input) X(proj_angular_output) X(proj_trans_generic) \
    X(geod_init) X(geod_inverse) X(geod_polygon_init) X(geod_polygon_addpoint) X(geod_polygon_compute)

#define DECLARE(name) static __typeof__(name) *p_##name;
PROJ_SYMBOLS(DECLARE)

// The library's names, newest first; the unversioned one is the -dev package's link.
static const char *const libraries[] = {"libproj.so.25", "libproj.so"};

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char failure[512];  // empty once loaded

static void load(void) {
    void *h = NULL;
    for (size_t i = 0; i < sizeof libraries / sizeof *libraries && !h; i++) {
        h = dlopen(libraries[i], RTLD_NOW | RTLD_LOCAL);
        // The first name's error says most (the others are fallbacks).
        if (!h && i == 0) snprintf(failure, sizeof failure, "cannot load PROJ: %s", dlerror());
    }
    if (!h) return;
    failure[0] = 0;
#define FIND(name)                                                                              \
    if (!(p_##name = (__typeof__(name) *)dlsym(h, #name))) {                                    \
        snprintf(failure, sizeof failure, "cannot load PROJ: the library has no %s", #name);    \
        return;                                                                                 \
    }
    PROJ_SYMBOLS(FIND)
}

const char *fl_proj_load(void) {
    pthread_once(&once, load);
    return failure[0] ? failure : NULL;
}

// Callers that cannot report an error (area and length are plain numbers) end here: one line
// on stderr and EX_UNAVAILABLE, as when a library is missing. _exit, not exit: other threads
// may be measuring, and exit's destructors would run under them; nothing half-made is kept
// (outputs are written whole, by rename, at the end of a command).
static inline void need(void) {
    if (__builtin_expect(fl_proj_load() != NULL, 0)) {
        fprintf(stderr, "error: %s\n", failure);
        fflush(stderr);
        _exit(69);
    }
}

PJ_CONTEXT *fl_proj_context_create(void) { need(); return p_proj_context_create(); }
PJ_CONTEXT *fl_proj_context_destroy(PJ_CONTEXT *ctx) { need(); return p_proj_context_destroy(ctx); }
int fl_proj_context_errno(PJ_CONTEXT *ctx) { need(); return p_proj_context_errno(ctx); }
const char *fl_proj_context_errno_string(PJ_CONTEXT *ctx, int err) { need(); return p_proj_context_errno_string(ctx, err); }
void fl_proj_context_set_search_paths(PJ_CONTEXT *ctx, int count, const char *const *paths) {
    need();
    p_proj_context_set_search_paths(ctx, count, paths);
}
PJ_LOG_LEVEL fl_proj_log_level(PJ_CONTEXT *ctx, PJ_LOG_LEVEL level) { need(); return p_proj_log_level(ctx, level); }
void fl_proj_log_func(PJ_CONTEXT *ctx, void *app_data, PJ_LOG_FUNCTION logf) { need(); p_proj_log_func(ctx, app_data, logf); }
PJ *fl_proj_create(PJ_CONTEXT *ctx, const char *definition) { need(); return p_proj_create(ctx, definition); }
PJ *fl_proj_create_crs_to_crs(PJ_CONTEXT *ctx, const char *source, const char *target, PJ_AREA *area) {
    need();
    return p_proj_create_crs_to_crs(ctx, source, target, area);
}
PJ *fl_proj_normalize_for_visualization(PJ_CONTEXT *ctx, const PJ *obj) { need(); return p_proj_normalize_for_visualization(ctx, obj); }
PJ *fl_proj_destroy(PJ *p) { need(); return p_proj_destroy(p); }
int fl_proj_angular_input(PJ *p, enum PJ_DIRECTION dir) { need(); return p_proj_angular_input(p, dir); }
int fl_proj_angular_output(PJ *p, enum PJ_DIRECTION dir) { need(); return p_proj_angular_output(p, dir); }
size_t fl_proj_trans_generic(PJ *p, PJ_DIRECTION direction,
                             double *x, size_t sx, size_t nx, double *y, size_t sy, size_t ny,
                             double *z, size_t sz, size_t nz, double *t, size_t st, size_t nt) {
    need();
    return p_proj_trans_generic(p, direction, x, sx, nx, y, sy, ny, z, sz, nz, t, st, nt);
}

void fl_geod_init(struct geod_geodesic *g, double a, double f) { need(); p_geod_init(g, a, f); }
void fl_geod_inverse(const struct geod_geodesic *g, double lat1, double lon1, double lat2, double lon2,
                     double *ps12, double *pazi1, double *pazi2) {
    need();
    p_geod_inverse(g, lat1, lon1, lat2, lon2, ps12, pazi1, pazi2);
}
void fl_geod_polygon_init(struct geod_polygon *p, int polylinep) { need(); p_geod_polygon_init(p, polylinep); }
void fl_geod_polygon_addpoint(const struct geod_geodesic *g, struct geod_polygon *p, double lat, double lon) {
    need();
    p_geod_polygon_addpoint(g, p, lat, lon);
}
unsigned fl_geod_polygon_compute(const struct geod_geodesic *g, const struct geod_polygon *p, int reverse, int sign,
                                 double *pA, double *pP) {
    need();
    return p_geod_polygon_compute(g, p, reverse, sign, pA, pP);
}
