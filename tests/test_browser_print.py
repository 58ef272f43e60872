"""Printing in Chromium (print to PDF): each playbook and the whole-site handout print with
collapsed blocks open, decision trees as full outlines, contact numbers and source addresses."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from macros.models import Outcome
from macros.project import Project, load_playbook

from .conftest import ROOT

PLAYBOOK = load_playbook(Project(ROOT))
# Each printed page and a heading it must show.
PRINTED = {
    "playbooks/leak.html": "漏えい等が発生したとき",
    "playbooks/card-loss.html": "マイナンバーカードを紛失・盗難したとき",
    "playbooks/provision.html": "マイナンバーの提供を求められたとき",
    "print_page.html": "目次",
}


def pdf_text(browser: Any, url: str) -> tuple[int, str]:
    page = browser.new_page()
    page.goto(url)
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    page.close()
    return len(reader.pages), words("".join(p.extract_text() for p in reader.pages))


def words(text: str) -> str:
    """Letters and digits only: PDF text has compatibility kanji (⽉ for 月), other dots and breaks."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize("path", PRINTED)
def test_page_prints_everything(browser: Any, site: Path, path: str) -> None:
    pages, text = pdf_text(browser, (site / path).as_uri())
    assert pages >= 1
    assert words(PRINTED[path]) in text
    assert "すべての分岐を一覧で見る" not in text  # the wizard's controls do not print
    assert "https" in text  # source addresses are printed after their links

    # What the PDF was made from, element by element (PDF text extraction drops some kanji).
    page = browser.new_page()
    page.goto((site / path).as_uri())
    page.emulate_media(media="print")
    assert page.locator(".mnp-wizard").evaluate_all("els => els.every(e => getComputedStyle(e).display === 'none')")
    hidden_blocks = page.locator("details:not([open]) > :not(summary)")
    for index in range(hidden_blocks.count()):
        assert hidden_blocks.nth(index).bounding_box() is not None, "a collapsed block does not print"
    for tree_id, tree in PLAYBOOK.data.trees.items():
        for node_id, node in tree.nodes.items():  # every outcome of every tree on the page, not just one path
            outline_node = page.locator(f'[id$="tree-{tree_id}--{node_id}"]')
            if isinstance(node, Outcome) and outline_node.count():
                assert outline_node.first.is_visible(), f"{tree_id}/{node_id} is not printed"
    page.close()


def test_whole_site_handout_has_every_playbook_and_the_contacts(browser: Any, site: Path) -> None:
    pages, text = pdf_text(browser, (site / "print_page.html").as_uri())
    assert pages > 10
    for title in (
        "漏えい等が発生したとき",
        "マイナンバーカードを紛失・盗難したとき",
        "マイナンバーの提供を求められたとき",
    ):
        assert words(title) in text
    assert "0120950178" in text
