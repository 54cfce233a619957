# Spikebar — the two quick-start commands and a few helpers.
.PHONY: deps demo test build release bench clean

deps:
	@dpkg -s libsqlite3-dev >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq libsqlite3-dev sqlite3; }

# Quick start 1: learn the bundled digits stream on emulated RRAM (release build).
demo: deps
	swift build -c release
	.build/release/spikebar run

# Quick start 2: the test suite.
test: deps
	swift build --build-tests
	swift test --skip-build --parallel

release: deps
	swift build -c release

bench: release
	.build/release/spikebar bench

clean:
	rm -rf .build
