"""Command line: `python -m macros check` validates the sources; `python -m macros schema` prints the JSON Schema.

Used by contributors and pre-commit without running a full MkDocs build.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import PlaybookError
from .project import Project, load_playbook
from .schema import schema_json


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__)
    parser.add_argument("command", choices=("check", "schema"))
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: current)")
    args = parser.parse_args(argv)
    if args.command == "schema":
        sys.stdout.write(schema_json())
        return 0
    try:
        playbook = load_playbook(Project(args.root))
    except PlaybookError as error:
        print(error, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) found", file=sys.stderr)
        return 1
    data = playbook.data
    print(f"ok: {len(data.contacts)} contacts, {len(data.trees)} trees, {len(data.provision)} provision cases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
