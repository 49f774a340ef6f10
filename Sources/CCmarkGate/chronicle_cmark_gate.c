// See include/chronicle_cmark_gate.h for what this does and why.
#define _GNU_SOURCE
#include "chronicle_cmark_gate.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#if defined(__linux__) && defined(__ELF__)
#include <dlfcn.h>
#endif

// MARK: - The gate

struct chronicle_cmark_gate {
    pthread_mutex_t mutex;
    pthread_cond_t changed;   // broadcast whenever the gate becomes empty
    bool parallel;
    bool draining;            // a parser with another key waits: admit no more with this key
    uint64_t key;             // the key of the parsers inside (when inside > 0)
    long inside;
    long waiting;
    long most_inside;
};

static chronicle_cmark_gate shared_gate = {
    .mutex = PTHREAD_MUTEX_INITIALIZER,
    .changed = PTHREAD_COND_INITIALIZER,
};

chronicle_cmark_gate *chronicle_cmark_gate_shared(void) { return &shared_gate; }

chronicle_cmark_gate *chronicle_cmark_gate_create(void) {
    chronicle_cmark_gate *gate = calloc(1, sizeof *gate);
    if (gate == NULL) abort();
    pthread_mutex_init(&gate->mutex, NULL);
    pthread_cond_init(&gate->changed, NULL);
    return gate;
}

void chronicle_cmark_gate_destroy(chronicle_cmark_gate *gate) {
    if (gate == NULL || gate == &shared_gate) return;
    pthread_cond_destroy(&gate->changed);
    pthread_mutex_destroy(&gate->mutex);
    free(gate);
}

void chronicle_cmark_gate_set_parallel(chronicle_cmark_gate *gate, bool parallel) {
    pthread_mutex_lock(&gate->mutex);
    gate->parallel = parallel;
    pthread_mutex_unlock(&gate->mutex);
}

void chronicle_cmark_gate_enter(chronicle_cmark_gate *gate, uint64_t key) {
    pthread_mutex_lock(&gate->mutex);
    for (;;) {
        if (gate->inside == 0) break;
        bool joinable = gate->parallel && key == gate->key && key != CHRONICLE_CMARK_GATE_EXCLUSIVE;
        if (joinable && !gate->draining) break;
        // Another set is inside (or only one at a time): no more of theirs after this, so that
        // a steady stream of one set cannot keep this one out forever.
        if (!joinable) gate->draining = true;
        gate->waiting += 1;
        pthread_cond_wait(&gate->changed, &gate->mutex);
        gate->waiting -= 1;
    }
    if (gate->inside == 0) {
        gate->key = key;
        gate->draining = false;
    }
    gate->inside += 1;
    if (gate->inside > gate->most_inside) gate->most_inside = gate->inside;
    pthread_mutex_unlock(&gate->mutex);
}

void chronicle_cmark_gate_leave(chronicle_cmark_gate *gate) {
    pthread_mutex_lock(&gate->mutex);
    if (gate->inside <= 0) {
        fputs("chronicle_cmark_gate_leave: the gate is empty\n", stderr);
        abort();
    }
    gate->inside -= 1;
    // Only an empty gate lets anyone in who waits (a waiter with this key waits for a drain).
    if (gate->inside == 0) pthread_cond_broadcast(&gate->changed);
    pthread_mutex_unlock(&gate->mutex);
}

chronicle_cmark_gate_state chronicle_cmark_gate_get_state(chronicle_cmark_gate *gate) {
    pthread_mutex_lock(&gate->mutex);
    chronicle_cmark_gate_state state = {gate->inside, gate->waiting, gate->most_inside};
    pthread_mutex_unlock(&gate->mutex);
    return state;
}

// MARK: - Reference-counted special characters

static pthread_mutex_t special_mutex = PTHREAD_MUTEX_INITIALIZER;
static chronicle_cmark_special_stats stats;


#if defined(__linux__) && defined(__ELF__)

static void fail(const char *message) {
    fprintf(stderr, "chronicle (cmark-gfm special characters): %s\n", message);
    abort();
}

// Statically linked: `-Wl,--wrap=cmark_inlines_add_special_character` (and remove) sends
// blocks.c.o's calls here and resolves `__real_…` to inlines.c.o's functions. Without --wrap
// (a shared library build) nothing calls these and the weak `__real_…` stay null.
extern void __real_cmark_inlines_add_special_character(unsigned char c, bool emphasis) __attribute__((weak));
extern void __real_cmark_inlines_remove_special_character(unsigned char c, bool emphasis) __attribute__((weak));
void __wrap_cmark_inlines_add_special_character(unsigned char c, bool emphasis);
void __wrap_cmark_inlines_remove_special_character(unsigned char c, bool emphasis);

