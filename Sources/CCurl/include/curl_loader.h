// libcurl, loaded with dlopen when a command first fetches over HTTP. Linked at start (as
// URLSession's FoundationNetworking links it) it cost every command some 6 ms: libcurl-gnutls
// brings GnuTLS, Nettle, libssh2, Kerberos and LDAP, and only `frontline update` fetches.
#ifndef FRONTLINE_CURL_LOADER_H
#define FRONTLINE_CURL_LOADER_H

#include <stddef.h>

/// What one GET ended with. `body` is malloc'd (free it with fl_curl_free_body), NULL when empty.
typedef struct {
    int code;            // CURLcode: 0 when a whole response arrived, whatever its status
    long status;         // the HTTP status, 0 without a response
    unsigned char *body;
    size_t length;
    char error[256];     // why, when code is not 0 (curl's own words)
} fl_curl_response;

/// Loads libcurl if not yet loaded: NULL once loaded, else one line saying why not.
const char *fl_curl_load(void);

/// GET `url`, following redirects, giving up when connecting takes `timeout_seconds` or the
/// transfer then stalls that long.
/// libcurl must be loaded (fl_curl_load).
void fl_curl_get(const char *url, const char *user_agent, long timeout_seconds, fl_curl_response *out);

void fl_curl_free_body(fl_curl_response *response);

#endif
