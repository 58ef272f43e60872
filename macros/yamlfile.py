"""Read a YAML file keeping line and column numbers, and map a data path back to them.

ruamel.yaml is used because PyYAML silently keeps the last of two duplicate keys and drops
positions; ruamel rejects duplicates and keeps every node's line and column. The data is read
with ruamel's libyaml-based safe loader (same YAML 1.2 rules, several times faster); the slower
round-trip parse that knows positions runs only when a message needs one.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError

from .errors import PlaybookError, Problem

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class YamlFile:
    """A parsed YAML file and what is needed to point at any place in it."""

    name: str  # as shown in messages: relative to the project when possible
    text: str = field(repr=False)
    root: Any  # plain dicts and lists, from the fast loader

    @functools.cached_property
    def positions(self) -> Any:
        """The same document as ruamel's round-trip tree, which knows every node's position."""
        return _load(self.text, self.name, typ="rt") or CommentedMap()

    def problem(self, loc: Loc, message: str, *, at_key: bool = False) -> Problem:
        line, column, path = self.locate(loc, at_key=at_key)
        return Problem(self.name, line, column, path, message)

    def locate(self, loc: Loc, *, at_key: bool = False) -> tuple[int, int, str]:
        """Line and column (1-based) of the deepest node on `loc`, and `loc` as a readable path.

        Parts of `loc` that are not in the data (pydantic's union tags, a missing field) are
        skipped for the position; a missing field is still named in the path.
        """
        node: Any = self.positions
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


class _RoundTripConstructor(RoundTripConstructor):
    """Leaves dates as text so that pydantic checks them and a bad date gets a positioned message."""


class _SafeConstructor(SafeConstructor):
    """The fast loader's constructor, with dates left as text like the round-trip one."""


for _constructor in (_RoundTripConstructor, _SafeConstructor):
    _constructor.add_constructor("tag:yaml.org,2002:timestamp", _constructor.construct_yaml_str)


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
    try:
        root = _load(text, name, typ="safe")
    except PlaybookError:
        # libyaml is stricter in places than YAML 1.2 (`a: {u: https://x}`): the round-trip parser
        # decides, and its message is the one shown when the text really is invalid.
        root = _load(text, name, typ="rt")
    return YamlFile(name, text, {} if root is None else root)


def _load(text: str, name: str, *, typ: str) -> Any:
    yaml = YAML(typ=typ, pure=typ == "rt")
    yaml.Constructor = _RoundTripConstructor if typ == "rt" else _SafeConstructor
    yaml.allow_duplicate_keys = False
    try:
        return yaml.load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = error.problem or error.context or "invalid YAML"
        if "duplicate key" in what:
            what = what.split(" with value")[0] + "; each key may appear only once in a mapping"
        raise PlaybookError([Problem(name, line, column, "", f"invalid YAML: {what}")]) from None
