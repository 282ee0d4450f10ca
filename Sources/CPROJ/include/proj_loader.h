// PROJ (proj.h: coordinate operations; geodesic.h: Karney's geodesic routines), loaded when
// first needed rather than when the process starts. libproj brings libcurl, libtiff and some
// forty other libraries: an empty program linked with frontline's libraries starts in 14 ms,
// in 5 without libproj and libcurl (which URLSession linked too: see CCurl), and most
// commands (stats, chart, snapshots, places, export) never project. The fl_ functions are
// PROJ's own, called through pointers found with dlsym; the first call loads the library.
// Distinct names: the executable exports its symbols, and a proj_ name defined here would
// stand in for PROJ's own inside libproj.
#ifndef FRONTLINE_PROJ_LOADER_H
#define FRONTLINE_PROJ_LOADER_H

#include <proj.h>
#include <geodesic.h>

/// Loads libproj if not yet loaded (once a process, by whichever thread asks first): NULL once
/// loaded, else one line saying why not. Every fl_ function below loads it too, and ends the
/// process with that line and exit code 69 (EX_UNAVAILABLE) when it cannot.
const char *fl_proj_load(void);

PJ_CONTEXT *fl_proj_context_create(void);
PJ_CONTEXT *fl_proj_context_destroy(PJ_CONTEXT *ctx);
int fl_proj_context_errno(PJ_CONTEXT *ctx);
const char *fl_proj_context_errno_string(PJ_CONTEXT *ctx, int err);
void fl_proj_context_set_search_paths(PJ_CONTEXT *ctx, int count, const char *const *paths);
PJ_LOG_LEVEL fl_proj_log_level(PJ_CONTEXT *ctx, PJ_LOG_LEVEL level);
void fl_proj_log_func(PJ_CONTEXT *ctx, void *app_data, PJ_LOG_FUNCTION logf);
PJ *fl_proj_create(PJ_CONTEXT *ctx, const char *definition);
PJ *fl_proj_create_crs_to_crs(PJ_CONTEXT *ctx, const char *source, const char *target, PJ_AREA *area);
PJ *fl_proj_normalize_for_visualization(PJ_CONTEXT *ctx, const PJ *obj);
PJ *fl_proj_destroy(PJ *p);
int fl_proj_angular_input(PJ *p, enum PJ_DIRECTION dir);
int fl_proj_angular_output(PJ *p, enum PJ_DIRECTION dir);
size_t fl_proj_trans_generic(PJ *p, PJ_DIRECTION direction,
                             double *x, size_t sx, size_t nx, double *y, size_t sy, size_t ny,
                             double *z, size_t sz, size_t nz, double *t, size_t st, size_t nt);

void fl_geod_init(struct geod_geodesic *g, double a, double f);
void fl_geod_inverse(const struct geod_geodesic *g, double lat1, double lon1, double lat2, double lon2,
                     double *ps12, double *pazi1, double *pazi2);
void fl_geod_polygon_init(struct geod_polygon *p, int polylinep);
void fl_geod_polygon_addpoint(const struct geod_geodesic *g, struct geod_polygon *p, double lat, double lon);
unsigned fl_geod_polygon_compute(const struct geod_geodesic *g, const struct geod_polygon *p, int reverse, int sign,
                                 double *pA, double *pP);

#endif
