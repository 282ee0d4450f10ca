/* PNG compression near the floor (issue 18): the scanlines of a real map (filter byte + RGB
 * rows, as Frontline's PNGEncoder feeds them to zlib) compressed by zlib at levels 1-6 in two
 * bands on two threads (Frontline's way: raw deflate blocks joined into one stream), and by
 * libdeflate at levels 1-9 in one stream on one thread (libdeflate always ends its stream with
 * a final block, so its bands cannot be joined into one PNG) and, for the time alone, in two
 * bands on two threads. Prints a Markdown table: median ms of `runs`, bytes, against zlib 3.
 * Usage: deflate_bench RAW_SCANLINES RUNS */
#include <libdeflate.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

static unsigned char *raw;
static size_t rawLen;

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e3 + t.tv_nsec / 1e6; }
static int cmp(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return x < y ? -1 : x > y; }

struct job { const unsigned char *in; size_t len; int level; int last; int useLibdeflate; size_t out; };

static void *run(void *p) {
    struct job *j = p;
    if (j->useLibdeflate) {
        struct libdeflate_compressor *c = libdeflate_alloc_compressor(j->level);
        size_t bound = libdeflate_deflate_compress_bound(c, j->len);
        unsigned char *o = malloc(bound);
        j->out = libdeflate_deflate_compress(c, j->in, j->len, o, bound);
        free(o);
        libdeflate_free_compressor(c);
    } else {
        z_stream s; memset(&s, 0, sizeof s);
        deflateInit2(&s, j->level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
        size_t bound = deflateBound(&s, j->len) + 16;
        unsigned char *o = malloc(bound);
        s.next_in = (unsigned char *)j->in; s.avail_in = j->len; s.next_out = o; s.avail_out = bound;
        deflate(&s, j->last ? Z_FINISH : Z_FULL_FLUSH);
        j->out = s.total_out;
        deflateEnd(&s);
        free(o);
    }
    return NULL;
}

/* Compresses the scanlines in `bands` bands on as many threads; returns ms, sets *bytes. */
static double once(int level, int bands, int useLibdeflate, size_t *bytes) {
    struct job jobs[2]; pthread_t th[2];
    size_t per = rawLen / bands;
    double t0 = now();
    for (int b = 0; b < bands; b++) {
        jobs[b] = (struct job){ raw + b * per, b == bands - 1 ? rawLen - b * per : per, level, b == bands - 1, useLibdeflate, 0 };
        pthread_create(&th[b], NULL, run, &jobs[b]);
    }
    *bytes = 0;
    for (int b = 0; b < bands; b++) { pthread_join(th[b], NULL); *bytes += jobs[b].out; }
    return now() - t0;
}

static void row(const char *name, int level, int bands, int useLibdeflate, int runs, double baseMs, size_t baseBytes) {
    double *t = malloc(sizeof(double) * runs); size_t bytes = 0;
    for (int i = 0; i < runs; i++) t[i] = once(level, bands, useLibdeflate, &bytes);
    qsort(t, runs, sizeof(double), cmp);
    double med = t[runs / 2];
    if (baseMs > 0) printf("| %s %d, %d band%s | %.1f ms | %zu | %.2f× | %+.1f %% |\n", name, level, bands, bands > 1 ? "s" : "", med, bytes,
                           baseMs / med, 100.0 * ((double)bytes / baseBytes - 1));
    free(t);
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: %s RAW RUNS\n", argv[0]); return 64; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 66; }
    fseek(f, 0, SEEK_END); rawLen = ftell(f); fseek(f, 0, SEEK_SET);
    raw = malloc(rawLen);
    if (fread(raw, 1, rawLen, f) != rawLen) return 65;
    int runs = atoi(argv[2]);
    size_t baseBytes; double base[64];
    for (int i = 0; i < runs && i < 64; i++) base[i] = once(3, 2, 0, &baseBytes);
    qsort(base, runs, sizeof(double), cmp);
    double baseMs = base[runs / 2];
    printf("| compressor | median | bytes | speed against zlib 3, 2 bands | size against it |\n|---|---|---|---|---|\n");
    for (int l = 1; l <= 6; l++) row("zlib", l, 2, 0, runs, baseMs, baseBytes);
    for (int l = 1; l <= 9; l++) row("libdeflate", l, 1, 1, runs, baseMs, baseBytes);
    for (int l = 1; l <= 6; l += 5) row("libdeflate (two streams, time only)", l, 2, 1, runs, baseMs, baseBytes);
    return 0;
}
