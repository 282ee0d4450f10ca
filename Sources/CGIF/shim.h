// giflib: animated GIF encoding (and decoding, for tests).
#include <stddef.h>
#include <stdbool.h>
#include <gif_lib.h>
