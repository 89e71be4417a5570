# The two doors: `make run` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: run serve test check lint types pytest bench heads tune schemas docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# A CPU build of torch lies on this machine's disk; asking for it first keeps pip
	# from pulling a multi-GB CUDA build to satisfy the loose torch>=2.4 range.
	$(BIN)/pip install --quiet torch==2.13.0

$(VENV)/.installed: $(BIN)/python pyproject.toml setup.py
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(BIN)/python pyproject.toml setup.py
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/deescalate

# The same app in a browser for a classroom (http://127.0.0.1:8000 by default).
serve: $(VENV)/.installed
	$(BIN)/deescalate serve

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check trainer tests benchmarks
	$(BIN)/ruff format --check trainer tests benchmarks

types: $(VENV)/.installed-dev
	$(BIN)/mypy trainer

pytest: $(VENV)/.installed-dev
	$(BIN)/pytest -q

check test: lint types pytest

bench: $(VENV)/.installed-dev
	@for f in benchmarks/*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

heads: $(VENV)/.installed-dev
	$(BIN)/python -m trainer.grading.train --seed 1234

# The fine-tuned judge (trainer/grading/weights/tuned.npz), about 4 minutes on 2 cores.
tune: $(VENV)/.installed-dev
	$(BIN)/python -m trainer.grading.tune --seed 1234

schemas: $(VENV)/.installed
	$(BIN)/deescalate schema persona > schemas/persona.schema.json
	$(BIN)/deescalate schema scenario > schemas/scenario.schema.json
	$(BIN)/deescalate schema programme > schemas/programme.schema.json

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache

docs: $(VENV)/.installed
	$(BIN)/python -m trainer.authoring
	$(BIN)/python -m trainer.programme.guide
