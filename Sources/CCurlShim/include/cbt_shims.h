// Non-variadic wrappers that Swift can call: curl_easy_setopt/curl_easy_getinfo are variadic macros, which do
// not import into Swift. (zlib's macros are wrapped in CZlibShim.)
#ifndef CBT_SHIMS_H
#define CBT_SHIMS_H

#include <curl/curl.h>

typedef size_t (*cbt_curl_data_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
typedef int (*cbt_curl_xferinfo_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow,
                                          curl_off_t ultotal, curl_off_t ulnow);

CURLcode cbt_curl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode cbt_curl_setopt_ptr(CURL *handle, CURLoption option, const void *value);
CURLcode cbt_curl_setopt_off(CURL *handle, CURLoption option, curl_off_t value);
CURLcode cbt_curl_setopt_data_callback(CURL *handle, CURLoption option, cbt_curl_data_callback cb);
CURLcode cbt_curl_setopt_xferinfo_callback(CURL *handle, cbt_curl_xferinfo_callback cb);

CURLcode cbt_curl_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode cbt_curl_getinfo_double(CURL *handle, CURLINFO info, double *value);
CURLcode cbt_curl_getinfo_string(CURL *handle, CURLINFO info, const char **value);

#endif
