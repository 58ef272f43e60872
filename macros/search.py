"""Search keys: the site's search finds a section whichever variant or cut of a word the reader types.

Material's search segments Japanese with TinySegmenter and matches the tokens as written: a query
for 漏洩 misses a page that writes 漏えい, a word is cut differently alone and inside a sentence,
and its search worker re-cuts kanji queries against the index (dropping a word's last character).
So the search compares ASCII keys that neither side segments, the classic approach for Japanese
full-text search (character bigrams) plus the glossary for variants. Each section gets, in a
hidden block that the search index reads but readers, screen readers and print do not see:

- the search key of every glossary term it uses (any form counts), e.g. ``mnpglrouei`` (05 in letters);
- a key for every pair of adjacent kanji/katakana characters (a lone one gets its own key), and
  every number as written;
- under a heading marked ``data-defines="<term id>"`` (the glossary's entries), the term's
  definition key, e.g. ``mndglrouei``: a query that asks what a term means (漏えいとは) finds it;

each repeated as often as the section uses it, up to a cap, so the section most about a word ranks
first. The first section also gets the keys of the page's front-matter `keywords`, and their Latin
words as they are (Material indexes the page's own Latin words, but keywords are not on the page).
In the browser, docs/assets/javascripts/search-ja.js turns a query into the same keys: the two
sides must agree, so the character classes and key formats below are mirrored there.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import pairwise

from .models import Term

# Sections as the search index splits them (h1 is the page), in Markdown or as HTML from a macro.
_HEADING = re.compile(r"^(#{2,6}\s|<h[2-6][\s>])")
_ANY_HEADING = re.compile(r"^(#{1,6}\s|<h[1-6][\s>])")
FENCE = re.compile(r"^\s*(```|~~~)")
# Trainer notes (!!! trainer "講師メモ") are hidden on employees' pages: the search must neither
# find them nor show them in a snippet, so they get no keys and Material's index skips them. Only a
# note at the start of a line can be wrapped for that: macros/pages.py rejects indented ones.
TRAINER_NOTE = r"(?:!!!|\?\?\?\+?)\s+trainer\b"
_TRAINER_NOTE_START = re.compile("^" + TRAINER_NOTE)
_NOTE_START = "<div data-search-exclude markdown>\n\n"
_NOTE_END = "\n</div>\n\n"
# Japanese characters (a regex class): kanji and katakana carry the meaning, hiragana is mostly
# particles and endings.
JAPANESE = "\u3041-\u3096\u30a1-\u30fa\u30fc\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヵヶ"
_RUN = re.compile(f"[{JAPANESE}]+")
_HIRAGANA = re.compile("[\u3041-\u3096]")
# Particles that follow a noun (文の, 人が): a pair with one says nothing about the word.
_PARTICLES = frozenset("のがをはにでもへや")
# A number with the character after it: 30日 and 30人 are different deadlines.
_NUMBER = re.compile(f"([0-9]+)([{JAPANESE}]?)")
# A word in Latin letters, as a query sends it (SMS → sms).
_LATIN = re.compile("[a-z]+")
# A heading of the section that defines a glossary term (macros/render/glossary.py).
_DEFINES = re.compile(r'data-defines="([^"]+)"')
MAX_REPEAT = 3
# lunr builds its tree of index words wrongly where words go on with different digits (lunr issue
# #503): a query for such a word then fails ("Invalid query") or finds nothing. So keys are written
# in letters only, the digits of lengths, numbers and character codes as g–p (search-ja.js: code).
_DIGITS_AS_LETTERS = str.maketrans("0123456789", "ghijklmnop")
# Starts every hidden block, so search-ja.js can cut the block out of the result snippets it shows.
BLOCK_MARKER = "mnpterms"


def forms(term: Term) -> list[str]:
    """The term, its reading and its variants, longest first, without duplicates."""
    return sorted(dict.fromkeys([term.term, term.reading, *term.variants]), key=len, reverse=True)


def search_key(term_id: str) -> str:
    """An ASCII word for the term: the search tokenizer keeps it whole in pages and queries alike.
    The id's length comes first, so that no key begins another (the query side appends a wildcard):
    without it, mnpkojinbangou would also match mnpkojinbangoukankeijimu.
    """
    word = re.sub(r"[^a-z0-9]", "", term_id.lower())
    return _code(f"mnp{len(word):02d}{word}")


def definition_key(term_id: str) -> str:
    """The key of the section that defines the term (search-ja.js: the term's key, mnp → mnd)."""
    return "mnd" + search_key(term_id).removeprefix("mnp")


def query_forms(glossary: Mapping[str, Term]) -> dict[str, list[str]]:
    """Each term's search key → every form a reader may type (the page marks them all in results)."""
    return {search_key(key): forms(term) for key, term in glossary.items()}


def query_data(glossary: Mapping[str, Term], subject_terms: Iterable[str] = ()) -> dict[str, object]:
    """What search-ja.js needs: the forms, and the keys of the site's subject (個人番号 on this
    site): every section uses it, so in a query with other words it would only favour the pages
    that use it most; it counts only when it is all the query says.
    """
    return {"terms": query_forms(glossary), "subject": [search_key(term) for term in subject_terms]}


def text_keys(text: str) -> list[str]:
    """The keys of the text's character pairs and numbers, in order, repeats kept."""
    text = unicodedata.normalize("NFKC", text)
    keys = [key for run in _RUN.findall(text) for key in _run_keys(run)]
    for number, unit in _NUMBER.findall(text):
        keys += [number, _code(f"mu{number}x{ord(unit):04x}")] if unit else [number]
    return keys


# Fixed-length keys: the search appends a wildcard to every query word, so no key may be the
# beginning of another.
def _run_keys(run: str) -> list[str]:
    kana = [bool(_HIRAGANA.match(char)) for char in run]
    # Pairs that start with a kanji or katakana: 落と and 問い keep a word's ending, but に電 or を落
    # are a particle and the next word, and 文の a word and its particle. A word written in kana
    # alone (すられた) keeps all its pairs.
    keys = [
        _code(f"mj{ord(a):04x}{ord(b):04x}")
        for i, (a, b) in enumerate(pairwise(run))
        if all(kana) or not (kana[i] or b in _PARTICLES)
    ]
    # A kanji or katakana with no other beside it (家の中) also gets a key of its own.
    content = [not k for k in kana]
    beside = zip(run, content, [False, *content[:-1]], [*content[1:], False], strict=True)
    alone = [_code(f"mk{ord(char):04x}") for char, own, before, after in beside if own and not before and not after]
    return keys + alone


def _code(key: str) -> str:
    return key.translate(_DIGITS_AS_LETTERS)


def expand_for_search(markdown: str, glossary: Mapping[str, Term], keywords: Iterable[str] = ()) -> str:
    """The page with a hidden block of search keys after each section (keywords go to the first)."""
    terms = _TermFinder(glossary)
    expanded = []
    for index, (text, searched, headings) in enumerate(_sections(markdown)):
        counts = Counter({key: min(count, MAX_REPEAT) for key, count in terms.keys(searched).items()})
        # The page's keywords and a section's heading say what it is about: their words count
        # as much again as a word used often.
        topic = headings + "\n" + "\n".join(keywords) if index == 0 else headings
        counts.update(dict.fromkeys(terms.keys(topic), MAX_REPEAT))
        counts.update(dict.fromkeys(map(definition_key, _DEFINES.findall(headings)), MAX_REPEAT))
        if index == 0:
            # Latin words (SMS, PDF) are searched as Material indexes them; a keyword is not in the
            # page's text, so its Latin words go into the block as they are.
            counts.update(dict.fromkeys(_latin_words(keywords), MAX_REPEAT))
        words = [key for key, count in counts.items() for _ in range(count)]
        expanded.append(text + (_block(words) if words else ""))
    return "".join(expanded)


def _latin_words(keywords: Iterable[str]) -> list[str]:
    """The Latin words of the keywords, as search-ja.js sends them in a query (NFKC, lower case)."""
    return _LATIN.findall(unicodedata.normalize("NFKC", " ".join(keywords)).lower())


class _TermFinder:
    """Finds the glossary's forms in text as search-ja.js does in a query: longest form first, so
    マイナンバーカード is the card and not also マイナンバー.
    """

    def __init__(self, glossary: Mapping[str, Term]) -> None:
        self._key = {form: search_key(key) for key, term in glossary.items() for form in forms(term)}
        longest_first = sorted(self._key, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, longest_first))) if longest_first else None

    def keys(self, text: str) -> Counter[str]:
        """Each term's key as often as the text uses the term, then the text's own keys."""
        found = self._pattern.findall(text) if self._pattern else []
        counts = Counter(self._key[form] for form in found)
        counts.update(text_keys(text))
        return counts


