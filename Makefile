# The two set-up commands of the README: `make run` and `make test` each create the
# virtual environment if needed, install, and then run (the app, or the checks).
# `make run` installs only what the app needs; `make test` adds the test tools (the
# `test` extra); `make package` adds PyInstaller (the `build` extra) and builds the
# installable packages into dist/, which `make package-test` then smoke-tests.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
APP_STAMP := $(VENV)/.installed-app
TEST_STAMP := $(VENV)/.installed-test
BUILD_STAMP := $(VENV)/.installed-build
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)

.PHONY: install run test lint typecheck pytest bench screenshots package package-test clean \
        translations translations-update screenshots-es

# Translations: resources/translations/*.ts are the source (committed, edited by hand or in
# Qt Linguist); the .qm the app loads are built from them here and never committed.
TS_FILES := $(wildcard resources/translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(APP_STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e .
	@touch $@

$(TEST_STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@ $(APP_STAMP)

$(BUILD_STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e '.[build,test]'
	@touch $@ $(TEST_STAMP) $(APP_STAMP)

install: $(APP_STAMP)

# Translations. The core's gettext catalogues, resources/locale/<lang>/LC_MESSAGES/
# organizer.po, compile to .mo with Babel's pybabel; the app's Qt catalogues,
# resources/translations/*.ts, compile to .qm with pyside6-lrelease. The .po and .ts are
# the source (committed); what is built from them never is.
PO_FILES := $(wildcard resources/locale/*/LC_MESSAGES/organizer.po)
MO_FILES := $(PO_FILES:.po=.mo)

resources/locale/%/LC_MESSAGES/organizer.mo: resources/locale/%/LC_MESSAGES/organizer.po | $(APP_STAMP)
	$(VENV)/bin/pybabel compile -D organizer -l $* -i $< -o $@

resources/translations/%.qm: resources/translations/%.ts | $(APP_STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations: $(MO_FILES) $(QM_FILES)

# Re-reads every string of ui/ into the .ts (new ones unfinished, vanished ones obsolete);
# then translate what is new and run `make translations`.
translations-update: $(APP_STAMP)
	$(PY) tools/update_translations.py

# The app; `make run ARGS="people"` runs the command line instead (or .venv/bin/organizer).
run: $(APP_STAMP) translations
	$(VENV)/bin/organizer $(if $(ARGS),$(ARGS),gui)

lint: $(TEST_STAMP)
	$(PY) -m ruff check organizer ui tests packaging tools

typecheck: $(TEST_STAMP)
	$(PY) -m mypy

pytest: $(TEST_STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

test: lint typecheck pytest

bench: $(TEST_STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -s tests/benchmarks -p no:randomly

screenshots: $(TEST_STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m ui.screenshots docs/screenshots

# The same pictures of the app in Spanish (docs/screenshots/es/).
screenshots-es: $(TEST_STAMP) translations
	ORGANIZER_LANG=es QT_QPA_PLATFORM=offscreen $(PY) -m ui.screenshots docs/screenshots/es

# dist/organizer/ (PyInstaller, one folder), then the .deb and the .tar.gz beside it.
package: $(BUILD_STAMP) translations
	rm -rf dist/organizer build/pyinstaller
	$(PY) -m PyInstaller --noconfirm --log-level WARN --distpath dist \
	    --workpath build/pyinstaller packaging/organizer.spec
	$(PY) packaging/build_deb.py

# Unpacks the .deb (dpkg -x) and runs only its executable (packaging/smoke_test.py).
package-test: $(BUILD_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) packaging/smoke_test.py

clean:
	rm -rf $(VENV) build dist *.egg-info $(MO_FILES)
