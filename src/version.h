/* The version of monoc, printed by --version. */
#ifndef MONOC_VERSION
#define MONOC_VERSION	"0.1.0"
#endif
