// SQLite: the MBTiles container.
#include <sqlite3.h>
