"""Build-time and page-weight benchmark.

    python benchmarks/bench.py                      # sizes 10, 100, 1000 pages; 3 runs each
    python benchmarks/bench.py --sizes 10 100 --runs 5

For each size N it generates a project with N playbook pages, N contacts and N/10 trees, and
builds it twice with the same Markdown output:
  - "project": the real mkdocs.yml with macros, validation, the guard and the search expansion;
  - "plain":   Material alone on the same pages with every macro already expanded to HTML.
It prints medians and writes benchmarks/RESULTS.md. Not a test: timings vary by machine.
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.project import Project, load_playbook  # noqa: E402
from macros.search import expand_for_search  # noqa: E402

PAGE = """---
title: プレイブック {i}
owner: 事務取扱責任者
reviewed: 2026-11-01
next_review: 2027-05-01
sources: [law]
keywords: [手順{i}]
---

# プレイブック {i}

マイナンバーカードを紛失したときや、個人番号が漏えいしたときの手順 {i} です。

## まずやること {{#first}}

{{{{ fact("fact-{i}") }}}}

{{{{ contact("c{i}") }}}}

## 連絡先 {{#contacts}}

{{{{ contact_table(topic="t{t}") }}}}

## 判断 {{#judge}}

{tree}
"""

TREE = """{{{{ tree("tree-{k}") }}}}

