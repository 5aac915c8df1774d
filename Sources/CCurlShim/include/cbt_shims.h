// libcurl for Swift: loaded with dlopen the first time a command makes a request, so commands that never use the
// network (analyze of a file, --help, rules) do not pay for loading libcurl and the ~27 libraries it pulls in
// (about 4 ms of every start-up). Also non-variadic wrappers: curl_easy_setopt/curl_easy_getinfo are variadic,
// which Swift cannot call. (zlib's macros are wrapped in CZlibShim.)
#ifndef CBT_SHIMS_H
#define CBT_SHIMS_H

#include <curl/curl.h>

typedef size_t (*cbt_curl_data_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
typedef int (*cbt_curl_xferinfo_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow,
                                          curl_off_t ultotal, curl_off_t ulnow);

// Loads libcurl once (thread-safe): NULL when it is loaded, else why it could not be (dlerror's words).
// CBTRIAGE_LIBCURL names another file to load instead of libcurl.so.4.
const char *cbt_curl_load(void);

// libcurl's functions of the same names; before a successful load they fail (CURLE_FAILED_INIT, NULL) or do
// nothing.
CURLcode cbt_curl_global_init(long flags);
CURL *cbt_curl_easy_init(void);
void cbt_curl_easy_cleanup(CURL *handle);
void cbt_curl_easy_reset(CURL *handle);
CURLcode cbt_curl_easy_perform(CURL *handle);
const char *cbt_curl_easy_strerror(CURLcode code);
struct curl_slist *cbt_curl_slist_append(struct curl_slist *list, const char *text);
void cbt_curl_slist_free_all(struct curl_slist *list);

CURLcode cbt_curl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode cbt_curl_setopt_ptr(CURL *handle, CURLoption option, const void *value);
CURLcode cbt_curl_setopt_off(CURL *handle, CURLoption option, curl_off_t value);
CURLcode cbt_curl_setopt_data_callback(CURL *handle, CURLoption option, cbt_curl_data_callback cb);
CURLcode cbt_curl_setopt_xferinfo_callback(CURL *handle, cbt_curl_xferinfo_callback cb);

CURLcode cbt_curl_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode cbt_curl_getinfo_double(CURL *handle, CURLINFO info, double *value);
CURLcode cbt_curl_getinfo_string(CURL *handle, CURLINFO info, const char **value);

#endif
