#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, so its encoding.h would include the system ICU headers,
// which clash with the ICU copy inside Foundation in one Swift module. Nothing here uses
// libxml2's ICU converters (xmlCharEncodingHandler's ICU fields are never touched), so
// the headers are read without them.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