def _sections(markdown: str) -> list[tuple[str, str, str]]:
    """(text, the part of it the search sees, its heading lines) of each section, as the search
    index splits the page; trainer notes are wrapped so that the index skips them.
    """
    sections: list[tuple[list[str], list[str], list[str]]] = [([], [], [])]
    fenced = note = False
    for line in markdown.splitlines(keepends=True):
        if note and line.strip() and not line.startswith((" ", "\t")):
            sections[-1][0].append(_NOTE_END)
            note = False
        if FENCE.match(line):
            fenced = not fenced
        heading = not fenced and not note and _ANY_HEADING.match(line)
        if heading and _HEADING.match(line) and sections[-1][0]:
            sections.append(([], [], []))
        if not fenced and _TRAINER_NOTE_START.match(line):
            sections[-1][0].append(_NOTE_START)
            note = True
        sections[-1][0].append(line)
        if not note:
            sections[-1][1].append(line)
        if heading:
            sections[-1][2].append(line)
    if note:
        sections[-1][0].append(_NOTE_END)
    return [("".join(lines), "".join(searched), "".join(headings)) for lines, searched, headings in sections]


def _block(words: list[str]) -> str:
    text = html.escape(" ".join([BLOCK_MARKER, *words]))
    return f'\n\n<div class="mnp-search-terms" hidden>{text}</div>\n\n'
