#ifndef C_SUBPROCESS_H
#define C_SUBPROCESS_H

/// memfd_create(name, MFD_CLOEXEC): a file in memory to hand a child as its stdin.
/// Glibc declares it only under _GNU_SOURCE, which Swift's Glibc module is not built with.
int csubprocess_memfd(const char *name);

/// pipe2(fds, O_CLOEXEC): no other child started meanwhile inherits the pipe.
int csubprocess_pipe(int fds[2]);

#endif
