"""Machine-readable exports of the data, published with the site and embedded for the wizard."""

from __future__ import annotations

import json
from typing import Any

from .models import Document, Tree


def tree_json(tree: Tree) -> dict[str, Any]:
    return tree.model_dump(mode="json", exclude={"override"})


def trees_json(data: Document) -> dict[str, Any]:
    return {tree_id: tree_json(tree) for tree_id, tree in data.trees.items()}


def contacts_json(data: Document) -> dict[str, Any]:
    return {cid: contact.model_dump(mode="json", exclude={"override"}) for cid, contact in data.contacts.items()}


def api_files(data: Document) -> dict[str, str]:
    """Files to publish under the site root: `api/trees.json` and `api/contacts.json`."""
    return {
        "api/trees.json": json.dumps(trees_json(data), ensure_ascii=False, indent=2) + "\n",
        "api/contacts.json": json.dumps(contacts_json(data), ensure_ascii=False, indent=2) + "\n",
    }
