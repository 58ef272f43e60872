"""Search expansion: the site's search finds a page whichever variant of a word the reader types.

Material's search segments Japanese with TinySegmenter and matches tokens as written, so a query
for 漏洩 misses a page that writes 漏えい, and the same word is cut differently alone and inside a
sentence. Each section that uses any form of a glossary term gets, in a hidden block that the
search index reads but readers, screen readers and print do not see:

- every form of the term, so Material's own search finds the section by any of them;
- the term's search key, an ASCII word that TinySegmenter leaves whole, repeated as often as the
  section uses the term (up to a cap) so the section most about the term ranks first.

In the browser, docs/assets/javascripts/search-ja.js replaces any form found in a query by the same
key (see `query_forms`), so a typed variant meets the section exactly, however either is segmented.
Each page also gets its front-matter keywords.
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


def search_key(term_id: str) -> str:
    """An ASCII word for the term: the search tokenizer keeps it whole in pages and queries alike."""
    return "mnp" + re.sub(r"[^a-z0-9]", "", term_id.lower())


def query_forms(glossary: Mapping[str, Term]) -> dict[str, list[str]]:
    """Every form a reader may type → [the term's search key, the term as the pages write it]."""
    return {form: [search_key(key), term.term] for key, term in glossary.items() for form in forms(term)}


def expand_for_search(markdown: str, glossary: Mapping[str, Term], keywords: Iterable[str] = ()) -> str:
    sections = _sections(markdown)
    expanded = []
    for index, section in enumerate(sections):
        words = list(keywords) if index == 0 else []
        text = "".join(section)
        for key, term in glossary.items():
            variants = forms(term)
            count = _count(text, variants)
            if count:
                words += variants + [search_key(key)] * min(count, MAX_REPEAT)
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


# Starts every hidden block, so search-ja.js can cut the block out of the result snippets it shows.
BLOCK_MARKER = "mnpterms"


def _block(words: list[str]) -> str:
    text = html.escape(" ".join([BLOCK_MARKER, *words]))
    return f'\n\n<div class="mnp-search-terms" hidden>{text}</div>\n\n'
