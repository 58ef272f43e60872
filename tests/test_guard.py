"""The My Number guard: valid-check-digit numbers are stopped, look-alikes pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.errors import PlaybookError
from macros.guard import check_digit, is_my_number, scan_text
from macros.project import Project, load_playbook

from .conftest import make_my_number

NUMBER = make_my_number()  # 12345678901 + its check digit


def test_check_digit_follows_the_ordinance() -> None:
    # Weights 6,5,4,3,2,7,6,5,4,3,2: remainder 0 or 1 gives 0, otherwise 11 - remainder.
    assert check_digit("12345678901") == 8
    assert check_digit("00000000000") == 0
    assert check_digit("00000000001") == 9  # remainder 2
    assert check_digit("10000000000") == 5  # remainder 6
    assert check_digit("00001000000") == 9  # weight 2, remainder 2
    assert check_digit("20000000000") == 0  # 12, remainder 1
    assert check_digit("00000000060") == 4  # 18, remainder 7


@pytest.mark.parametrize(
    "written",
    [
        NUMBER,
        f"{NUMBER[:4]} {NUMBER[4:8]} {NUMBER[8:]}",
        f"{NUMBER[:4]}-{NUMBER[4:8]}-{NUMBER[8:]}",
        NUMBER.translate(str.maketrans("0123456789", "０１２３４５６７８９")),
        f"{NUMBER[:4]}－{NUMBER[4:8]}－{NUMBER[8:]}",
        f"番号は{NUMBER}です",
    ],
)
def test_valid_number_is_found_in_any_writing(written: str) -> None:
    problems = scan_text(f"一行目\n{written}\n", "page.md", frozenset())
    assert [(p.file, p.line) for p in problems] == [("page.md", 2)]
    assert "looks like a real My Number" in problems[0].message
    assert NUMBER not in problems[0].message, "the message must not repeat the number"


@pytest.mark.parametrize(
    "text",
    [
        NUMBER[:11] + str((int(NUMBER[11]) + 1) % 10),  # wrong check digit
        "0120-95-0178",  # phone numbers
        "+81-3-6734-0170",
        "1" + NUMBER,  # 13-digit corporate number containing a valid 12-digit run
        NUMBER + "1",
        f"{NUMBER} 1",  # part of a longer spaced run
        "2024-12-02 2025-01-30",
    ],
)
def test_look_alikes_pass(text: str) -> None:
    assert scan_text(text, "page.md", frozenset()) == []


def test_allow_list_lets_a_listed_number_through() -> None:
    assert scan_text(NUMBER, "page.md", frozenset({NUMBER})) == []
    assert is_my_number(NUMBER)


def _project(tmp_path: Path, page: str, allowlist: str | None = None) -> Project:
    (tmp_path / "docs").mkdir()
    (tmp_path / "playbooks").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "mynumber.yml").write_text("sources: {}\n", encoding="utf-8")
    (tmp_path / "playbooks" / "leak.md").write_text(page, encoding="utf-8")
    if allowlist is not None:
        (tmp_path / "data" / "guard-allowlist.yml").write_text(allowlist, encoding="utf-8")
    return Project(tmp_path)


def test_planted_number_stops_the_load_naming_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(PlaybookError) as error:
        load_playbook(_project(tmp_path, f"# 漏えい\n\n例：{NUMBER}\n"))
    assert str(error.value).startswith("playbooks/leak.md:3:3: this looks like a real My Number")


def test_allow_list_entry_needs_a_reason(tmp_path: Path) -> None:
    with pytest.raises(PlaybookError) as error:
        load_playbook(_project(tmp_path, NUMBER, f"allow:\n  - value: '{NUMBER}'\n"))
    assert "data/guard-allowlist.yml:2:5: allow[0].reason: missing required field 'reason'" in str(error.value)


def test_allow_list_with_reason_passes(tmp_path: Path) -> None:
    project = _project(tmp_path, NUMBER, f"allow:\n  - value: '{NUMBER}'\n    reason: 研修資料の架空の例\n")
    assert load_playbook(project).data.sources == {}
