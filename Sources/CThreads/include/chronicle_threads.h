#ifndef CHRONICLE_THREADS_H
#define CHRONICLE_THREADS_H

#include <pthread.h>

/// Starts `body(context)` on a new thread kept off the caller's CPU, and keeps the caller on
/// its CPU (when the process may use more than one), so that the two run side by side at once.
/// Linux otherwise often queues a new thread behind its busy parent on the same CPU until the
/// next load balancing, milliseconds later, or moves the parent next to it.
/// `chronicle_thread_release_caller` undoes the caller's part. Returns 0 on success, an error
/// number otherwise.
int chronicle_thread_start_elsewhere(pthread_t *thread, void *(*body)(void *), void *context);

/// Lets the caller of `chronicle_thread_start_elsewhere` run on every CPU again.
void chronicle_thread_release_caller(void);

#endif
