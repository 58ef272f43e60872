"""Which page a question asks for: a linear model of the known questions, trained at build time.

Each question (and its reading in hiragana) is cut into character 1- to 3-grams, weighted by
tf-idf, and a logistic regression learns which grams point to which page. search-ja.js makes the
same grams of a query and adds up the weights: a page's probability moves it up the results. A
model generalises past the questions' exact wording, where comparing a query with the closest
questions (the earlier search) followed whichever few happened to share its words; on the
evaluation, each set left out in turn, P@1 went from 0.874 to 0.921 (README, 検索の評価, 11 回目).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

# Mirrored in search-ja.js (SEPARATORS, grams): both sides must cut the same grams.
_SEPARATORS = re.compile(r"[\s、。？?！!・/]+")
_LONGEST = 3
# Weaker regularisation than scikit-learn's default (C=1) suits short texts with few grams each;
# chosen on the evaluation with each set left out (C=3: 0.877, 10: 0.893, 30: 0.893 P@1 on page-text sets).
_C = 10
# Weights this small change no page's probability by much; leaving them out keeps the file small.
_SMALLEST = 0.2


def grams(text: str) -> list[str]:
    """マイナ カード → マ, イ, ナ, マイ, イナ, マイナ, カ, ー, ド, カー, ード, カード (no gram crosses a space)."""
    found = []
    for part in _SEPARATORS.split(unicodedata.normalize("NFKC", text).lower()):
        chars = list(part)
        for n in range(1, _LONGEST + 1):
            found += ["".join(chars[at : at + n]) for at in range(len(chars) - n + 1)]
    return found


def train(examples: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """From (question, page) pairs: {pages, bias, grams: {gram: [idf, page index, weight, …]}}.

    search-ja.js computes a query's probabilities from this alone: tf (1 + ln count) × idf per gram,
    the vector scaled to length 1, then bias + weights summed per page, and softmax.
    """
    vectorizer = TfidfVectorizer(analyzer=grams, sublinear_tf=True)
    features = vectorizer.fit_transform([text for text, _ in examples])
    pages = sorted({page for _, page in examples})
    if len(pages) == 1:  # nothing to tell apart: a query sharing any gram with the questions gets their page
        return {"pages": pages, "bias": [0.0], "grams": {gram: [1.0] for gram in sorted(vectorizer.vocabulary_)}}
    model = LogisticRegression(C=_C, max_iter=5000).fit(features, [page for _, page in examples])
    coefficients, intercepts = model.coef_, model.intercept_
    if len(model.classes_) == 2:  # one row for the second page against the first: make it one per page
        coefficients = np.vstack([-coefficients, coefficients]) / 2
        intercepts = np.hstack([-intercepts, intercepts]) / 2
    columns = coefficients.T
    weights: dict[str, list[float]] = {}
    for gram, column in sorted(vectorizer.vocabulary_.items()):
        kept = [
            value
            for page, weight in enumerate(columns[column])
            if abs(weight) >= _SMALLEST
            for value in (page, round(float(weight), 1))
        ]
        if kept:
            weights[gram] = [round(float(vectorizer.idf_[column]), 3), *kept]
    return {
        "pages": [str(page) for page in model.classes_],
        "bias": [round(float(bias), 3) for bias in intercepts],
        "grams": weights,
    }
