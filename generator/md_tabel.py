"""Python-Markdown extension (mkdocs.yml) for the hand-written pages of content/: accessible pipe tables.

A paragraph ``Tabel: <judul>`` directly above a pipe table becomes that table's ``<caption>``; every ``<th>``
gets ``scope`` (``col`` in the head, ``row`` in the body). Generated report pages write their tables as HTML
(theme/templates/_makro.md.j2) and are not touched. tests/browser/test_a11y.py checks every built table.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

AWALAN = "Tabel:"
log = logging.getLogger("mkdocs.lkip.md_tabel")


class TabelAksesibel(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            children = list(parent)
            for i, table in enumerate(children):
                if table.tag != "table":
                    continue
                for part in table:
                    for th in part.iter("th"):
                        th.set("scope", th.get("scope") or ("col" if part.tag == "thead" else "row"))
                if table.find("caption") is not None:
                    continue
                prev = children[i - 1] if i else None
                if prev is None or prev.tag != "p" or not (prev.text or "").lstrip().startswith(AWALAN):
                    log.warning("tabel tanpa judul: tulis baris 'Tabel: <judul>' tepat di atas tabel")
                    continue
                caption = etree.Element("caption")
                caption.text = (prev.text or "").lstrip()[len(AWALAN):].lstrip()
                caption.extend(list(prev))
                table.insert(0, caption)
                parent.remove(prev)


class TabelExtension(Extension):
    def extendMarkdown(self, md) -> None:
        # after inline patterns (20), so the caption keeps its inline markup; before attr_list (8)
        md.treeprocessors.register(TabelAksesibel(md), "lkip_tabel", 15)


def makeExtension(**kwargs) -> TabelExtension:
    return TabelExtension(**kwargs)
