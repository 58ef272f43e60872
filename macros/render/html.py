"""Small HTML building blocks shared by the renderers."""

from __future__ import annotations

import datetime
import html
import json
import re
from collections.abc import Callable, Iterable

from ..models import Document, Phone, Sourced

# Turns a page reference such as "playbooks/leak.md#report" into an href from the current page.
Linker = Callable[[str], str]


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def script_json(value: object) -> str:
    """JSON to embed in a `<script type="application/json">`: `<`, `>` and `&` cannot end the element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def japanese_date(day: datetime.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def cite(data: Document, entry: Sourced) -> str:
    """出典 with the checked date, and 要確認 with its reason when the fact is not verified."""
    source = data.sources[entry.source]
    text = (
        f'<span class="mnp-cite">出典：<a href="{esc(source.url)}">{esc(source.title)}</a>'
        f"（{japanese_date(entry.checked)}確認）</span>"
    )
    if not entry.verified:
        reason = f"：{esc(entry.caveat)}" if entry.caveat else ""
        text += f' <span class="mnp-unverified"><strong>要確認</strong>{reason}</span>'
    return text


def phone_link(phone: Phone) -> str:
    dial = re.sub(r"-", "", phone.number)
    return f'<a class="mnp-tel" href="tel:{esc(dial)}">{esc(phone.number)}</a>'


def phone_details(phone: Phone) -> str:
    notes = [phone.label, phone.hours, {"free": "無料", "paid": "有料"}.get(phone.charge or "")]
    if phone.from_abroad:
        notes.append("海外から")
    shown = "・".join(esc(note) for note in notes if note)
    return phone_link(phone) + (f'<span class="mnp-tel__note">（{shown}）</span>' if shown else "")


def bullets(items: Iterable[str], cls: str) -> str:
    """A list of already-escaped HTML items, or nothing when there are none."""
    rendered = "".join(f"<li>{item}</li>" for item in items)
    return f'<ul class="{cls}">{rendered}</ul>' if rendered else ""


def table(cls: str, headers: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """A table whose first cell in each row heads that row; cells are already-escaped HTML."""
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headers)
    body = "".join(
        "<tr>"
        + "".join(f'<th scope="row">{c}</th>' if i == 0 else f"<td>{c}</td>" for i, c in enumerate(row))
        + "</tr>"
        for row in rows
    )
    return f'<div class="mnp-table {cls}"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'
