"""Search expansion: the site's search finds a page whichever variant of a word the reader types.

Material's search segments Japanese with TinySegmenter and matches tokens as written, so a query
for 漏洩 misses a page that writes 漏えい. Each section that uses any form of a glossary term gets
every form of it (and each page its front-matter keywords) in a hidden block, which the search
index reads but readers, screen readers and print do not see. Repeating the forms as often as the
section uses the term (up to a cap) keeps the page that is most about a term ranked first.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping

from .models import Term

_HEADING = re.compile(r"^#{2,6}\s")  # sections as the search index splits them (h1 is the page)
_FENCE = re.compile(r"^\s*(```|~~~)")
MAX_REPEAT = 3


def forms(term: Term) -> list[str]:
    """The term, its reading and its variants, longest first, without duplicates."""
    return sorted(dict.fromkeys([term.term, term.reading, *term.variants]), key=len, reverse=True)


def expand_for_search(markdown: str, glossary: Mapping[str, Term], keywords: Iterable[str] = ()) -> str:
    sections = _sections(markdown)
    expanded = []
    for index, section in enumerate(sections):
        words = list(keywords) if index == 0 else []
        text = "".join(section)
        for term in glossary.values():
            variants = forms(term)
            count = _count(text, variants)
            if count:
                words += variants * min(count, MAX_REPEAT)
        expanded.append(text + (_block(words) if words else ""))
    return "".join(expanded)


def _count(text: str, variants: list[str]) -> int:
    # Longest forms first, each occurrence counted once (マイナンバーカード is not also マイナンバー).
    pattern = "|".join(re.escape(v) for v in variants)
    return len(re.findall(pattern, text))


def _sections(markdown: str) -> list[list[str]]:
    sections: list[list[str]] = [[]]
    fenced = False
    for line in markdown.splitlines(keepends=True):
        if _FENCE.match(line):
            fenced = not fenced
        if not fenced and _HEADING.match(line) and sections[-1]:
            sections.append([])
        sections[-1].append(line)
    return sections


def _block(words: list[str]) -> str:
    return f'\n\n<div class="mnp-search-terms" hidden>{html.escape(" ".join(words))}</div>\n\n'
