# NCM Register: `make run` builds and opens the program, `make test` runs vet
# and every test. Both first install the Linux packages Fyne's cgo build needs
# (through apt, with sudo when not root) if any is missing.

GO      ?= go
BINARY  := ncm-register
# poppler-utils (pdftotext, pdfinfo, pdffonts, pdftohtml) lets the tests read back
# the PDFs made: their words, and the fonts that print them.
# migrated_fynedo: FyneApp.toml declares the fyne.Do threading model, which
# `fyne package` turns on; plain go builds need the tag to behave the same.
TAGS    := migrated_fynedo
# ci: Fyne's test build tag (no display needed).
TESTTAGS := ci,migrated_fynedo
APT_PACKAGES := gcc pkg-config libgl1-mesa-dev xorg-dev poppler-utils

export LANG := en_US.UTF-8

.PHONY: run build test bench fuzz deps windows dist fyne-tool mingw wine-check

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

# Packages to hand out, in dist/: the Linux package (.tar.xz with a desktop
# entry and icon) and a Windows program cross-compiled with Debian's
# mingw-w64, its icon, name and version embedded; both built by the fyne
# tool from FyneApp.toml. A cold Windows build takes about six minutes on
# two cores.
FYNE_VERSION := v1.7.4
FYNE := $(shell $(GO) env GOPATH)/bin/fyne
MINGW_CC := x86_64-w64-mingw32-gcc

dist: deps fyne-tool mingw
	rm -rf dist && mkdir -p dist
	@# fyne package raises the build number in FyneApp.toml each time; a
	@# release's number is set by hand, so the file is put back as it was.
	cp FyneApp.toml dist/FyneApp.toml.kept
	$(FYNE) package -os linux --release && \
	  CC=$(MINGW_CC) GOARCH=amd64 $(FYNE) package -os windows --release; \
	  status=$$?; mv dist/FyneApp.toml.kept FyneApp.toml; exit $$status
	mv "NCM Register.tar.xz" dist/ncm-register-linux-amd64.tar.xz
	mv "NCM Register.exe" dist/ncm-register-windows-amd64.exe
	ls -l dist

# The Windows program alone, without packaging: what CI compiles.
windows: mingw
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=$(MINGW_CC) \
	  $(GO) build -tags $(TAGS) -ldflags "-H=windowsgui" -o $(BINARY).exe .

# The Windows program started under Wine in a virtual screen (see .ci/wine-check).
wine-check: windows
	.ci/wine-check ncm-register.exe

fyne-tool:
	@$(FYNE) version 2>/dev/null | grep -q "$(FYNE_VERSION)" || $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_VERSION)

mingw:
	@command -v $(MINGW_CC) >/dev/null || { sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq gcc-mingw-w64-x86-64; }

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
