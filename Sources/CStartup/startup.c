// Runs before the Swift runtime, Foundation or Dispatch open any file. With stdout closed,
// the first descriptor they opened would be number 1 (Dispatch's eventfd, a temporary file)
// and the command's results would be written into it. Descriptor 1 is taken by /dev/null
// here, and the CLI reports the closed stdout as an error when it has results to write.
#include <fcntl.h>
#include <unistd.h>
#include "startup.h"

static int stdout_was_closed = 0;

__attribute__((constructor)) static void frontline_protect_stdout(void) {
    if (fcntl(1, F_GETFD) != -1) return;
    stdout_was_closed = 1;
    int null = open("/dev/null", O_WRONLY);
    if (null >= 0 && null != 1) {
        dup2(null, 1);
        close(null);
    }
}

int frontline_stdout_was_closed(void) { return stdout_was_closed; }
