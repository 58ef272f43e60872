"""The readable data diff: exact lines for each kind of change, and the command on a real git repository.

`tests/fixtures/datadiff/old.yml` is the "before" data; each `new-<case>.yml` is the same data with one
kind of change, and CASES below is what a reviewer must read for it.
"""

from __future__ import annotations

import subprocess
from copy import deepcopy
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from macros import models
from macros.catalog import load_catalog
from macros.datadiff import FIELD_LABELS, SECTION_LABELS, diff_documents, diff_revisions, main, to_markdown
from macros.models import SECTIONS, Document

from .conftest import FIXTURES, make_my_number

DATA = FIXTURES / "datadiff"

CASES: dict[str, list[str]] = {
    "phone": ["連絡先 mynumber-freedial（マイナンバー総合フリーダイヤル）: 電話 0570-783-578 → 0570-000-000"],
    "contacts": ["連絡先 old-window（旧窓口）を削除", "連絡先 hr-desk（人事部 マイナンバー窓口）を追加"],
    "tree-option": ["ツリー card-loss: 質問 where の選択肢「わからない」→ police を追加"],
    "tree-node-removed": [
        "ツリー card-loss: 結論 found を削除",
        "ツリー card-loss: 質問 where の選択肢「もう見つかった」→ found を削除",
    ],
    "tree-steps": [
        "ツリー card-loss: 結論 home の手順から「フリーダイヤルに電話する」を削除",
        "ツリー card-loss: 結論 home の手順に「フリーダイヤルに電話して一時停止する」を追加",
    ],
    "provision": ["提供ルール staff-id: 判断 refuse → provide"],
    "glossary": ["用語 kojin-bango: 言い換えに「番号」を追加"],
    "fact-verified": [
        # A long text is shown around the words that changed.
        "事実 kakuho-deadline: 本文を変更"
        "（「…）に個人情報保護委員会へ提出します。」→「…）に個人情報保護委員会へ報告します。」）",
        "事実 kakuho-deadline: 確認日 2025-09-24 → 2026-01-10",
        "事実 kakuho-deadline: 要確認 → 確認済み",
        "事実 kakuho-deadline: 注意書き「期限の数え方を委員会の資料で確認する」を削除",
    ],
    # Key order, flow or block lists, quotes, comments and defaults written out: not a change.
    "no-change": [],
}


def load(path: Path) -> Document:
    return load_catalog(path, None, root=DATA).data


