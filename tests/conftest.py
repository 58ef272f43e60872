from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"
# Every page of the built site (use_directory_urls is off so a folder copy works without a server).
PAGES = [
    "index.html",
    "playbooks/index.html",
    "playbooks/leak.html",
    "playbooks/card-loss.html",
    "playbooks/provision.html",
    "storage.html",
    "outsourcing.html",
    "scams.html",
    "cases.html",
    "law.html",
    "contacts.html",
    "glossary.html",
    "review.html",
    "seminar.html",
    "print_page.html",
]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def assert_golden(actual: str, expected_file: Path, update: bool) -> None:
    """Compare with a golden file; HTML is split at tag boundaries so diffs stay readable."""
    actual = re.sub(r"><", ">\n<", actual).rstrip("\n") + "\n"
    if update or os.environ.get("UPDATE_GOLDEN"):
        expected_file.write_text(actual, encoding="utf-8")
    assert expected_file.exists(), f"missing golden file {expected_file}; run pytest --update-golden and review it"
    assert actual == expected_file.read_text(encoding="utf-8")


def make_my_number(first_eleven: str = "12345678901") -> str:
    """A number with a valid check digit, built at test time so none is stored in the repository."""
    from macros.guard import check_digit

    return first_eleven + str(check_digit(first_eleven))


def mkdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test run."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


# Browser fixtures (Chromium, the site served on loopback) for every test module.
from .browser import browser, site_url  # noqa: E402, F401
