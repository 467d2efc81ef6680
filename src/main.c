/* monoc: compile drug monographs to HTML, text and man pages. */
#include <stdio.h>

#include "alloc.h"
#include "monoc.h"

/*
 * The pool allocator is installed here, before libxml2 allocates
 * anything, rather than in monoc_main(), which the unit tests call many
 * times in one process.  If libxml2 refuses it, malloc(3) it is.
 */
int
main(int argc, char *argv[])
{
	(void)alloc_install();
	return monoc_main(argc, argv, stderr);
}