def test_every_fixture_has_a_case() -> None:
    assert sorted(p.stem.removeprefix("new-") for p in DATA.glob("new-*.yml")) == sorted(CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_kind_of_change_reads_as_expected(case: str) -> None:
    assert diff_documents(load(DATA / "old.yml"), load(DATA / f"new-{case}.yml")) == CASES[case]


def test_the_reverse_change_reads_the_other_way() -> None:
    assert diff_documents(load(DATA / "new-fact-verified.yml"), load(DATA / "old.yml"))[1:] == [
        "事実 kakuho-deadline: 確認日 2026-01-10 → 2025-09-24",
        "事実 kakuho-deadline: 確認済み → 要確認",
        "事実 kakuho-deadline: 注意書き「期限の数え方を委員会の資料で確認する」を追加",
    ]


CONTACT = {
    "name": "窓口",
    "organisation": "国",
    "handles": ["相談"],
    "source": "s",
    "checked": "2025-01-01",
    "phones": [{"number": "0120-00-0001", "hours": "24時間"}, {"number": "0120-00-0002"}],
}
TREE = {
    "title": "ツリー",
    "source": "s",
    "checked": "2025-01-01",
    "start": "q",
    "nodes": {
        "q": {
            "kind": "question",
            "text": "どうしますか？",
            "options": [{"label": "A", "next": "a"}, {"label": "B", "next": "b"}],
        },
        "a": {"kind": "outcome", "title": "結論A"},
        "b": {"kind": "outcome", "title": "結論B"},
    },
}


def document(**sections: Any) -> Document:
    return Document.model_validate(sections)


def changed(base: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    """A deep copy of `base` with the value at `path` replaced (None removes a mapping key)."""
    copy: Any = deepcopy(base)
    target = copy
    for part in path[:-1]:
        target = target[part]
    if value is None:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return dict(copy)


@pytest.mark.parametrize(
    ("section", "base", "path", "value", "expected"),
    [
        (
            "contacts",
            CONTACT,
            ("phones", 0),
            {"number": "0120-00-0009", "hours": "平日のみ"},
            [
                "電話 0120-00-0001 → 0120-00-0009",
                "電話 0120-00-0009 の受付時間を変更（「24時間」→「平日のみ」）",
            ],
        ),
        ("contacts", CONTACT, ("phones", 1, "charge"), "free", ["電話 0120-00-0002 の料金 free を追加"]),
        (
            "contacts",
            CONTACT,
            ("phones",),
            [{"number": "0120-00-0002"}, {"number": "0120-00-0001", "hours": "24時間"}],
            ["電話の順番を変更"],
        ),
        ("contacts", CONTACT, ("url",), "https://example.invalid/", ["URL https://example.invalid/ を追加"]),
        ("contacts", CONTACT, ("internal",), True, ["社内窓口 いいえ → はい"]),
        ("contacts", CONTACT, ("name",), "新しい窓口", ["名称を変更（「窓口」→「新しい窓口」）"]),
        ("trees", TREE, ("nodes", "q", "options", 1, "label"), "B2", ["質問 q の選択肢 B → B2"]),
        ("trees", TREE, ("nodes", "q", "options", 1, "next"), "a", ["質問 q の選択肢「B」の行き先 b → a"]),
        (
            "trees",
            TREE,
            ("nodes", "b"),
            {"kind": "question", "text": "？", "options": [{"label": "C", "next": "a"}]},
            ["ノード b を結論から質問に変更"],
        ),
        ("trees", TREE, ("nodes", "a", "verdict"), "provide", ["結論 a の判定 act → provide"]),
        (
            "trees",
            TREE,
            ("nodes", "a", "see"),
            ["playbooks/card-loss.md#suspend"],
            ["結論 a の参照先に playbooks/card-loss.md#suspend を追加"],
        ),
        ("trees", TREE, ("start",), "a", ["開始ノード q → a"]),
    ],
)
def test_nested_fields_are_named(
    section: str, base: dict[str, Any], path: tuple[str | int, ...], value: Any, expected: list[str]
) -> None:
    old = document(**{section: {"x": base}})
    new = document(**{section: {"x": changed(base, path, value)}})
    assert [line.split(": ", 1)[1] for line in diff_documents(old, new)] == expected


def test_every_field_and_section_has_a_japanese_label() -> None:
    fields = {
        name
        for model in vars(models).values()
        if isinstance(model, type) and issubclass(model, BaseModel) and model is not Document
        for name in model.model_fields
    }
    assert fields - set(FIELD_LABELS) == set()
    assert set(SECTIONS) == set(SECTION_LABELS)


def test_a_real_my_number_is_never_echoed() -> None:
    number = make_my_number()
    fact = {"text": "古い本文", "source": "s", "checked": "2025-01-01"}
    lines = diff_documents(
        document(facts={"f": fact}),
        document(facts={"f": {**fact, "text": f"番号 {number[:4]}-{number[4:8]}-{number[8:]}"}}),
    )
    assert lines == ["事実 f: 本文を変更（「古い本文」→「番号 ＊＊＊＊＊＊＊＊＊＊＊＊」）"]


def test_markdown_escapes_data_text() -> None:
    assert to_markdown(["用語 x: 定義を変更（「<b>太字</b>」→「*強調*」）"]) == (
        "## データの変更\n\n- 用語 x: 定義を変更（「\\<b\\>太字\\</b\\>」→「\\*強調\\*」）\n"
    )
    assert to_markdown([]) == "## データの変更\n\nデータの変更はありません\n"


# ---------------------------------------------------------------- revisions of a git repository


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def commit(repo: Path, tag: str, files: dict[str, str]) -> None:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", tag)
    git(repo, "tag", tag)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Tags: empty (no data), broken (an unknown key), v1 (old.yml), v2 (phone changed, overlay added)."""
    git(tmp_path, "init", "-q")
    commit(tmp_path, "empty", {"README.md": "test\n"})
    old = (DATA / "old.yml").read_text(encoding="utf-8")
    commit(
        tmp_path,
        "broken",
        {"data/mynumber.yml": old.replace("decision: refuse", "decision: maybe")},
    )
    commit(tmp_path, "v1", {"data/mynumber.yml": old})
    overlay = "topics:\n  internal:\n    label: 社内の手続き\n"
    commit(
        tmp_path,
        "v2",
        {"data/mynumber.yml": (DATA / "new-phone.yml").read_text(encoding="utf-8"), "data/organisation.yml": overlay},
    )
    return tmp_path


def test_diff_between_two_revisions_merges_the_overlay(repo: Path) -> None:
    assert diff_revisions(repo, "v1", "v2") == [
        "トピック internal（社内の手続き）を追加",
        "連絡先 mynumber-freedial（マイナンバー総合フリーダイヤル）: 電話 0570-783-578 → 0570-000-000",
    ]


def test_a_missing_data_file_counts_as_empty(repo: Path) -> None:
    lines = diff_revisions(repo, "empty", "v1")
    assert lines[:3] == [
        "出典 mhlw（例示 マイナンバー総合フリーダイヤルのご案内）を追加",
        "出典 ppc（例示 漏えい等の報告について）を追加",
        "トピック card-loss（カードの紛失・盗難）を追加",
    ]
    assert all(line.endswith("を追加") for line in lines)


def test_invalid_old_data_is_one_line(repo: Path) -> None:
    assert diff_revisions(repo, "broken", "v1") == [
        "比較元 broken のデータは検証に通らないため比較できません: "
        "data/mynumber.yml:64:15: provision.staff-id.decision: expected 'provide', 'refuse' or 'card'; got 'maybe'"
    ]


def test_invalid_working_tree_is_one_line(repo: Path) -> None:
    national = repo / "data" / "mynumber.yml"
    text = national.read_text(encoding="utf-8")
    national.write_text(text.replace("decision: refuse", "decision: maybe").replace("2025-09-24", "2025-13-01"))
    [line] = diff_revisions(repo, "v1", None)
    assert line.startswith("作業ツリーのデータは検証に通らないため比較できません: data/mynumber.yml:")
    assert line.endswith("（ほか 6 件）")


def test_command_compares_with_the_working_tree(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    national = repo / "data" / "mynumber.yml"
    national.write_text(national.read_text(encoding="utf-8").replace("decision: refuse", "decision: provide"))
    assert main(["v2", "--root", str(repo)]) == 0
    assert capsys.readouterr().out == "## データの変更\n\n- 提供ルール staff-id: 判断 refuse → provide\n"
    assert main(["v2", "v2", "--root", str(repo)]) == 0
    assert capsys.readouterr().out == "## データの変更\n\nデータの変更はありません\n"


@pytest.mark.parametrize("revision", ["no-such-branch", "--help-me"])
def test_unknown_revision_is_one_line_on_stderr(repo: Path, revision: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(repo), "--", revision]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"datadiff: リビジョン '{revision}' が見つかりません（ブランチ名を確認するか、git fetch してください）\n"
    )


def test_outside_a_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["HEAD", "--root", str(tmp_path)]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"datadiff: {tmp_path} を git リポジトリとして読めません（fatal: not a git repository")
    assert error.count("\n") == 1
