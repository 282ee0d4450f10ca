#ifndef FRONTLINE_STARTUP_H
#define FRONTLINE_STARTUP_H

/// 1 when the process started with descriptor 1 (stdout) closed (`frontline ... >&-`).
int frontline_stdout_was_closed(void);

#endif
