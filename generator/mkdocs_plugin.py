"""MkDocs plugin ``lkip``: generated tables and figures are inserted after Markdown conversion.

See :mod:`generator.fragmen`. Registered as an entry point in ``pyproject.toml`` and enabled in ``mkdocs.yml``.
"""

from __future__ import annotations

from mkdocs.plugins import BasePlugin

from . import fragmen


class LkipPlugin(BasePlugin):
    def __init__(self) -> None:
        self._blok: dict[str, list[str]] = {}

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        body, blok = fragmen.ambil(markdown)
        self._blok[page.file.src_uri] = blok
        return body

    def on_page_content(self, html: str, page, config, files) -> str:
        blok = self._blok.pop(page.file.src_uri, [])
        if blok:
            if page.present_anchor_ids is not None:
                page.present_anchor_ids |= fragmen.id_dalam(blok)
            html = fragmen.sisipkan(html, blok)
        return html
