// Cairo with its PNG, SVG and PDF surfaces.
#include <cairo.h>
#include <cairo-svg.h>
#include <cairo-pdf.h>
