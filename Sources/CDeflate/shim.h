// libdeflate: its CRC-32 and Adler-32 (carry-less multiplication and vector instructions),
// three to four times zlib's on the megabytes a command checksums: the snapshot packs,
// regions.geojson, the outline store, a PNG's scanlines. The same values as zlib's.
#include <libdeflate.h>
