"""Writing the generated tree: files rewritten only when their bytes change, stale files removed, the MkDocs
settings the site inherits (navigation, site name), and the drawn charts."""

from __future__ import annotations

import hashlib
import html
import logging
from pathlib import Path
from typing import Any

import yaml

from ..charts import render_charts
from ..validate import Repo
from .teks import url_aman

log = logging.getLogger("lkip")
NAV_BERKAS = "mkdocs-situs.yml"  # written beside the docs folder; mkdocs.yml inherits it (INHERIT)


class Penulis:
    """Writes files under one folder, only when bytes change, and removes what a run did not write."""

    def __init__(self, root: Path):
        self.root = root
        self.ditulis: set[Path] = set()
        self.sidik: dict[str, str] = {}  # rel → SHA-256 of what was written (the build cache records it)
        self.halaman = 0
        self.diubah = 0
        self.pdf: list = []  # PDF sources of the reports rendered through this writer (generator/pdf), compiled later

    def tulis(self, rel: str, data: str | bytes) -> None:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        path = self.root / rel
        self.ditulis.add(path)
        self.sidik[rel] = hashlib.sha256(raw).hexdigest()
        if rel.endswith(".md"):
            self.halaman += 1
        if path.is_file() and path.read_bytes() == raw:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(raw)
        self.diubah += 1

    def salin(self, rel: str, src: Path) -> None:
        self.tulis(rel, src.read_bytes())

    def stat(self, rel: str) -> list[int] | None:
        """``[size, mtime, inode, ctime]`` of a file under the folder (None when missing): any write, copy or
        timestamp change since the build cache recorded it changes at least one of them."""
        try:
            st = (self.root / rel).stat()
        except OSError:
            return None
        return [st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns]

    def sama(self, rel: str, sha: str, stat: list[int] | None) -> bool:
        """Keep an existing file without reading it when its stat is the one recorded after writing it."""
        if stat is None or self.stat(rel) != list(stat):
            return False
        self.ditulis.add(self.root / rel)
        self.sidik[rel] = sha
        if rel.endswith(".md"):
            self.halaman += 1
        return True

    def akan_ditulis(self, rel: str) -> None:
        """A file written later in this run (a chart still being drawn): :meth:`bersihkan` keeps it."""
        self.ditulis.add(self.root / rel)

    def bersihkan(self) -> int:
        removed = 0
        if not self.root.is_dir():
            return 0
        for path in sorted(self.root.rglob("*"), reverse=True):
            if path.is_file() or path.is_symlink():
                if path not in self.ditulis:
                    path.unlink()
                    removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        return removed


class Kumpul:
    """A writer that keeps files in memory (same interface as :class:`Penulis`), for rendering in a worker."""

    def __init__(self) -> None:
        self.berkas: dict[str, bytes] = {}
        self.pdf: list = []  # PDF sources (generator/pdf), compiled once the charts are drawn

    def tulis(self, rel: str, data: str | bytes) -> None:
        self.berkas[rel] = data.encode("utf-8") if isinstance(data, str) else data

    def salin(self, rel: str, src: Path) -> None:
        self.tulis(rel, src.read_bytes())


def periksa_folder(out_dir: Path) -> None:
    """Refuse to clean a folder that is obviously not a generated docs folder."""
    for marker in ("mkdocs.yml", "agencies", ".git", "generator", "pyproject.toml"):
        if (out_dir / marker).exists():
            raise RuntimeError(f"{out_dir} berisi '{marker}': bukan folder hasil pembangunan; render dibatalkan agar tidak menghapus apa pun")


def nav_teks(s: str) -> str:
    # MkDocs themes insert nav titles without escaping: escape data here
    return html.escape(" ".join(s.split()), quote=False)


def tulis_pengaturan(path: Path, repo: Repo, nav: list, folder_instansi: list[str]) -> None:
    site = repo.site
    data: dict[str, Any] = {"site_name": html.escape(site.judul_situs, quote=False), "site_description": html.escape(f"{site.judul_situs} — {site.pemda}", quote=True)}
    if url_aman(site.url):
        data["site_url"] = site.url.strip()  # type: ignore[union-attr]
    data["nav"] = nav
    if folder_instansi:  # pages deliberately outside the navigation (MkDocs would list each as omitted)
        data["not_in_nav"] = "".join(f"/{slug}/\n" for slug in folder_instansi)
    text = ("# Dihasilkan oleh 'lkip build' (generator/render/tulis.py); jangan disunting.\n"
            + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000))
    raw = text.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file() or path.read_bytes() != raw:
        path.write_bytes(raw)


def tulis_grafik(jobs: list[tuple[Path, list]], cache_dir: Path, w: Penulis, out_dir: Path, sudah=None) -> dict:
    """Draw (or take from the chart cache) the charts of ``jobs`` and write them through ``w``; ``sudah``: their
    drawing, started earlier (``charts.mulai_gambar``)."""
    stats = render_charts(jobs, cache_dir, tulis=lambda path, data: w.tulis(path.relative_to(out_dir).as_posix(), data), sudah=sudah)
    for g in stats["gagal"]:
        log.warning("peringatan: grafik gagal digambar (ditampilkan sebagai teks): %s", g)
    return stats
