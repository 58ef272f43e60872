"""Known questions: questions people ask, each with the page that answers it (the files of
mkdocs.yml extra.search.known_questions: the search evaluation's, tests/search_queries.yml, and those
written for the search from each page, data/search-questions.yml). A model learnt from them at build
time (macros/question_model.py) says how likely each page is to answer a query; search-ja.js moves
the likely pages up the results, and adds one the words matched nowhere when it is likelier than
all others together. Each question is also learnt as read in hiragana, for a query typed in kana
alone (まいなかーど おとした: unconverted, on a phone).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import Field
from sudachipy import Dictionary, Tokenizer

from .errors import PlaybookError, Problem, raise_if_any
from .models import Id, Model, Text
from .question_model import train
from .search import JAPANESE
from .validation import validate_file
from .yamlfile import load_yaml


class KnownQuestion(Model):
    query: Text
    expect: Text = Field(description="The page that should come first, as built: playbooks/leak.html.")
    set: Id = Field(description="The group it was written in; the evaluation leaves out the group it measures.")


class KnownQuestionFile(Model):
    queries: list[KnownQuestion] = Field(min_length=1)


def load_known_questions(path: Path, name: str, page_exists: Callable[[str], bool]) -> list[KnownQuestion]:
    """Read and check the file; `page_exists` says whether a built page (`x.html`) has a source.

    The questions ship with the site: the My Number guard reads the file with the data
    (Project.also_guarded), not here.
    """
    if not path.is_file():
        raise PlaybookError([Problem(name, 1, 1, "", "no such file (mkdocs.yml extra.search.known_questions)")])
    file = load_yaml(path, name)
    document, problems = validate_file(file, KnownQuestionFile)
    raise_if_any(problems)
    assert document is not None  # no problems means the document validated
    expected = "expected a built page of docs/, such as playbooks/leak.html"
    raise_if_any(
        [
            file.problem(("queries", index, "expect"), f"no page '{question.expect}' in the site; {expected}")
            for index, question in enumerate(document.queries)
            if not page_exists(question.expect)
        ]
    )
    return document.queries


# A token written in kana or kanji is read; others (SMS, 30, ?) stay as written.
_JAPANESE = re.compile(f"[{JAPANESE}]")
_KATAKANA_TO_HIRAGANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}


@cache
def _tokenizer() -> Tokenizer:
    return Dictionary(dict="small").tokenizer()


def reading(text: str) -> str:
    """The text in hiragana as someone would type it without converting (the model learns it too,
    for queries in kana alone): マイナカードを落とした → まいなかーどをおとした.
    """
    tokens = _tokenizer().tokenize(unicodedata.normalize("NFKC", text).lower())
    return "".join(t.reading_form() if _JAPANESE.search(t.surface()) else t.surface() for t in tokens).translate(
        _KATAKANA_TO_HIRAGANA
    )


def known_questions_script(questions: list[KnownQuestion], titles: dict[str, str]) -> str:
    """search/known_questions.js: the model of the questions and the titles of the pages they name.

    A script, not JSON, so that it also loads when the site is opened from a folder (file://).
    """
    data = {
        "model": known_questions_model(questions),
        "titles": {page: titles[page] for page in sorted({q.expect for q in questions})},
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f"window.mnpKnownQuestions = {text}\n"


def known_questions_model(questions: list[KnownQuestion]) -> dict[str, Any]:
    """The model search-ja.js ranks pages with (macros/question_model.py), learnt from each question
    as written and as read, so that a query typed in kana alone finds the same page.
    """
    examples = [(q.query, q.expect) for q in questions]
    examples += [(read, q.expect) for q in questions if (read := reading(q.query)) != q.query]
    return train(examples)
