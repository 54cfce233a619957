# Sourced (not run) by scripts/check-allocations and scripts/count-instructions, from the
# package root: skips the caller (exit 0) when valgrind is missing; otherwise builds the
# release binary (or one for another CPU level, see below) and sets $dir to a temporary folder, removed on exit, holding that binary
# with its debug info stripped (valgrind cannot read Swift's DWARF) and its dataset resources,
# and preloads scripts/lib/sigsuspend-copy.c for valgrind 3.19 (LD_PRELOAD).
command -v valgrind >/dev/null || { echo "SKIPPED: valgrind is not installed"; exit 0; }
# SPIKEBAR_TUNED_ARCH=LEVEL (portable, x86-64-v3, …): scripts/build-tuned's build for that level instead.
if [ -n "${SPIKEBAR_TUNED_ARCH:-}" ]; then
  release=$(dirname "$(scripts/build-tuned "$SPIKEBAR_TUNED_ARCH" 2>/dev/null)")
else
  swift build -c release >/dev/null
  release=.build/release
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
strip --strip-debug -o "$dir/spikebar" "$release/spikebar"
cp -r "$release/Spikebar_Datasets.resources" "$dir/"
# valgrind 3.19 crashes on libdispatch's sigsuspend (see the C file): preload a copying one.
cc -O2 -shared -fPIC -o "$dir/sigsuspend-copy.so" scripts/lib/sigsuspend-copy.c
export LD_PRELOAD="$dir/sigsuspend-copy.so${LD_PRELOAD:+:$LD_PRELOAD}"
