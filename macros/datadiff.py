"""Readable data diff: what changed in the YAML sources between two revisions, in plain Japanese.

`python -m macros.datadiff OLD [NEW]` prints Markdown for a pull request's job summary, e.g.
`連絡先 mynumber-freedial（マイナンバー総合フリーダイヤル）: 電話 0570-783-578 → 0570-000-000`.
NEW defaults to the working tree. The comparison walks the pydantic models field by field, so a
new field or section is reported without code changes here (it only needs a label below).
"""

from __future__ import annotations

import argparse
import datetime
import re
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .catalog import load_catalog
from .errors import PlaybookError
from .guard import scan_text
from .models import SECTIONS, Document, Option, Outcome, Phone, Question, Sourced

SECTION_LABELS = {
    "sources": "出典",
    "topics": "トピック",
    "contacts": "連絡先",
    "roles": "役割",
    "trees": "ツリー",
    "provision": "提供ルール",
    "glossary": "用語",
    "facts": "事実",
}

# One label per field name, whichever model it is in (tests check that every field has one).
FIELD_LABELS = {
    "override": "上書き",
    "source": "出典",
    "checked": "確認日",
    "verified": "確認状態",
    "caveat": "注意書き",
    "title": "タイトル",
    "url": "URL",
    "publisher": "発行元",
    "label": "表示名",
    "number": "番号",
    "hours": "受付時間",
    "charge": "料金",
    "from_abroad": "海外から",
    "name": "名称",
    "organisation": "組織",
    "phones": "電話",
    "handles": "ここで聞けること",
    "topics": "トピック",
    "internal": "社内窓口",
    "held_by": "担当",
    "duties": "役目",
    "contact": "連絡先",
    "next": "行き先",
    "kind": "種類",
    "text": "本文",
    "help": "補足",
    "options": "選択肢",
    "verdict": "判定",
    "steps": "手順",
    "contacts": "連絡先",
    "see": "参照先",
    "description": "説明",
    "start": "開始ノード",
    "nodes": "ノード",
    "procedure": "手続き",
    "requester": "求める人",
    "decision": "判断",
    "basis": "根拠",
    "note": "備考",
    "term": "用語",
    "reading": "読み",
    "variants": "言い換え",
    "definition": "定義",
}

# Sections whose ids are shown with a readable name: `連絡先 hr-desk（人事部 マイナンバー窓口）`.
_NAME_FIELD = {"sources": "title", "topics": "label", "contacts": "name", "roles": "title"}
# An entry's own fields are reported first, then where it comes from and when it was checked.
_SHARED = frozenset(Sourced.model_fields)
_NODE_KIND = {"question": "質問", "outcome": "結論"}
_VERIFIED = {True: "確認済み", False: "要確認"}
_CODE = re.compile(r"^[\x21-\x7e]+$")  # ids, dates, numbers, URLs: shown without quotes
_LONG = 60  # longer texts are shown around the part that changed
_CONTEXT = 12
_DIGITS = "0123456789０１２３４５６７８９"

DATA_FILES = ("data/mynumber.yml", "data/organisation.yml")
WORKING_TREE = "作業ツリー"


class RevisionError(Exception):
    """A revision (or the repository) that cannot be read: reported in one line, without a traceback."""


# ---------------------------------------------------------------- comparing two documents


def diff_documents(old: Document, new: Document) -> list[str]:
    """One line per change, section by section: removed entries, then added or changed ones in file order."""
    lines: list[str] = []
    for section in SECTIONS:
        before: dict[str, BaseModel] = getattr(old, section)
        after: dict[str, BaseModel] = getattr(new, section)
        for entry_id, entry in before.items():
            if entry_id not in after:
                lines.append(_then(_entry(section, entry_id, entry), "を削除"))
        for entry_id, entry in after.items():
            if entry_id not in before:
                lines.append(_then(_entry(section, entry_id, entry), "を追加"))
            elif before[entry_id] != entry:
                head = _entry(section, entry_id, entry)
                lines += [f"{head}: {change}" for change in _diff_model(before[entry_id], entry)]
    return [_mask_my_numbers(line) for line in lines]


def _entry(section: str, entry_id: str, entry: BaseModel) -> str:
    head = f"{SECTION_LABELS.get(section, section)} {entry_id}"
    name_field = _NAME_FIELD.get(section)
    return f"{head}（{_flat(getattr(entry, name_field))}）" if name_field else head


def _diff_model(old: BaseModel, new: BaseModel, *, skip: str = "") -> list[str]:
    changes: list[str] = []
    for name in sorted(type(new).model_fields, key=lambda field: field in _SHARED):
        before, after = getattr(old, name), getattr(new, name)
        if name != skip and before != after:
            changes += _diff_field(name, before, after)
    return changes


