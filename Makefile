# Build and install graddiff like any Unix tool.
#   make                      release build
#   make install              into /usr/local (PREFIX=..., DESTDIR=... for staging)
#   make uninstall            removes exactly what install wrote
#   make deb                  graddiff_VERSION_ARCH.deb (DEB_DIR=... for elsewhere), for dpkg -i
#   make install GRADDIFF_BIN=path/to/graddiff   installs (or packages) that binary instead of building
PREFIX ?= /usr/local
DESTDIR ?=
GRADDIFF_BIN ?= .build/release/graddiff
DEB_DIR ?= .
# The Swift runtime is linked in, so the installed binary does not depend on where the
# toolchain is; lld, from the toolchain, links it without GNU ld's warning about the
# runtime's own use of mktemp.
SWIFT_RELEASE_FLAGS ?= -c release --static-swift-stdlib -Xswiftc -use-ld=lld

BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

INSTALLED = $(BINDIR)/graddiff $(MANDIR)/graddiff.1 $(BASHDIR)/graddiff $(ZSHDIR)/_graddiff $(FISHDIR)/graddiff.fish

.PHONY: all build install uninstall deb test

all: build

build:
	@if [ "$(GRADDIFF_BIN)" = ".build/release/graddiff" ]; then swift build $(SWIFT_RELEASE_FLAGS) --product graddiff; fi

install: build
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 755 $(GRADDIFF_BIN) $(BINDIR)/graddiff
	install -m 644 man/graddiff.1 $(MANDIR)/graddiff.1
	$(GRADDIFF_BIN) --generate-completion-script bash > $(BASHDIR)/graddiff
	$(GRADDIFF_BIN) --generate-completion-script zsh > $(ZSHDIR)/_graddiff
	$(GRADDIFF_BIN) --generate-completion-script fish > $(FISHDIR)/graddiff.fish

uninstall:
	rm -f $(INSTALLED)

deb: build
	scripts/build-deb $(GRADDIFF_BIN) $(DEB_DIR)

test:
	swift test --quiet --disable-xctest
