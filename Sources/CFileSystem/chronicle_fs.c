#define _GNU_SOURCE
#include "chronicle_fs.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int chronicle_exchange_paths(const char *first, const char *second) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
    return renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}

int chronicle_sync_filesystem(const char *path) {
    int descriptor = open(path, O_RDONLY | O_CLOEXEC);
    if (descriptor < 0) return -1;
#if defined(__linux__)
    int result = syncfs(descriptor);
#else
    int result = fsync(descriptor);
#endif
    int saved = errno;
    close(descriptor);
    errno = saved;
    return result;
}