def _diff_field(name: str, old: Any, new: Any) -> list[str]:
    label = FIELD_LABELS.get(name, name)
    if name == "verified":
        return [f"{_VERIFIED[bool(old)]} → {_VERIFIED[bool(new)]}"]
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        return _diff_nodes(label, old, new)
    if isinstance(old, list) and isinstance(new, list):
        if any(isinstance(item, BaseModel) for item in (*old, *new)):
            return _diff_items(label, old, new)
        return _diff_list(label, old, new)
    return [_diff_scalar(label, old, new)]


def _diff_scalar(label: str, old: Any, new: Any) -> str:
    if old is None:
        return _then(f"{label}{_value(new)}", "を追加")
    if new is None:
        return _then(f"{label}{_value(old)}", "を削除")
    if _is_code(old) and _is_code(new):
        return f"{label} {_show(old)} → {_show(new)}"
    before, after = _excerpt(_show(old), _show(new))
    return f"{label}を変更（「{before}」→「{after}」）"


def _diff_list(label: str, old: Sequence[Any], new: Sequence[Any]) -> list[str]:
    changes = [_then(f"{label}から{_value(item)}", "を削除") for item in old if item not in new]
    changes += [_then(f"{label}に{_value(item)}", "を追加") for item in new if item not in old]
    return changes or [f"{label}の順番を変更"]


def _diff_items(label: str, old: Sequence[BaseModel], new: Sequence[BaseModel]) -> list[str]:
    """Phones by number, options by label; as many removed as added read as changes of number or label."""
    old_keys, new_keys = [_item_key(item) for item in old], [_item_key(item) for item in new]
    removed = [item for item, key in zip(old, old_keys, strict=True) if key not in new_keys]
    added = [item for item, key in zip(new, new_keys, strict=True) if key not in old_keys]
    changes: list[str] = []
    if removed and len(removed) == len(added):
        for before, after in zip(removed, added, strict=True):
            key_field = _key_field(after)
            changes.append(_diff_scalar(label, _item_key(before), _item_key(after)))
            changes += [_of(_item(after), change) for change in _diff_model(before, after, skip=key_field)]
    else:
        changes += [_then(_item(item, with_target=True), "を削除") for item in removed]
        changes += [_then(_item(item, with_target=True), "を追加") for item in added]
    for item in new:
        key = _item_key(item)
        if key in old_keys and (before := old[old_keys.index(key)]) != item:
            changes += [_of(_item(item), change) for change in _diff_model(before, item)]
    return changes or [f"{label}の順番を変更"]


def _key_field(item: BaseModel) -> str:
    return "number" if isinstance(item, Phone) else "label"


def _item_key(item: BaseModel) -> str:
    return str(getattr(item, _key_field(item)))


def _item(item: BaseModel, *, with_target: bool = False) -> str:
    if isinstance(item, Phone):
        return f"電話 {item.number}"
    if isinstance(item, Option):
        return f"選択肢「{_flat(item.label)}」" + (f"→ {item.next}" if with_target else "")
    return f"{type(item).__name__} {_item_key(item)}"


