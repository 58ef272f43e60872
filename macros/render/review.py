"""The review status page and the "about this page" block at the end of every page."""

from __future__ import annotations

import datetime

from ..models import Document
from ..pages import Page, PageIndex
from ..review import Overdue
from .html import bullets, esc, japanese_date, table

SECTION_LABELS = {
    "contacts": "連絡先",
    "trees": "判断ツリー",
    "provision": "提供ルール",
    "glossary": "用語",
    "facts": "事実",
}


def review_status(pages: PageIndex, overdue: list[Overdue], today: datetime.date) -> str:
    late_pages = {item.key for item in overdue if item.kind == "page"}
    rows = [
        (
            esc(page.meta.title),
            esc(page.meta.owner),
            japanese_date(page.meta.reviewed),
            japanese_date(page.meta.next_review),
            '<strong class="mnp-overdue">期限切れ</strong>' if page.path in late_pages else "期限内",
        )
        for page in sorted(pages.pages.values(), key=lambda p: p.meta.next_review)
    ]
    data_rows = [
        (esc(SECTION_LABELS[item.kind]), f"<code>{esc(item.key)}</code>", japanese_date(item.due))
        for item in overdue
        if item.kind != "page"
    ]
    data_part = (
        table("mnp-review-data", ("種類", "ID", "確認の期限"), data_rows)
        if data_rows
        else "<p>確認の期限を過ぎたデータはありません。</p>"
    )
    return (
        f'<p class="mnp-review__today">{japanese_date(today)}時点</p>'
        + table("mnp-review-pages", ("ページ", "担当", "最終確認日", "次回見直し", "状態"), rows)
        + '<p class="mnp-review__label">確認の期限を過ぎたデータ</p>'
        + data_part
    )


def page_info(page: Page, data: Document, unverified: int) -> str:
    sources = bullets(
        (f'<a href="{esc(data.sources[s].url)}">{esc(data.sources[s].title)}</a>' for s in page.meta.sources),
        "mnp-page-info__sources",
    )
    badge = '<span class="mnp-unverified"><strong>要確認</strong></span>'
    pending = f"<p>{badge} このページには確認中の項目が{unverified}件あります。</p>" if unverified else ""
    return (
        '<aside class="mnp-page-info" aria-label="このページについて">'
        '<p class="mnp-page-info__title">このページについて</p>'
        f"<p>担当：{esc(page.meta.owner)}　最終確認日：{japanese_date(page.meta.reviewed)}　"
        f"次回見直し：{japanese_date(page.meta.next_review)}</p>"
        f"{pending}<p>出典</p>{sources}"
        "<p>このサイトは社内向けの手引きです。法令と公式の情報が常に優先します。</p></aside>"
    )
