// zlib: deflate for PNG image data, crc32 for PNG chunks, inflate for gzipped imports.
#include <zlib.h>