def _diff_nodes(label: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """A tree's nodes by id, each named by its kind: 質問 where, 結論 home."""
    changes = [_then(_node(node_id, node), "を削除") for node_id, node in old.items() if node_id not in new]
    for node_id, node in new.items():
        before = old.get(node_id)
        if before is None:
            changes.append(_then(_node(node_id, node), "を追加"))
        elif type(before) is not type(node):
            changes.append(f"{label} {node_id} を{_kind(before)}から{_kind(node)}に変更")
        elif before != node:
            changes += [_of(_node(node_id, node), change) for change in _diff_model(before, node)]
    return changes


def _node(node_id: str, node: Any) -> str:
    return f"{_kind(node)} {node_id}"


def _kind(node: Any) -> str:
    return _NODE_KIND.get(node.kind, str(node.kind)) if isinstance(node, Question | Outcome) else "ノード"


# ---------------------------------------------------------------- wording helpers


def _is_code(value: Any) -> bool:
    return isinstance(value, bool | int | datetime.date) or (isinstance(value, str) and bool(_CODE.match(value)))


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "はい" if value else "いいえ"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return _flat(str(value))


def _flat(text: str) -> str:
    """One line: a multi-line YAML text would break the Markdown list."""
    return " ".join(text.split())


def _value(value: Any) -> str:
    """A value inside a sentence: a code after a space (`トピックに card-loss`), a text in 「」."""
    return f" {_show(value)}" if _is_code(value) else f"「{_show(value)}」"


def _then(text: str, tail: str) -> str:
    """Japanese after an id, a number or a URL gets a space: `連絡先 hr-desk を追加`, `言い換えに「番号」を追加`."""
    return f"{text} {tail}" if text[-1:].isascii() and not text[-1:].isspace() else f"{text}{tail}"


def _of(subject: str, change: str) -> str:
    """`結論 home` + `手順に「…」を追加` → `結論 home の手順に「…」を追加`."""
    return _then(subject, "の") + change


def _excerpt(old: str, new: str) -> tuple[str, str]:
    """For long texts, only the part that differs, with a little context on each side."""
    if max(len(old), len(new)) <= _LONG:
        return old, new
    shorter = min(len(old), len(new))
    prefix = 0
    while prefix < shorter and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < shorter - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    start, keep = max(0, prefix - _CONTEXT), max(0, suffix - _CONTEXT)

    def cut(text: str) -> str:
        return ("…" if start else "") + text[start : len(text) - keep] + ("…" if keep else "")

    return cut(old), cut(new)


def _mask_my_numbers(line: str) -> str:
    """The guard stops such data, but the summary must not echo a real 個人番号 meanwhile."""
    for problem in reversed(scan_text(line, "", frozenset())):
        start = end = problem.column - 1
        digits = 0
        while digits < 12 and end < len(line):
            digits += line[end] in _DIGITS
            end += 1
        line = line[:start] + "＊" * 12 + line[end:]
    return line


# ---------------------------------------------------------------- revisions


def diff_revisions(root: Path, old_rev: str, new_rev: str | None) -> list[str]:
    """Compare the data at `old_rev` with `new_rev` (None: the working tree); raises RevisionError."""
    old_files = _files_at(root, old_rev)
    new_files = _files_in_worktree(root) if new_rev is None else _files_at(root, new_rev)
    old = _load(old_files, f"比較元 {old_rev}")
    new = _load(new_files, WORKING_TREE if new_rev is None else f"比較先 {new_rev}")
    if isinstance(old, str) or isinstance(new, str):
        return [_mask_my_numbers(side) for side in (old, new) if isinstance(side, str)]
    return diff_documents(old, new)


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    except FileNotFoundError:
        raise RevisionError("git が見つかりません（git をインストールしてください）") from None
    except NotADirectoryError:
        raise RevisionError(f"フォルダ {root} がありません") from None


def _files_at(root: Path, rev: str) -> dict[str, bytes | None]:
    if not root.is_dir():
        raise RevisionError(f"フォルダ {root} がありません")
    if (found := _git(root, "rev-parse", "--git-dir")).returncode != 0:
        # e.g. not a repository, or (in a CI container) "detected dubious ownership": say what git said.
        said = found.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RevisionError(
            f"{root} を git リポジトリとして読めません（{said[0] if said else 'git rev-parse failed'}）"
        )
    if rev.startswith("-") or _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").returncode != 0:
        raise RevisionError(f"リビジョン '{rev}' が見つかりません（ブランチ名を確認するか、git fetch してください）")
    files: dict[str, bytes | None] = {}
    for path in DATA_FILES:
        # `REV:./path` is relative to `root`, which need not be the top of the repository.
        shown = _git(root, "show", f"{rev}:./{path}")
        files[path] = shown.stdout if shown.returncode == 0 else None
    return files


def _files_in_worktree(root: Path) -> dict[str, bytes | None]:
    return {path: (root / path).read_bytes() if (root / path).is_file() else None for path in DATA_FILES}


def _load(files: dict[str, bytes | None], what: str) -> Document | str:
    """The merged data, or one line saying why it could not be read (a missing file counts as empty)."""
    with tempfile.TemporaryDirectory(prefix="datadiff-") as folder:
        base = Path(folder)
        for path, content in files.items():
            (base / path).parent.mkdir(parents=True, exist_ok=True)
            (base / path).write_bytes(content or b"")
        try:
            return load_catalog(base / DATA_FILES[0], base / DATA_FILES[1], root=base).data
        except PlaybookError as error:
            more = f"（ほか {len(error.problems) - 1} 件）" if len(error.problems) > 1 else ""
            return _then(what, f"のデータは検証に通らないため比較できません: {error.problems[0]}{more}")


# ---------------------------------------------------------------- command line

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>&~|#])")


def to_markdown(lines: list[str]) -> str:
    """A job-summary section: a heading, then one bullet per change (data text escaped)."""
    bullets = ["- " + _MARKDOWN_SPECIAL.sub(r"\\\1", line) for line in lines]
    body = "\n".join(bullets) if lines else "データの変更はありません"
    return f"## データの変更\n\n{body}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m macros.datadiff",
        description="data/mynumber.yml と data/organisation.yml の変更を、読める日本語の Markdown で表示します。",
    )
    parser.add_argument("old", metavar="OLD", help="比較元のリビジョン（例: origin/main）")
    parser.add_argument("new", metavar="NEW", nargs="?", help="比較先のリビジョン（省略時は作業ツリー）")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="プロジェクトのフォルダ（既定: 現在のフォルダ）")
    args = parser.parse_args(argv)
    try:
        lines = diff_revisions(args.root, args.old, args.new)
    except RevisionError as error:
        print(f"datadiff: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(to_markdown(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
