"""Graph rules of a decision tree, and the walk both renderers share.

Each rule names the place in the tree it is about, as a location relative to the tree entry.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .models import Outcome, Question, Tree
from .yamlfile import Loc


@dataclass(frozen=True)
class TreeProblem:
    loc: Loc
    message: str
    at_key: bool = False


def edges(tree: Tree, node_id: str) -> list[str]:
    node = tree.nodes[node_id]
    return [option.next for option in node.options if option.next in tree.nodes] if isinstance(node, Question) else []


def tree_problems(tree: Tree) -> list[TreeProblem]:
    if tree.start not in tree.nodes:
        return [TreeProblem(("start",), f"no node '{tree.start}' in this tree; nodes are: {', '.join(tree.nodes)}")]
    problems = list(_dangling(tree))
    reachable = _reachable(tree, [tree.start], forward=True)
    problems += [
        TreeProblem(("nodes", node_id), f"node is unreachable: no option leads here from start '{tree.start}'", True)
        for node_id in tree.nodes
        if node_id not in reachable
    ]
    outcomes = [node_id for node_id, node in tree.nodes.items() if isinstance(node, Outcome)]
    finishing = _reachable(tree, outcomes, forward=False)
    problems += [
        TreeProblem(("nodes", node_id), "no path from this question reaches an outcome", True)
        for node_id in tree.nodes
        if node_id in reachable and node_id not in finishing
    ]
    problems += _cycles(tree)
    return problems


def _dangling(tree: Tree) -> Iterator[TreeProblem]:
    for node_id, node in tree.nodes.items():
        if isinstance(node, Question):
            for index, option in enumerate(node.options):
                if option.next not in tree.nodes:
                    yield TreeProblem(
                        ("nodes", node_id, "options", index, "next"),
                        f"no node '{option.next}' in this tree; nodes are: {', '.join(tree.nodes)}",
                    )


def _reachable(tree: Tree, starts: list[str], *, forward: bool) -> set[str]:
    if forward:
        step = {node_id: edges(tree, node_id) for node_id in tree.nodes}
    else:
        step = {node_id: [] for node_id in tree.nodes}
        for node_id in tree.nodes:
            for target in edges(tree, node_id):
                step[target].append(node_id)
    seen, stack = set(starts), list(starts)
    while stack:
        for target in step[stack.pop()]:
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return seen


def _cycles(tree: Tree) -> list[TreeProblem]:
    """One problem per option that leads back to a node on the current path (depth-first)."""
    problems: list[TreeProblem] = []
    done: set[str] = set()

    def visit(node_id: str, path: list[str]) -> None:
        node = tree.nodes[node_id]
        if isinstance(node, Question):
            for index, option in enumerate(node.options):
                if option.next in path:
                    loop = " → ".join([*path[path.index(option.next) :], option.next])
                    problems.append(
                        TreeProblem(
                            ("nodes", node_id, "options", index, "next"),
                            f"this option leads back to '{option.next}', a loop ({loop}); "
                            "every path must end at an outcome",
                        )
                    )
                elif option.next in tree.nodes and option.next not in done:
                    visit(option.next, [*path, option.next])
        done.add(node_id)

    visit(tree.start, [tree.start])
    return problems


@dataclass(frozen=True)
class Step:
    """A node as the outline shows it: in full where first met, else as a reference."""

    node_id: str
    node: Question | Outcome
    branches: tuple[tuple[str, Step], ...]  # (option label, where it leads)
    repeat: bool = False  # already shown earlier in the walk


def walk(tree: Tree) -> Step:
    """Depth-first from the start; a node reached a second time is a reference, not a copy."""
    shown: set[str] = set()

    def step(node_id: str) -> Step:
        node = tree.nodes[node_id]
        if node_id in shown:
            return Step(node_id, node, (), repeat=True)
        shown.add(node_id)
        branches = tuple((o.label, step(o.next)) for o in node.options) if isinstance(node, Question) else ()
        return Step(node_id, node, branches)

    return step(tree.start)
