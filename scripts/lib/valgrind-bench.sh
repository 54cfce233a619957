# Sourced (not run) by scripts/check-allocations and scripts/count-instructions, from the
# package root: skips the caller (exit 0) when valgrind is missing; otherwise builds the
# release binary and sets $dir to a temporary folder, removed on exit, holding that binary
# with its debug info stripped (valgrind cannot read Swift's DWARF) and its dataset resources,
# and preloads scripts/lib/sigsuspend-copy.c for valgrind 3.19 (LD_PRELOAD).
command -v valgrind >/dev/null || { echo "SKIPPED: valgrind is not installed"; exit 0; }
swift build -c release >/dev/null
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
strip --strip-debug -o "$dir/spikebar" .build/release/spikebar
cp -r .build/release/Spikebar_Datasets.resources "$dir/"
# valgrind 3.19 crashes on libdispatch's sigsuspend (see the C file): preload a copying one.
cc -O2 -shared -fPIC -o "$dir/sigsuspend-copy.so" scripts/lib/sigsuspend-copy.c
export LD_PRELOAD="$dir/sigsuspend-copy.so${LD_PRELOAD:+:$LD_PRELOAD}"
