#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "CSubprocess.h"

int csubprocess_memfd(const char *name) { return memfd_create(name, MFD_CLOEXEC); }

int csubprocess_pipe(int fds[2]) { return pipe2(fds, O_CLOEXEC); }