// How many additions of each character are outstanding (`special_count`; with `emphasis`:
// `skip_count`), and whether SKIP_CHARS[c] was set (`skip_set`). The real add sets
// SPECIAL_CHARS[c] (and SKIP_CHARS[c] when emphasis), the real remove clears the same, so the
// real functions run only when the tables must change: the first add, the last remove.
static uint32_t special_count[256];
static uint32_t skip_count[256];
static bool skip_set[256];

void __wrap_cmark_inlines_add_special_character(unsigned char c, bool emphasis) {
    pthread_mutex_lock(&special_mutex);
    if (__real_cmark_inlines_add_special_character == NULL) fail("__real_cmark_inlines_add_special_character is missing");
    stats.wrapped_calls += 1;
    stats.outstanding += 1;
    bool write = special_count[c] == 0 || (emphasis && !skip_set[c]);
    special_count[c] += 1;
    if (emphasis) skip_count[c] += 1;
    if (write) {
        __real_cmark_inlines_add_special_character(c, emphasis);
        if (emphasis) skip_set[c] = true;
        stats.table_writes += 1;
    }
    pthread_mutex_unlock(&special_mutex);
}

void __wrap_cmark_inlines_remove_special_character(unsigned char c, bool emphasis) {
    pthread_mutex_lock(&special_mutex);
    if (__real_cmark_inlines_remove_special_character == NULL) fail("__real_cmark_inlines_remove_special_character is missing");
    if (special_count[c] == 0 || (emphasis && skip_count[c] == 0)) fail("a character was removed more often than added");
    stats.wrapped_calls += 1;
    stats.outstanding -= 1;
    if (emphasis) skip_count[c] -= 1;
    // SKIP_CHARS[c] cannot be cleared alone (the real remove clears SPECIAL_CHARS[c] too): it
    // stays set until the last parser that needs c at all is done (only matters for two
    // extensions of one set sharing a character, one with emphasis and one without).
    if (--special_count[c] == 0) {
        __real_cmark_inlines_remove_special_character(c, skip_set[c]);
        skip_set[c] = false;
        stats.table_writes += 1;
    }
    pthread_mutex_unlock(&special_mutex);
}

// With libcmark-gfm.so: the executable's definition comes first in the dynamic linker's search
// order, so the library's own call (through its PLT) lands here. Weak, so that in a static link
// blocks.c.o's definition takes its place without a clash (there, process_inlines calls it
// directly anyway, and the --wrap route above does the counting).
struct cmark_parser;
typedef void (*manage_function)(struct cmark_parser *parser, int add);
void cmark_manage_extensions_special_characters(struct cmark_parser *parser, int add) __attribute__((weak));

static manage_function real_manage;
static pthread_once_t real_manage_once = PTHREAD_ONCE_INIT;
// Its own mutex (taken before special_mutex, never after), in case the real one ever calls
// the wrapped functions above.
static pthread_mutex_t manage_mutex = PTHREAD_MUTEX_INITIALIZER;
static int64_t manage_outstanding;
static uint64_t manage_calls, manage_writes;

static void find_real_manage(void) {
    manage_function next = (manage_function)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
    if (next != cmark_manage_extensions_special_characters) real_manage = next;
}

void cmark_manage_extensions_special_characters(struct cmark_parser *parser, int add) {
    pthread_once(&real_manage_once, find_real_manage);
    if (real_manage == NULL) fail("the interposed cmark_manage_extensions_special_characters finds no real one (dlsym RTLD_NEXT)");
    pthread_mutex_lock(&manage_mutex);
    manage_calls += 1;
    // Per call, not per character: the gate lets only parsers with one extension set (so the
    // same characters) in at a time, and the first one's add adds what the last one's remove
    // removes.
    bool write;
    if (add) {
        write = manage_outstanding++ == 0;
    } else {
        if (manage_outstanding == 0) fail("special characters removed more often than added");
        write = --manage_outstanding == 0;
    }
    if (write) {
        real_manage(parser, add);
        manage_writes += 1;
    }
    pthread_mutex_unlock(&manage_mutex);
}

static void add_manage_stats(chronicle_cmark_special_stats *into) {
    into->interposed_calls += manage_calls;
    into->table_writes += manage_writes;
    into->outstanding += manage_outstanding;
}

#else

static pthread_mutex_t manage_mutex = PTHREAD_MUTEX_INITIALIZER;
static void add_manage_stats(chronicle_cmark_special_stats *into) { (void)into; }

#endif

chronicle_cmark_special_stats chronicle_cmark_special_characters_stats(void) {
    pthread_mutex_lock(&manage_mutex);
    pthread_mutex_lock(&special_mutex);
    chronicle_cmark_special_stats copy = stats;
    add_manage_stats(&copy);
    pthread_mutex_unlock(&special_mutex);
    pthread_mutex_unlock(&manage_mutex);
    return copy;
}
