// The system zlib (Debian: zlib1g-dev, installed by scripts/setup), for gzip'd IDX files.
#include <zlib.h>
