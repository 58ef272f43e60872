"""Search expansion golden test: each section gets the forms of the glossary terms it uses."""

from __future__ import annotations

from macros.catalog import load_catalog
from macros.search import expand_for_search, forms

from .conftest import FIXTURES, GOLDEN, assert_golden

GLOSSARY = load_catalog(FIXTURES / "render" / "data.yml", None, root=FIXTURES).data.glossary


def test_sections_get_the_variants_they_use(update_golden: bool) -> None:
    source = (GOLDEN / "search" / "sections.md").read_text(encoding="utf-8")
    expanded = expand_for_search(source, GLOSSARY, ["カード紛失"])
    assert_golden(expanded, GOLDEN / "search" / "sections.expected.md", update_golden)


def test_forms_are_unique_and_longest_first() -> None:
    assert forms(GLOSSARY["card"]) == ["マイナンバーカード", "まいなんばーかーど", "個人番号カード", "マイナカード"]


def test_page_without_glossary_terms_is_unchanged() -> None:
    assert expand_for_search("# 題\n\n本文です。\n", GLOSSARY) == "# 題\n\n本文です。\n"
