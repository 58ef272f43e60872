#!/usr/bin/env bash
# Install the pinned site dependencies into .venv, then preview the site (or pass `build` to build ./site).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt
if [ "${1:-serve}" = "build" ]; then
  .venv/bin/mkdocs build --strict
else
  .venv/bin/mkdocs serve
fi
