"""Read a YAML file keeping line and column numbers, and map a data path back to them.

ruamel.yaml is used because PyYAML silently keeps the last of two duplicate keys and drops
positions; ruamel rejects duplicates and keeps every node's line and column.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError

from .errors import PlaybookError, Problem

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class YamlFile:
    """A parsed YAML file and what is needed to point at any place in it."""

    name: str  # as shown in messages: relative to the project when possible
    root: Any

    def problem(self, loc: Loc, message: str, *, at_key: bool = False) -> Problem:
        line, column, path = self.locate(loc, at_key=at_key)
        return Problem(self.name, line, column, path, message)

    def locate(self, loc: Loc, *, at_key: bool = False) -> tuple[int, int, str]:
        """Line and column (1-based) of the deepest node on `loc`, and `loc` as a readable path.

        Parts of `loc` that are not in the data (pydantic's union tags, a missing field) are
        skipped for the position; a missing field is still named in the path.
        """
        node: Any = self.root
        line, column = _start(node)
        parts: list[str] = []
        for index, part in enumerate(loc):
            last = index == len(loc) - 1
            if part == "[key]":
                at_key = True
                continue
            if isinstance(node, CommentedMap) and part in node:
                key_pos, value_pos = node.lc.key(part), node.lc.value(part)
                line, column = key_pos if (last and at_key) or loc[index + 1 :] == ("[key]",) else value_pos
                line, column = line + 1, column + 1
                node = node[part]
                parts.append(str(part))
            elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
                item_line, item_column = node.lc.item(part)
                line, column = item_line + 1, item_column + 1
                node = node[part]
                parts.append(f"[{part}]")
            elif last:
                parts.append(str(part))  # a missing field: point at its parent mapping
        return line, column, ".".join(parts).replace(".[", "[")


def _start(node: Any) -> tuple[int, int]:
    if isinstance(node, (CommentedMap, CommentedSeq)) and node.lc.line is not None:
        return node.lc.line + 1, node.lc.col + 1
    return 1, 1


class _Constructor(RoundTripConstructor):
    """Leaves dates as text so that pydantic checks them and a bad date gets a positioned message."""


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)


def load_yaml(path: Path, name: str) -> YamlFile:
    """Parse `path`; invalid YAML or a duplicate key raises PlaybookError naming file:line:column."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlaybookError([Problem(name, 1, 1, "", "file not found")]) from None
    except UnicodeDecodeError as error:
        raise PlaybookError([Problem(name, 1, 1, "", f"not UTF-8 text ({error.reason})")]) from None
    return parse_yaml(text, name)


def parse_yaml(text: str, name: str) -> YamlFile:
    """Parse YAML text; positions count from the first line of `text`."""
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.allow_duplicate_keys = False
    try:
        root = yaml.load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = error.problem or error.context or "invalid YAML"
        if "duplicate key" in what:
            what = what.split(" with value")[0] + "; each key may appear only once in a mapping"
        raise PlaybookError([Problem(name, line, column, "", f"invalid YAML: {what}")]) from None
    return YamlFile(name, CommentedMap() if root is None else root)
