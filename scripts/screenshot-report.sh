#!/usr/bin/env bash
# Renders a report's HTML page to a PNG with headless Chromium, to check that the page
# opens offline and that its charts draw (issue 7, "Must show").
#
#   scripts/screenshot-report.sh REPORT.html [OUT.png] [WIDTHxHEIGHT]
#
# Defaults: OUT = REPORT.html with .png, size 1280x6000 (tall enough for a whole run
# report; the PNG is cropped to that height, not to the page).
# Chromium is optional: when neither `chromium` nor `chromium-browser` nor
# `google-chrome` is on PATH the script says it skipped and exits 0, so CI without a
# browser passes. On Debian: `apt-get install -y chromium`.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 3 ]]; then
    echo "usage: $0 REPORT.html [OUT.png] [WIDTHxHEIGHT]" >&2
    exit 2
fi
html="$1"
out="${2:-${html%.html}.png}"
size="${3:-1280x6000}"
if [[ ! -f "$html" ]]; then
    echo "screenshot-report: no such file: $html" >&2
    exit 2
fi
if [[ ! "$size" =~ ^[0-9]+x[0-9]+$ ]]; then
    echo "screenshot-report: size must be WIDTHxHEIGHT, got $size" >&2
    exit 2
fi

browser=""
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then browser="$candidate"; break; fi
done
if [[ -z "$browser" ]]; then
    echo "screenshot-report: SKIPPED — Chromium is not installed (apt-get install -y chromium to enable)."
    exit 0
fi

abs_html="$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
abs_out="$(cd "$(dirname "$out")" 2>/dev/null && pwd || { mkdir -p "$(dirname "$out")" && cd "$(dirname "$out")" && pwd; })/$(basename "$out")"
# A throwaway profile keeps the run from touching (or locking) a user profile.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

# --no-sandbox: CI and containers run as root, where Chromium refuses its sandbox.
# Network stays off: the report must not need it (a blocked fetch would show as a gap).
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --user-data-dir="$profile" --no-first-run --disable-extensions \
    --proxy-server="127.0.0.1:9" --proxy-bypass-list="<-loopback>" \
    --window-size="${size/x/,}" --screenshot="$abs_out" "file://$abs_html" >/dev/null 2>&1 || {
    echo "screenshot-report: $browser failed to render $html" >&2
    exit 1
}
if [[ ! -s "$abs_out" ]]; then
    echo "screenshot-report: $browser wrote no screenshot for $html" >&2
    exit 1
fi
echo "screenshot-report: wrote $abs_out ($size) with $browser"
