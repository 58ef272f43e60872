"""Every built page in real Chromium: nothing from another host, no failed request, no console
error, and no serious or critical axe-core violation, in light and dark schemes."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from .browser import serious_violations
from .conftest import PAGES


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_page_is_self_contained_error_free_and_accessible(browser: Any, site_url: str, path: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    requests: list[str] = []
    failed: list[str] = []
    console_errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("requestfailed", lambda request: failed.append(f"{request.url} {request.failure}"))
    page.on("console", lambda message: console_errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: console_errors.append(str(error)))
    response = page.goto(site_url + path, wait_until="networkidle")
    assert response is not None and response.ok
    own_host = urlsplit(site_url).netloc
    foreign = [
        url for url in requests if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own_host
    ]
    assert foreign == [], f"requests to other hosts: {foreign}"
    assert failed == []
    assert console_errors == []
    serious = serious_violations(page)
    assert serious == [], "\n".join(serious)
    context.close()
