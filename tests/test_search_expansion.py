"""Search keys (macros/search.py): golden test of a page's hidden blocks, and the keys of words;
the readings of the known questions (macros/known_questions.py).
"""

from __future__ import annotations

import re

import pytest

from macros.catalog import load_catalog
from macros.known_questions import reading
from macros.search import definition_key, expand_for_search, forms, query_forms, search_key, text_keys

from .conftest import FIXTURES, GOLDEN, assert_golden

GLOSSARY = load_catalog(FIXTURES / "render" / "data.yml", None, root=FIXTURES).data.glossary


def test_sections_get_the_keys_they_use(update_golden: bool) -> None:
    source = (GOLDEN / "search" / "sections.md").read_text(encoding="utf-8")
    expanded = expand_for_search(source, GLOSSARY, ["カード紛失", "SMS"])
    assert_golden(expanded, GOLDEN / "search" / "sections.expected.md", update_golden)


def test_forms_are_unique_and_longest_first() -> None:
    assert forms(GLOSSARY["card"]) == ["マイナンバーカード", "まいなんばーかーど", "個人番号カード", "マイナカード"]
    assert query_forms(GLOSSARY)["mnpgkcard"] == forms(GLOSSARY["card"])


LETTERS = str.maketrans("0123456789", "ghijklmnop")  # keys have no digits (lunr issue #503)


def pair(a: str, b: str) -> str:
    return f"mj{ord(a):04x}{ord(b):04x}".translate(LETTERS)


def alone(a: str) -> str:
    return f"mk{ord(a):04x}".translate(LETTERS)


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # Pairs of adjacent kanji/katakana, and a kanji's ending; not a particle before a word.
        ("保存期間", [pair("保", "存"), pair("存", "期"), pair("期", "間")]),
        ("を落とした", [pair("落", "と"), alone("落")]),
        # Nor a word and the particle after it.
        ("文の例", [alone("文"), alone("例")]),
        # A kanji alone between kana gets a key of its own.
        ("家の中", [alone("家"), alone("中")]),
        # A word in kana alone keeps its pairs.
        ("すられた", [pair("す", "ら"), pair("ら", "れ"), pair("れ", "た")]),
        # Numbers, with the character after them; full-width digits and half-width kana as usual.
        ("３０日", [alone("日"), "30", "mujgxmlel"]),  # mu 30 x 65e5
        ("ｶｰﾄﾞ", [pair("カ", "ー"), pair("ー", "ド")]),
        ("PDF file", []),
    ],
)
def test_text_keys(text: str, keys: list[str]) -> None:
    assert text_keys(text) == keys


def test_keys_have_no_digits_except_numbers_as_written() -> None:
    """lunr mis-builds its word tree where words go on with different digits (issue #503)."""
    keys = [*text_keys("報告期限は30日、数える。9月"), search_key("term-10"), definition_key("term-10")]
    assert [key for key in keys if re.search("[0-9]", key)] == ["30", "9"]


def test_page_without_japanese_is_unchanged() -> None:
    assert expand_for_search("# Title\n\nBody text.\n", GLOSSARY) == "# Title\n\nBody text.\n"


def test_no_term_key_begins_another() -> None:
    """The query side appends a wildcard to each key: 個人番号 must not also match 個人番号関係事務."""
    keys = [search_key("kojin-bangou"), search_key("kojin-bangou-kankei-jimu"), search_key("a"), search_key("a0")]
    assert not [(a, b) for a in keys for b in keys if a != b and b.startswith(a)]


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("マイナカードを落とした", "まいなかーどをおとした"),  # katakana too: typed unconverted, it is hiragana
        ("ﾏｲﾅｶｰﾄﾞ 止めたい", "まいなかーど とめたい"),  # NFKC first, as search-ja.js does; 止め read in context
        ("SMSで30日以内に", "smsで30にちいないに"),  # Latin letters and numbers as written
    ],
)
def test_known_questions_are_read_in_hiragana(question: str, read: str) -> None:
    assert reading(question) == read
