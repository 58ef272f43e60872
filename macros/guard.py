"""The My Number guard: no 12-digit number with a valid check digit may land in the sources.

A real 個人番号 in a page or data file would be published to every employee; test numbers
are only let through by an allow-list entry that says why.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from pydantic import Field

from .errors import Problem
from .models import Model, Text
from .validation import validate_file
from .yamlfile import load_yaml

_DIGIT = "0-9０-９"
_SEP = " \\-‐−－ー\u3000"  # space, hyphens and dashes, katakana long mark, ideographic space
# Twelve digits, optionally one separator between any two, not part of a longer digit run.
_CANDIDATE = re.compile(
    rf"(?<![{_DIGIT}])(?<![{_DIGIT}][{_SEP}])[{_DIGIT}](?:[{_SEP}]?[{_DIGIT}]){{11}}(?![{_SEP}]?[{_DIGIT}])"
)
_WEIGHTS = (6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
_TO_ASCII = str.maketrans("０１２３４５６７８９", "0123456789")


class Allowed(Model):
    value: str = Field(pattern=r"^[0-9]{12}$", description="The twelve digits, no separators.")
    reason: Text = Field(description="Why this number may appear (e.g. a documented test number).")


class Allowlist(Model):
    allow: tuple[Allowed, ...] = ()


def check_digit(first_eleven: str) -> int:
    remainder = sum(int(d) * w for d, w in zip(first_eleven, _WEIGHTS, strict=True)) % 11
    return 0 if remainder <= 1 else 11 - remainder


def is_my_number(digits: str) -> bool:
    return len(digits) == 12 and digits.isascii() and digits.isdigit() and check_digit(digits[:11]) == int(digits[11])


def scan_text(text: str, name: str, allowed: frozenset[str]) -> list[Problem]:
    problems = []
    for line_no, line in enumerate(text.splitlines(), start=1):
        for match in _CANDIDATE.finditer(line):
            digits = re.sub(f"[{_SEP}]", "", match.group()).translate(_TO_ASCII)
            if is_my_number(digits) and digits not in allowed:
                problems.append(
                    Problem(
                        name,
                        line_no,
                        match.start() + 1,
                        "",
                        f"this looks like a real My Number (12 digits, valid check digit: ********{digits[8:]}); "
                        "remove it, or add it to the guard allow-list with a reason if it is a known test number",
                    )
                )
    return problems


def load_allowlist(path: Path, name: str) -> tuple[frozenset[str], list[Problem]]:
    if not path.exists():
        return frozenset(), []
    allowlist, problems = validate_file(load_yaml(path, name), Allowlist)
    return frozenset(entry.value for entry in allowlist.allow) if allowlist else frozenset(), problems


def scan_files(files: Iterable[tuple[Path, str]], allowed: frozenset[str]) -> list[Problem]:
    """Scan (path, display name) pairs of Markdown and YAML files."""
    return [problem for path, name in files for problem in scan_text(path.read_text(encoding="utf-8"), name, allowed)]
