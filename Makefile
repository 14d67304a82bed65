# 김비서 (Kimbiseo) — build, run and test.
#   make run      install what is missing, build (release), run the daemon on the embedded defaults
#   make test     install what is missing, build, run every test
#   make install  put binary, config, templates and the systemd unit in place (as root)

SWIFT ?= swift
PREFIX ?= /usr/local
BIN := .build/release/kimbiseo

.PHONY: run test build build-debug deps install bench clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product kimbiseo

build-debug: deps
	$(SWIFT) build

run: build
	@mkdir -p var
	@if [ ! -f var/kimbiseo.sqlite ]; then \
	  echo "kimbiseo: new store ./var/kimbiseo.sqlite — importing examples/customers.csv"; \
	  $(BIN) customers import examples/customers.csv || exit 1; \
	fi
	@echo "kimbiseo: the daemon starts on config/kimbiseo.yaml (example sender and shop name, spool gateway:"
	@echo "  nothing leaves this machine). In another terminal try:"
	@echo "    $(BIN) campaign create --text '<<이름>>님, 12월 특가 안내' --group VIP고객 --preview 2"
	@echo "    $(BIN) log -f                       # every message's fate"
	@echo "    ls var/spool/                       # what would have been sent"
	@echo "  Before using a real gateway set sms.sender, sms.shop_name and sms.optout_number. Ctrl-C stops."
	$(BIN) serve

# Tests talk to peers on loopback only: keep any configured HTTP proxy out of their way.
test: export no_proxy := 127.0.0.1,localhost,::1
test: export NO_PROXY := 127.0.0.1,localhost,::1
test: deps
	python3 Tests/Fakes/test_fakes.py
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: deps
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark

install: build
	scripts/install.sh "$(PREFIX)"

clean:
	rm -rf .build
