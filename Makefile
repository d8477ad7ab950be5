# Quick start: `make run` opens the app, `make test` runs the whole suite headless.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench demo clean dist dist-test dist-tar i18n

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/nclm-desktop $(ARGS)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check nclm_desktop tests tools
	$(VENV)/bin/lint-imports

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) tools/bench.py

# The one-folder bundle (installer/README.md); build on the OS it is for.
DIST_STAMP := $(VENV)/.dist-stamp
$(DIST_STAMP): $(STAMP)
	$(PY) -m pip install --quiet "pyinstaller>=6.10"
	touch $(DIST_STAMP)

dist: $(DIST_STAMP)
	$(PY) -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller installer/nclm-desktop.spec

# Builds into a temporary folder and runs the bundle (NCLM_BUNDLE=dist/nclm-desktop: test that).
dist-test: $(DIST_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider -s installer/test_bundle.py

# Linux: dist/nclm-desktop-VERSION-linux-x86_64.tar.gz (bundle, desktop entry, icon, install.sh)
DIST_VERSION = $(shell $(PY) -c "import nclm_desktop; print(nclm_desktop.__version__)")
dist-tar: dist
	rm -rf build/tar && mkdir -p build/tar/nclm-desktop-$(DIST_VERSION)
	cp -a dist/nclm-desktop installer/nclm-desktop.desktop installer/install-linux.sh installer/uninstall-linux.sh nclm_desktop/resources/icons/nclm-desktop.svg build/tar/nclm-desktop-$(DIST_VERSION)/
	tar -C build/tar -czf dist/nclm-desktop-$(DIST_VERSION)-linux-x86_64.tar.gz nclm-desktop-$(DIST_VERSION)

demo: $(STAMP)
	$(VENV)/bin/nclm-desktop --db demo.db demo --participants 80 --seed 7 --if-new
	$(VENV)/bin/nclm-desktop --db demo.db

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache

# Qt Linguist: extract every tr()/QT_TRANSLATE_NOOP string into resources/i18n/*.ts, compile .qm
i18n: $(STAMP)
	$(PY) tools/i18n.py
