/* monoc: compile drug monographs to HTML, text and man pages. */
#include <stdio.h>

#include "monoc.h"

int
main(int argc, char *argv[])
{
	return monoc_main(argc, argv, stderr);
}
