#ifndef C_INOTIFYTOOLS_SHIM_H
#define C_INOTIFYTOOLS_SHIM_H
#include <inotifytools/inotifytools.h>  /* forward-declares struct inotify_event only */
#include <inotifytools/inotify.h>       /* the struct and the IN_* constants */

/* IN_ALL_EVENTS ORs twelve macros: too complex for Swift's macro importer. */
static const int CINOTIFY_ALL_EVENTS = IN_ALL_EVENTS;

/* Swift does not import the flexible array member `char name[]`. */
static inline const char *cinotify_event_name(const struct inotify_event *e) {
    return e->len > 0 ? e->name : "";
}
#endif
