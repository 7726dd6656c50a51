# Build and install graddiff like any Unix tool.
#   make                      release build
#   make install              into /usr/local (PREFIX=..., DESTDIR=... for staging)
#   make uninstall            removes exactly what install wrote
#   make install GRADDIFF_BIN=path/to/graddiff   installs that binary instead of building
PREFIX ?= /usr/local
DESTDIR ?=
GRADDIFF_BIN ?= .build/release/graddiff

BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

INSTALLED = $(BINDIR)/graddiff $(MANDIR)/graddiff.1 $(BASHDIR)/graddiff $(ZSHDIR)/_graddiff $(FISHDIR)/graddiff.fish

.PHONY: all build install uninstall test

all: build

build:
	@if [ "$(GRADDIFF_BIN)" = ".build/release/graddiff" ]; then swift build -c release --product graddiff; fi

install: build
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 755 $(GRADDIFF_BIN) $(BINDIR)/graddiff
	install -m 644 man/graddiff.1 $(MANDIR)/graddiff.1
	$(GRADDIFF_BIN) --generate-completion-script bash > $(BASHDIR)/graddiff
	$(GRADDIFF_BIN) --generate-completion-script zsh > $(ZSHDIR)/_graddiff
	$(GRADDIFF_BIN) --generate-completion-script fish > $(FISHDIR)/graddiff.fish

uninstall:
	rm -f $(INSTALLED)

test:
	swift test
