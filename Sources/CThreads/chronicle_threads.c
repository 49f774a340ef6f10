#define _GNU_SOURCE
#include "chronicle_threads.h"

#include <sched.h>

#ifdef __linux__
static cpu_set_t caller_cpus;
static int caller_pinned = 0;
#endif

int chronicle_thread_start_elsewhere(pthread_t *thread, void *(*body)(void *), void *context) {
    pthread_attr_t attributes;
    int error = pthread_attr_init(&attributes);
    if (error != 0) return error;
#ifdef __linux__
    cpu_set_t cpus;
    int here = sched_getcpu();
    if (here >= 0 && sched_getaffinity(0, sizeof cpus, &cpus) == 0 && CPU_ISSET(here, &cpus) && CPU_COUNT(&cpus) > 1) {
        cpu_set_t others = cpus;
        CPU_CLR(here, &others);
        pthread_attr_setaffinity_np(&attributes, sizeof others, &others);
        cpu_set_t mine;
        CPU_ZERO(&mine);
        CPU_SET(here, &mine);
        if (sched_setaffinity(0, sizeof mine, &mine) == 0) {
            caller_cpus = cpus;
            caller_pinned = 1;
        }
    }
#endif
    error = pthread_create(thread, &attributes, body, context);
    pthread_attr_destroy(&attributes);
    if (error != 0) chronicle_thread_release_caller();
    return error;
}

void chronicle_thread_release_caller(void) {
#ifdef __linux__
    if (caller_pinned) {
        sched_setaffinity(0, sizeof caller_cpus, &caller_cpus);
        caller_pinned = 0;
    }
#endif
}
