#include "cbt_shims.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#ifdef __APPLE__
#define CBT_LIBCURL_DEFAULT "libcurl.4.dylib"
#else
#define CBT_LIBCURL_DEFAULT "libcurl.so.4"
#endif

// The functions cbtriage uses, resolved from the loaded library.
static struct {
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    void (*easy_reset)(CURL *);
    CURLcode (*easy_perform)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
} api;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int loaded;
static char load_error[512];

static int resolve(void *library, const char *library_name, void **slot, const char *symbol) {
    *slot = dlsym(library, symbol);
    if (*slot == NULL) {
        snprintf(load_error, sizeof load_error, "%s has no %s", library_name, symbol);
        return 0;
    }
    return 1;
}

static void load(void) {
    const char *name = getenv("CBTRIAGE_LIBCURL");
    if (name == NULL || *name == '\0') name = CBT_LIBCURL_DEFAULT;
    void *library = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *reason = dlerror();
        snprintf(load_error, sizeof load_error, "%s", reason ? reason : name);
        return;
    }
    if (!resolve(library, name, (void **)&api.global_init, "curl_global_init")
        || !resolve(library, name, (void **)&api.easy_init, "curl_easy_init")
        || !resolve(library, name, (void **)&api.easy_cleanup, "curl_easy_cleanup")
        || !resolve(library, name, (void **)&api.easy_reset, "curl_easy_reset")
        || !resolve(library, name, (void **)&api.easy_perform, "curl_easy_perform")
        || !resolve(library, name, (void **)&api.easy_strerror, "curl_easy_strerror")
        || !resolve(library, name, (void **)&api.easy_setopt, "curl_easy_setopt")
        || !resolve(library, name, (void **)&api.easy_getinfo, "curl_easy_getinfo")
        || !resolve(library, name, (void **)&api.slist_append, "curl_slist_append")
        || !resolve(library, name, (void **)&api.slist_free_all, "curl_slist_free_all")) {
        return;
    }
    loaded = 1;
}

const char *cbt_curl_load(void) {
    pthread_once(&load_once, load);
    return loaded ? NULL : load_error;
}

// Past a successful cbt_curl_load (every caller's first step is cbt_curl_global_init), the pointers are set.
#define CBT_REQUIRE_LOADED(failure) \
    do { if (cbt_curl_load() != NULL) return failure; } while (0)

CURLcode cbt_curl_global_init(long flags) {
    CBT_REQUIRE_LOADED(CURLE_FAILED_INIT);
    return api.global_init(flags);
}
CURL *cbt_curl_easy_init(void) {
    CBT_REQUIRE_LOADED(NULL);
    return api.easy_init();
}
void cbt_curl_easy_cleanup(CURL *handle) {
    CBT_REQUIRE_LOADED();
    api.easy_cleanup(handle);
}
void cbt_curl_easy_reset(CURL *handle) {
    CBT_REQUIRE_LOADED();
    api.easy_reset(handle);
}
CURLcode cbt_curl_easy_perform(CURL *handle) {
    CBT_REQUIRE_LOADED(CURLE_FAILED_INIT);
    return api.easy_perform(handle);
}
const char *cbt_curl_easy_strerror(CURLcode code) {
    CBT_REQUIRE_LOADED("libcurl is not loaded");
    return api.easy_strerror(code);
}
struct curl_slist *cbt_curl_slist_append(struct curl_slist *list, const char *text) {
    CBT_REQUIRE_LOADED(NULL);
    return api.slist_append(list, text);
}
void cbt_curl_slist_free_all(struct curl_slist *list) {
    CBT_REQUIRE_LOADED();
    api.slist_free_all(list);
}

CURLcode cbt_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    CBT_REQUIRE_LOADED(CURLE_FAILED_INIT);
    return api.easy_setopt(handle, option, value);
}
CURLcode cbt_curl_setopt_ptr(CURL *handle, CURLoption option, const void *value) {
    CBT_REQUIRE_LOADED(CURLE_FAILED_INIT);
    return api.easy_setopt(handle, option, value);
}
CURLcode cbt_curl_setopt_off(CURL *handle, CURLoption option, curl_off_t value) {
    CBT_REQUIRE_LOADED(CURLE_FAILED_INIT);
    return api.easy_setopt(handle, option, value);
}
CURLcode cbt_curl_setopt_data_callback(CURL *handle, CURLoption option, cbt_curl_data_callback cb) {
    CBT_REQUIRE_LOADED(CURLE_FAILED_INIT);
    return api.easy_setopt(handle, option, cb);
}
CURLcode cbt_curl_setopt_xferinfo_callback(CURL *handle, cbt_curl_xferinfo_callback cb) {
    CBT_REQUIRE_LOADED(CURLE_FAILED_INIT);
    return api.easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, cb);
}
CURLcode cbt_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    CBT_REQUIRE_LOADED(CURLE_FAILED_INIT);
    return api.easy_getinfo(handle, info, value);
}
CURLcode cbt_curl_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    CBT_REQUIRE_LOADED(CURLE_FAILED_INIT);
    return api.easy_getinfo(handle, info, value);
}
CURLcode cbt_curl_getinfo_string(CURL *handle, CURLINFO info, const char **value) {
    CBT_REQUIRE_LOADED(CURLE_FAILED_INIT);
    return api.easy_getinfo(handle, info, value);
}
