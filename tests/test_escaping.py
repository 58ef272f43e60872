"""Everything from the data is escaped: markup in any text field is shown, never run."""

from __future__ import annotations

import json
import typing
from html.parser import HTMLParser

import pytest
from pydantic import BaseModel

from macros import models
from macros.catalog import load_catalog
from macros.checks import check_catalog
from macros.export import tree_json
from macros.pages import PageIndex
from macros.playbook import Playbook

from .conftest import FIXTURES

FIXTURE = FIXTURES / "hostile"
SAFE_TAGS = {"a", "div", "p", "span", "strong", "ul", "ol", "li", "figure", "figcaption"}
SAFE_TAGS |= {"table", "thead", "tbody", "tr", "th", "td", "h2"}


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.script_data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        if self.tags and self.tags[-1][0] == "script":
            self.script_data.append(data)


@pytest.fixture(scope="module")
def playbook() -> Playbook:
    catalog = load_catalog(FIXTURE / "data.yml", None, root=FIXTURE)
    pages = PageIndex.scan(FIXTURE / "docs")[0]
    assert check_catalog(catalog, pages) == []
    return Playbook(catalog.data, pages)


def rendered(playbook: Playbook) -> dict[str, str]:
    return {
        "contact_table": playbook.contact_table(),
        "contact": playbook.contact("c"),
        "where_to_ask": playbook.where_to_ask(),
        "tree": playbook.tree("x", lambda ref: "../" + ref.replace(".md", "/")),
        "tree_diagram": playbook.tree_diagram("x"),
        "provision_table": playbook.provision_table(),
        "roles_table": playbook.roles_table(),
        "glossary": playbook.glossary(),
        "fact": playbook.fact("f"),
    }


MACROS = [
    "contact_table",
    "contact",
    "where_to_ask",
    "tree",
    "tree_diagram",
    "provision_table",
    "roles_table",
    "glossary",
    "fact",
]


@pytest.mark.parametrize("macro", MACROS)
def test_markup_in_data_is_never_markup_in_the_page(macro: str, playbook: Playbook) -> None:
    html = rendered(playbook)[macro]
    parser = TagCollector()
    parser.feed(html)
    for tag, attrs in parser.tags:
        if tag == "script":  # only the wizard's inert data block, holding exactly the data
            assert attrs == [("type", "application/json"), ("class", "mnp-tree__data")]
            continue
        assert tag in SAFE_TAGS, f"{macro} emitted <{tag}> from data"
        for name, value in attrs:
            assert not name.startswith("on"), f"{macro} emitted an event handler {name}={value!r}"
            if name == "href":
                assert value is not None and value.startswith(("https://", "tel:", "#", "../")), value
    assert "&lt;script&gt;" in html or "&lt;img" in html, f"{macro} should show the markup as text"
    for block in parser.script_data:
        assert json.loads(block) == json.loads(json.dumps(tree_json(playbook.data.trees["x"])))


def _is_text(hint: object, metadata: list[object]) -> bool:
    """A str without a pattern (ids, URLs and phone numbers have one), alone, optional or in a list."""
    args = typing.get_args(hint)
    if typing.get_origin(hint) is typing.Annotated:
        return _is_text(args[0], list(args[1:]))
    if hint is str:
        return not any(getattr(m, "pattern", None) for m in metadata)
    return any(_is_text(arg, metadata) for arg in args if arg is not type(None))


def _text_fields(model: type[BaseModel]) -> list[str]:
    return [name for name, field in model.model_fields.items() if _is_text(field.annotation, field.metadata)]


def test_fixture_puts_markup_into_every_text_field(playbook: Playbook) -> None:
    data = playbook.data
    entries: list[BaseModel] = [e for section in models.SECTIONS for e in getattr(data, section).values()]
    entries += [p for c in data.contacts.values() for p in c.phones]
    entries += [n for t in data.trees.values() for n in t.nodes.values()]
    entries += [o for t in data.trees.values() for n in t.nodes.values() for o in getattr(n, "options", [])]
    covered: set[tuple[str, str]] = set()
    for entry in entries:
        for name in _text_fields(type(entry)):
            value = getattr(entry, name)
            if "<" in (value if isinstance(value, str) else "".join(value or [])):
                covered.add((type(entry).__name__, name))
    expected = {(m.__name__, n) for m in {type(e) for e in entries} for n in _text_fields(m)}
    assert expected <= covered, f"fields without markup in the fixture: {sorted(expected - covered)}"
    assert len(expected) > 25
