"""Slides in Chromium: each playbook opened with ?slides shows one section at a time, moves with
the keyboard, keeps the slide in the URL, and shows trainer notes only on request."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT

PLAYBOOKS = ["leak", "card-loss", "provision"]


@pytest.mark.parametrize("name", PLAYBOOKS)
def test_playbook_presents_as_slides(browser: Any, site: Path, name: str) -> None:
    source = (ROOT / "playbooks" / f"{name}.md").read_text(encoding="utf-8")
    sections = sum(1 for line in source.splitlines() if line.startswith("## "))
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((site / "playbooks" / f"{name}.html").as_uri() + "?slides")

    slides = page.locator(".mnp-slide")
    assert slides.count() == sections + 1  # the title slide, then one per ## section
    assert page.locator(".mnp-slide:visible").count() == 1
    assert page.locator(".md-header").is_hidden()
    counter = page.locator(".mnp-deck__counter")
    assert counter.inner_text() == f"1 / {sections + 1}"

    page.keyboard.press("ArrowRight")
    assert counter.inner_text() == f"2 / {sections + 1}"
    assert slides.nth(1).locator("h2").is_visible()
    assert page.url.endswith("#slide-2")
    page.keyboard.press("End")
    assert counter.inner_text() == f"{sections + 1} / {sections + 1}"
    page.keyboard.press("ArrowLeft")
    assert counter.inner_text() == f"{sections} / {sections + 1}"

    # Trainer notes: in the page source, hidden on the page and in slides until asked for.
    notes = page.locator(".admonition.trainer")
    assert notes.count() >= 1, f"{name}.md has no 講師メモ (!!! trainer) block"
    slide_with_notes = page.locator(".mnp-slide", has=notes.first)
    page.keyboard.press("Home")
    for _ in range(slides.count()):
        if slide_with_notes.is_visible():
            break
        page.keyboard.press("ArrowRight")
    assert notes.first.is_hidden()
    page.keyboard.press("n")
    assert notes.first.is_visible()

    page.reload()  # the slide number survives a reload and can be shared
    assert page.locator(".mnp-slide:visible").count() == 1
    with page.expect_navigation():
        page.keyboard.press("Escape")
    assert "slides" not in page.url
    assert page.locator(".admonition.trainer").first.is_hidden()  # employees never see the notes
    assert errors == []
    page.close()
