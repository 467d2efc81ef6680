/*
 * The driver, callable in-process (main() is one line around it).
 */
#ifndef MONOC_MONOC_H
#define MONOC_MONOC_H

#include <stdio.h>

int	monoc_main(int argc, char *argv[], FILE *err);
char	*monoc_datadir(void);

#endif
