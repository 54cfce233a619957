# Convenience targets; the scripts are the source of truth (they work without make).
.PHONY: demo test release bench clean
demo:
	scripts/demo
test:
	scripts/test
release:
	scripts/setup && swift build -c release
bench: release
	.build/release/spikebar bench
clean:
	rm -rf .build
