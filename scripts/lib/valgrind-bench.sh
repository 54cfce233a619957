# Sourced (not run) by scripts/check-allocations and scripts/count-instructions, from the
# package root: skips the caller (exit 0) when valgrind is missing; otherwise builds the
# release binary and sets $dir to a temporary folder, removed on exit, holding that binary
# with its debug info stripped (valgrind cannot read Swift's DWARF) and its dataset resources.
command -v valgrind >/dev/null || { echo "SKIPPED: valgrind is not installed"; exit 0; }
swift build -c release >/dev/null
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
strip --strip-debug -o "$dir/spikebar" .build/release/spikebar
cp -r .build/release/Spikebar_Datasets.resources "$dir/"
