/*
 * libcurl for the static release build, without libcurl.
 *
 * FlyingFox (the `serve` HTTP server) has a proxy handler that uses URLSession, so linking
 * FlyingFox links Foundation's FoundationNetworking, which is built on libcurl. Chronicle never
 * makes an HTTP request: no URLSession is created, and none of these functions is called. A
 * static libcurl would drag in OpenSSL, Kerberos, LDAP and more, which Debian does not ship
 * static. So the static executable links this file instead (Makefile, `build`): `--wrap`
 * renames each libcurl function Foundation calls to the same name with `__wrap_` before it,
 * defined here, so nothing asks for the real libcurl (a system libcurl.a, when there is one, is
 * not used), and `-lcurl` finds an empty archive where there is none. Every function fails the
 * way libcurl fails when it cannot start: NULL, or an error code.
 * The debug build and the tests link the system's libcurl as usual.
 */
#include <stddef.h>

typedef int stub_code;
enum { STUB_FAILED_INIT = 2 };

void *__wrap_curl_easy_init(void) { return NULL; }
void __wrap_curl_easy_cleanup(void *handle) { (void)handle; }
stub_code __wrap_curl_easy_getinfo(void *handle, int info, ...) { (void)handle; (void)info; return STUB_FAILED_INIT; }
stub_code __wrap_curl_easy_pause(void *handle, int mask) { (void)handle; (void)mask; return STUB_FAILED_INIT; }
stub_code __wrap_curl_easy_setopt(void *handle, int option, ...) { (void)handle; (void)option; return STUB_FAILED_INIT; }
const char *__wrap_curl_easy_strerror(stub_code code) { (void)code; return "HTTP client not available in this build"; }
void __wrap_curl_free(void *p) { (void)p; }
stub_code __wrap_curl_global_init(long flags) { (void)flags; return STUB_FAILED_INIT; }
stub_code __wrap_curl_multi_add_handle(void *multi, void *easy) { (void)multi; (void)easy; return 1; }
stub_code __wrap_curl_multi_assign(void *multi, int socket, void *p) { (void)multi; (void)socket; (void)p; return 1; }
stub_code __wrap_curl_multi_cleanup(void *multi) { (void)multi; return 0; }
void *__wrap_curl_multi_info_read(void *multi, int *left) { (void)multi; if (left) *left = 0; return NULL; }
void *__wrap_curl_multi_init(void) { return NULL; }
stub_code __wrap_curl_multi_remove_handle(void *multi, void *easy) { (void)multi; (void)easy; return 1; }
stub_code __wrap_curl_multi_setopt(void *multi, int option, ...) { (void)multi; (void)option; return 1; }
stub_code __wrap_curl_multi_socket_action(void *multi, int socket, int mask, int *running) {
    (void)multi; (void)socket; (void)mask; if (running) *running = 0; return 1;
}
void *__wrap_curl_slist_append(void *list, const char *text) { (void)list; (void)text; return NULL; }
void __wrap_curl_slist_free_all(void *list) { (void)list; }
void *__wrap_curl_url(void) { return NULL; }
stub_code __wrap_curl_url_get(void *url, int part, char **out, unsigned flags) {
    (void)url; (void)part; (void)flags; if (out) *out = NULL; return 1;
}
stub_code __wrap_curl_url_set(void *url, int part, const char *text, unsigned flags) {
    (void)url; (void)part; (void)text; (void)flags; return 1;
}
char *__wrap_curl_version(void) { return "none"; }
void *__wrap_curl_version_info(int age) { (void)age; return NULL; }
