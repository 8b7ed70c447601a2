# Everything runs inside .venv, created on first use from requirements.txt.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt | cksum | cut -d' ' -f1)
HOST   ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: install bytecode serve site build test test-fast eval bench check clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)  ## create .venv with the pinned dependencies

# Our modules byte-compiled, as pip does for an installed package: where PYTHONDONTWRITEBYTECODE
# is set, every build would otherwise compile ~11,000 lines from source (~0.15 s of a rebuild).
# compileall skips what is up to date.
bytecode: install
	$(BIN)/python -m compileall -q explainer hooks

serve: bytecode  ## build the site from seeds/ and serve it with live reload on $(HOST)
	$(BIN)/mkdocs serve --dev-addr $(HOST)

site: bytecode  ## build the static site into site/ (fails on any error)
	$(BIN)/python build.py
	$(BIN)/mkdocs build --strict

build: bytecode  ## write the generated pages into docs/
	$(BIN)/python build.py

check: bytecode  ## list what needs an editor's eye (exit 1 on errors)
	$(BIN)/python build.py check

test: install  ## run the whole test suite
	$(BIN)/python -m pytest

test-fast: install  ## the tests that need neither the trained model nor a browser
	$(BIN)/python -m pytest -m "not model and not browser and not slow"

eval: install  ## extraction quality against gold data (French TimeBank, actor golds)
	$(BIN)/python -m eval.timebank
	$(BIN)/python -m eval.actors

bench: bytecode  ## speed at newsroom scale (see BENCHMARKS.md)
	$(BIN)/python -m bench.run

clean:
	rm -rf site .cache .pytest_cache
