#!/usr/bin/env bash
# Install the pinned test dependencies into .venv and run the whole suite (the README's test command).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
.venv/bin/ruff check macros tests benchmarks
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
