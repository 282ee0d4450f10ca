// libcurl loaded with dlopen on first use (see curl_loader.h for why). The easy interface
// only: one blocking transfer per call, the body gathered in memory.
#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "curl_loader.h"

#define CURL_SYMBOLS(X) \
    X(curl_global_init) X(curl_easy_init) X(curl_easy_setopt) X(curl_easy_perform) \
    X(curl_easy_getinfo) X(curl_easy_cleanup) X(curl_easy_strerror)

#define DECLARE(name) static __typeof__(name) *p_##name;
CURL_SYMBOLS(DECLARE)

// The GnuTLS build first (Debian's libcurl3-gnutls, what the setup script installs), then
// the OpenSSL one.
static const char *const libraries[] = {"libcurl-gnutls.so.4", "libcurl.so.4"};

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char failure[512];

static void load(void) {
    void *h = NULL;
    for (size_t i = 0; i < sizeof libraries / sizeof *libraries && !h; i++) {
        h = dlopen(libraries[i], RTLD_NOW | RTLD_LOCAL);
        // The first name's error says most (the others are fallbacks).
        if (!h && i == 0) snprintf(failure, sizeof failure, "cannot load libcurl: %s", dlerror());
    }
    if (!h) return;
    failure[0] = 0;
#define FIND(name)                                                                                \
    if (!(p_##name = (__typeof__(name) *)dlsym(h, #name))) {                                      \
        snprintf(failure, sizeof failure, "cannot load libcurl: the library has no %s", #name);   \
        return;                                                                                   \
    }
    CURL_SYMBOLS(FIND)
    // Once, before any thread uses curl (curl_global_init is not thread-safe in older curls).
    if (p_curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) snprintf(failure, sizeof failure, "cannot start libcurl");
}

const char *fl_curl_load(void) {
    pthread_once(&once, load);
    return failure[0] ? failure : NULL;
}

static size_t gather(char *data, size_t size, size_t count, void *context) {
    fl_curl_response *r = context;
    size_t n = size * count;
    unsigned char *grown = realloc(r->body, r->length + n);
    if (!grown) return 0;  // curl then ends the transfer with CURLE_WRITE_ERROR
    memcpy(grown + r->length, data, n);
    r->body = grown;
    r->length += n;
    return n;
}

void fl_curl_get(const char *url, const char *user_agent, long timeout_seconds, fl_curl_response *out) {
    memset(out, 0, sizeof *out);
    CURL *curl = p_curl_easy_init();
    if (!curl) {
        out->code = CURLE_FAILED_INIT;
        snprintf(out->error, sizeof out->error, "cannot start a transfer");
        return;
    }
    p_curl_easy_setopt(curl, CURLOPT_URL, url);
    p_curl_easy_setopt(curl, CURLOPT_USERAGENT, user_agent);
    p_curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    p_curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 10L);
    // A connection that takes `timeout_seconds` to open, or then stalls that long, is given
    // up; a slow one that keeps moving is not (URLSession's timeoutInterval meant the same).
    p_curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, timeout_seconds);
    p_curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
    p_curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, timeout_seconds);
    p_curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM for DNS timeouts: threads run
    p_curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, out->error);
    p_curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, gather);
    p_curl_easy_setopt(curl, CURLOPT_WRITEDATA, out);
    out->code = p_curl_easy_perform(curl);
    if (out->code == CURLE_OK) {
        p_curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &out->status);
    } else if (!out->error[0]) {
        snprintf(out->error, sizeof out->error, "%s", p_curl_easy_strerror(out->code));
    }
    p_curl_easy_cleanup(curl);
}

void fl_curl_free_body(fl_curl_response *response) {
    free(response->body);
    response->body = NULL;
    response->length = 0;
}
