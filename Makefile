# kam_scorecard: the two commands of the README, and the steps behind them.
#   make demo   install into .venv, then dbt build on the demo data (DuckDB)
#   make test   install into .venv, then every check: lint, dbt build with all
#               data and unit tests on DuckDB and PostgreSQL, pytest
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv

.PHONY: demo test setup clean

setup: $(VENV)/.installed profiles.yml

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

profiles.yml:
	cp profiles.yml.example profiles.yml

demo: setup
	$(VENV)/bin/dbt build

test: setup
	scripts/run_tests.sh

clean:
	$(VENV)/bin/dbt clean
	rm -f kam.duckdb kam.duckdb.wal