{{{{ tree_diagram("tree-{k}") }}}}
"""


def data_yaml(n: int, trees: int) -> str:
    lines = [
        "sources:",
        "  law: {title: 番号法, url: 'https://elaws.e-gov.go.jp/document?lawid=425AC0000000027'}",
        "topics:",
        *[f"  t{t}: {{label: トピック{t}}}" for t in range(max(1, n // 10))],
        "contacts:",
    ]
    for i in range(n):
        lines += [
            f"  c{i}:",
            f"    name: 窓口{i}",
            "    organisation: 例示の組織",
            f"    phones: [{{number: 0000-{i % 100:02d}-{i:04d}, label: 一時停止, hours: 24時間}}]",
            "    handles: [カードの一時停止, 再交付の相談]",
            f"    topics: [t{i % max(1, n // 10)}]",
            "    source: law",
            "    checked: 2026-11-01",
        ]
    lines.append("trees:")
    for k in range(trees):
        lines += [
            f"  tree-{k}:",
            f"    title: 判断{k}",
            "    source: law",
            "    checked: 2026-11-01",
            "    start: q1",
            "    nodes:",
            "      q1: {kind: question, text: どこでなくしましたか,",
            "           options: [{label: 自宅, next: q2}, {label: 外, next: o2}]}",
            "      q2: {kind: question, text: 見つかりましたか,",
            "           options: [{label: はい, next: o1}, {label: いいえ, next: o2}]}",
            f"      o1: {{kind: outcome, title: 窓口で解除, steps: [窓口へ行く], contacts: [c{k}]}}",
            f"      o2: {{kind: outcome, title: 一時停止, steps: [電話する, 警察に届ける], contacts: [c{k}], "
            f"see: ['playbooks/p{k * 10}.md#first']}}",
        ]
    lines += [
        "glossary:",
        "  kojin-bangou: {term: 個人番号, reading: こじんばんごう, variants: [マイナンバー], definition: 12桁の番号。, "
        "source: law, checked: 2026-11-01}",
        "  card: {term: マイナンバーカード, reading: まいなんばーかーど, variants: [個人番号カード, マイナカード], "
        "definition: 顔写真付きのカード。, source: law, checked: 2026-11-01}",
        "  leak: {term: 漏えい, reading: ろうえい, variants: [漏洩, 流出, 漏れた], definition: 外に漏れること。, "
        "source: law, checked: 2026-11-01}",
        "facts:",
        *[f"  fact-{i}: {{text: 手数料は事実{i}です。, source: law, checked: 2026-11-01}}" for i in range(n)],
    ]
    return "\n".join(lines) + "\n"


def generate(project: Path, n: int, *, print_site: bool) -> None:
    trees = max(1, n // 10)
    for name in ("macros", "overrides"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    (project / "playbooks").mkdir()
    (project / "docs" / "playbooks").symlink_to("../playbooks")
    (project / "data").mkdir()
    (project / "data" / "mynumber.yml").write_text(data_yaml(n, trees), encoding="utf-8")
    index = PAGE.format(i="top", t=0, tree="").replace('fact("fact-top")', 'fact("fact-0")')
    (project / "docs" / "index.md").write_text(index.replace('contact("ctop")', 'contact("c0")'), encoding="utf-8")
    for i in range(n):
        tree = TREE.format(k=i // 10) if i % 10 == 0 else ""
        page = PAGE.format(i=i, t=i % max(1, n // 10), tree=tree)
        (project / "playbooks" / f"p{i}.md").write_text(page, encoding="utf-8")
    # Known questions, one per page: the build learns the search model from them (macros/question_model.py).
    questions = [f"  - {{query: 事実{i}の手数料をなくした, expect: playbooks/p{i}.html, set: bench}}" for i in range(n)]
    (project / "questions.yml").write_text("queries:\n" + "\n".join(questions) + "\n", encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0]
    config = config.replace("    overdue: warn", "    overdue: warn\n    max_age_days: 36500")
    config = re.sub(r"known_questions: \[.*\]", "known_questions: [questions.yml]", config)
    config = re.sub(r"help_pages: \[.*\]", "help_pages: [index.md]", config)
    config = config.replace("tests/search_queries.yml", "questions.yml")  # watched
    # The whole-site print page (print-site plugin) grows with the square of the site in both builds
    # (N=100: ~22 s of either build's ~22 s) and would hide what this benchmark compares; its cost
    # is measured separately with --with-print-site.
    if not print_site:
        config = re.sub(r"  # One printable page.*\n(  #.*\n)*  - print-site:\n(      .*\n)+", "", config)
    (project / "mkdocs.yml").write_text(config + "\n", encoding="utf-8")


def plain_copy(project: Path, plain: Path) -> None:
    """The same site for Material alone: macros expanded with the library, no macros plugin."""
    playbook = load_playbook(Project(project))
    calls = {
        "fact": playbook.fact,
        "contact": playbook.contact,
        "contact_table": lambda topic: playbook.contact_table(topic=topic),
        "tree": lambda tree_id: playbook.tree(tree_id, lambda ref: "../" + ref.replace(".md", ".html")),
        "tree_diagram": playbook.tree_diagram,
    }

    def expand(match: re.Match[str]) -> str:
        name, arg = match.group(1), match.group(3)
        return str(calls[name](arg))

    shutil.copytree(project, plain, symlinks=True, ignore=shutil.ignore_patterns("macros", "site"))
    for page in [*(plain / "playbooks").glob("*.md"), plain / "docs" / "index.md"]:
        # Exactly what the project's build feeds to Markdown: macros expanded, the page-info block
        # appended and the search terms added (see macros/adapter.py).
        front, body = page.read_text(encoding="utf-8").split("\n---\n", 1)
        body = re.sub(r'\{\{ (\w+)\((topic=)?"([^"]+)"\) \}\}', expand, body)
        src = page.relative_to(plain / "docs").as_posix() if page.name == "index.md" else f"playbooks/{page.name}"
        body = body + "\n\n" + playbook.page_info(src, body) + "\n"
        body = expand_for_search(body, playbook.data.glossary, re.findall(r"keywords: \[(.*)\]", front))
        page.write_text(front + "\n---\n" + body, encoding="utf-8")
    config = (plain / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"  - macros:\n(      .*\n)+", "", config).replace("  - macros\n", "")
    (plain / "mkdocs.yml").write_text(config, encoding="utf-8")


def build(project: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(project / "site")],
        cwd=project,
        check=True,
        capture_output=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return time.perf_counter() - start


def weights(site: Path) -> dict[str, int]:
    """Bytes of the heaviest page, of a first visit to the home page, and of the search index."""
    pages = [p for p in site.rglob("*.html")]
    heaviest = max(pages, key=lambda p: p.stat().st_size)
    home = (site / "index.html").read_text(encoding="utf-8")
    assets = re.findall(r'(?:src|href)="([^"#?]+\.(?:css|js))"', home)
    first_visit = len(home.encode()) + sum((site / a).stat().st_size for a in set(assets) if (site / a).exists())
    index = site / "search" / "search_index.js"
    return {
        "heaviest_page": heaviest.stat().st_size,
        "first_visit": first_visit + index.stat().st_size,
        "search_index": index.stat().st_size,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--with-print-site", action="store_true", help="keep the whole-site print page")
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = parser.parse_args(argv)
    rows = []
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as work:
            project, plain = Path(work) / "project", Path(work) / "plain"
            generate(project, n, print_site=args.with_print_site)
            plain_copy(project, plain)
            ours = statistics.median(build(project) for _ in range(args.runs))
            base = statistics.median(build(plain) for _ in range(args.runs))
            sizes = weights(project / "site")
            base_sizes = weights(plain / "site")
        rows.append((n, ours, base, sizes, base_sizes))
        print(f"N={n}: project {ours:.2f}s, plain Material {base:.2f}s, ratio {ours / base:.3f}, {sizes}", flush=True)
    report = render(rows, args.runs, print_site=args.with_print_site)
    args.output.write_text(report, encoding="utf-8")
    print(report)
    return 0


def render(rows: list[tuple[int, float, float, dict[str, int], dict[str, int]]], runs: int, *, print_site: bool) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Recorded {datetime.date.today().isoformat()} with `python benchmarks/bench.py` "
        f"(median of {runs} builds per cell).",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, MkDocs {version('mkdocs')}, Material {version('mkdocs-material')}, "
        f"mkdocs-macros {version('mkdocs-macros-plugin')}, pydantic {version('pydantic')}.",
        "",
        "Whole-site print page (print-site plugin): "
        + ("included in both builds." if print_site else "left out of both builds (rerun with --with-print-site)."),
        "",
        "| pages | contacts | trees | project build (s) | plain Material (s) | ratio | heaviest page (KiB) "
        "| first visit (KiB) | search index (KiB) | plain search index (KiB) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for n, ours, base, sizes, base_sizes in rows:
        lines.append(
            f"| {n} | {n} | {max(1, n // 10)} | {ours:.2f} | {base:.2f} | {ours / base:.3f} "
            f"| {sizes['heaviest_page'] / 1024:.1f} | {sizes['first_visit'] / 1024:.1f} "
            f"| {sizes['search_index'] / 1024:.1f} | {base_sizes['search_index'] / 1024:.1f} |"
        )
    if len(rows) > 1:
        lines += ["", "Growth (time for 10× the content, as a multiple; linear is 10×):", ""]
        for (n1, t1, b1, *_), (n2, t2, b2, *_) in itertools.pairwise(rows):
            lines.append(f"- {n1} → {n2} pages: project {t2 / t1:.2f}×, plain Material {b2 / b1:.2f}×")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
