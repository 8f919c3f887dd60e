# NCM Register: `make run` builds and opens the program, `make test` runs vet
# and every test. Both first install the Linux packages Fyne's cgo build needs
# (through apt, with sudo when not root) if any is missing.

GO      ?= go
BINARY  := ncm-register
# poppler-utils (pdftotext, pdfinfo) lets the tests read back the PDFs made.
# migrated_fynedo: FyneApp.toml declares the fyne.Do threading model, which
# `fyne package` turns on; plain go builds need the tag to behave the same.
TAGS    := migrated_fynedo
# ci: Fyne's test build tag (no display needed).
TESTTAGS := ci,migrated_fynedo
APT_PACKAGES := gcc pkg-config libgl1-mesa-dev xorg-dev poppler-utils

export LANG := en_US.UTF-8

.PHONY: run build test bench fuzz deps windows

run: build
	./$(BINARY) $(ARGS)

build: deps
	$(GO) build -tags $(TAGS) -o $(BINARY) .

# staticcheck at a pinned version, installed by `go install` when missing;
# its findings fail the tests.
STATICCHECK_VERSION := v0.8.2
STATICCHECK := $(shell $(GO) env GOPATH)/bin/staticcheck

test: deps
	$(GO) vet -tags $(TESTTAGS) ./...
	@$(STATICCHECK) -version 2>/dev/null | grep -q "($(STATICCHECK_VERSION:v%=%))" || \
	  $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
	$(STATICCHECK) -tags $(TESTTAGS) ./...
	$(GO) test -race -timeout 30m -tags $(TESTTAGS) ./...

# A Windows build from Linux, with Debian's mingw-w64 cross compiler
# (gcc-mingw-w64-x86-64, installed when missing). A cold build takes about
# six minutes on two cores.
windows:
	@command -v x86_64-w64-mingw32-gcc >/dev/null || { sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq gcc-mingw-w64-x86-64; }
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
	  $(GO) build -tags $(TAGS) -ldflags "-H=windowsgui" -o $(BINARY).exe .

bench:
	$(GO) test -tags $(TESTTAGS) -run '^$$' -bench . -benchmem ./...

# Every reader of outside input has a fuzz target; each runs for FUZZTIME
# (a duration, or a count of executions such as 1000000x). Findings are
# kept under each package's testdata/fuzz and run by make test after.
FUZZTIME ?= 1000000x
FUZZ_TARGETS := ./data:FuzzReadSheet ./data:FuzzReadSheetXLSX ./data:FuzzPhone ./data:FuzzEmail ./data:FuzzDate \
	./data:FuzzMatchQuery ./data/sheets:FuzzReadCSV ./export:FuzzParseTemplate ./export:FuzzReadContribution \
	./export:FuzzContributionAnswer ./data/sheets:FuzzReadXLSX ./data/sheets:FuzzReadVCard ./data:FuzzPlanImport

fuzz:
	@for t in $(FUZZ_TARGETS); do \
	  pkg=$${t%%:*}; name=$${t##*:}; echo "== $$name ($$pkg)"; \
	  $(GO) test -tags $(TESTTAGS) -run '^$$' -fuzz "^$$name$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 10x -timeout 0 $$pkg || exit 1; \
	done

deps:
	@if command -v dpkg >/dev/null && command -v apt-get >/dev/null; then \
	  missing=""; \
	  for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	  if [ -n "$$missing" ]; then \
	    sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	    echo "Installing build packages:$$missing"; \
	    $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	  fi; \
	fi
