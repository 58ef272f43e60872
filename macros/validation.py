"""Turn pydantic validation errors into problems a contributor can act on."""

from __future__ import annotations

import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .errors import Problem
from .models import PATTERN_HINTS
from .yamlfile import YamlFile

M = TypeVar("M", bound=BaseModel)


def validate_file(file: YamlFile, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Validate one parsed file; on failure return every problem, each with its position."""
    if not isinstance(file.root, dict):
        keys = ", ".join(model.model_fields)
        return None, [file.problem((), f"expected a mapping with the keys {keys}")]
    try:
        return model.model_validate(file.root), []
    except ValidationError as error:
        return None, [_problem(file, model, detail) for detail in error.errors(include_url=False)]


def _problem(file: YamlFile, model: type[BaseModel], detail: ErrorDetails) -> Problem:
    loc = tuple(detail["loc"])
    kind = detail["type"]
    if kind == "extra_forbidden":
        allowed = ", ".join(_allowed_keys(model, loc[:-1]))
        return file.problem(loc, f"unknown key '{loc[-1]}'; expected one of: {allowed}", at_key=True)
    if kind == "missing":
        return file.problem(loc, f"missing required field '{loc[-1]}'")
    if loc and loc[-1] == "[key]":
        return file.problem(loc, f"invalid id '{loc[-2]}': expected {PATTERN_HINTS[detail['ctx']['pattern']]}")
    return file.problem(loc, _expected(detail))


# Plainer words for the commonest pydantic error types.
_EXPECTED = {
    "bool_parsing": "true or false",
    "bool_type": "true or false",
    "list_type": "a list (one '- item' per line, or [a, b])",
    "dict_type": "a mapping (key: value lines)",
    "model_type": "a mapping (key: value lines)",
    "string_type": "text",
    "date_from_datetime_parsing": "a date written YYYY-MM-DD",
    "date_parsing": "a date written YYYY-MM-DD",
    "date_type": "a date written YYYY-MM-DD",
}


def _expected(detail: ErrorDetails) -> str:
    ctx = detail.get("ctx") or {}
    kind = detail["type"]
    if kind in _EXPECTED:
        expected = _EXPECTED[kind]
    elif kind == "string_pattern_mismatch":
        expected = PATTERN_HINTS[ctx["pattern"]]
    elif kind == "too_short":
        return f"expected at least {ctx['min_length']} item(s); got none"
    elif kind == "string_too_short":
        return "expected text; got an empty value"
    elif kind == "union_tag_invalid":
        return f"expected 'kind' to be one of {ctx['expected_tags']}; got {ctx['tag']!r}"
    elif kind == "union_tag_not_found":
        return "missing required field 'kind': expected 'question' or 'outcome'"
    else:
        expected = detail["msg"].removeprefix("Input should be ")
        expected = expected[:1].lower() + expected[1:]
    return f"expected {expected}; got {_shown(detail['input'])}"


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return f"a list of {len(value)} item(s)"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _allowed_keys(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names of the model found by following `loc` from `model` through the type hints."""
    current: Any = model
    for part in loc:
        current = _strip(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            current = current.model_fields[part].annotation if part in current.model_fields else None
        elif typing.get_origin(current) is dict:
            current = typing.get_args(current)[1]
        elif typing.get_origin(current) is list:
            current = typing.get_args(current)[0]
        elif _is_union(current):
            current = next(m for m in typing.get_args(current) if part in typing.get_args(_kind(m)))
        if current is None:
            return []
    current = _strip(current)
    return list(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else []


def _strip(hint: Any) -> Any:
    while typing.get_origin(hint) is typing.Annotated:
        hint = typing.get_args(hint)[0]
    return hint


def _is_union(hint: Any) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType)


def _kind(member: type[BaseModel]) -> Any:
    return member.model_fields["kind"].annotation
