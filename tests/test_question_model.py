"""The model of the known questions (macros/question_model.py), in the shape search-ja.js reads."""

from __future__ import annotations

from macros.known_questions import KnownQuestion, known_questions_model
from macros.question_model import grams, train

LOST = [("カードを落とした", "card.html"), ("カード なくした 止める", "card.html"), ("財布ごと盗まれた", "card.html")]
LEAK = [("名簿が流出した", "leak.html"), ("番号 漏えい 報告", "leak.html"), ("メールを誤送信", "leak.html")]


def test_grams_are_one_to_three_characters_within_a_word() -> None:
    assert grams("ﾏｲﾅ・SMS") == ["マ", "イ", "ナ", "マイ", "イナ", "マイナ", "s", "m", "s", "sm", "ms", "sms"]


def test_each_page_has_its_own_weights_even_between_two_pages() -> None:
    """scikit-learn keeps one row for two pages; search-ja.js reads one weight per page for any number."""
    model = train(LOST + LEAK)
    assert model["pages"] == ["card.html", "leak.html"] and len(model["bias"]) == 2
    idf, *weights = model["grams"]["カード"]
    assert idf > 1 and weights[0::2] == [0, 1]
    assert weights[1] > 0 > weights[3]  # カード says card.html, and says it against leak.html


def test_small_weights_are_left_out() -> None:
    weights = [weight for _, *entry in train(LOST + LEAK)["grams"].values() for weight in entry[1::2]]
    assert weights and min(map(abs, weights)) >= 0.2


def test_one_page_is_given_to_any_query_sharing_a_gram() -> None:
    model = train(LOST)
    assert model["pages"] == ["card.html"] and set(model["grams"]) == set(grams(" ".join(q for q, _ in LOST)))


def test_questions_are_learnt_as_read_too() -> None:
    known = [KnownQuestion(query=query, expect=page, set="a") for query, page in LOST + LEAK]
    assert "かーど" in known_questions_model(known)["grams"]  # from かーどをおとした, the reading of カードを落とした
    assert "かーど" not in train(LOST + LEAK)["grams"]
