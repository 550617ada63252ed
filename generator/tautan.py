"""Relative URLs between generated pages and files (MkDocs ``use_directory_urls: true``)."""

from __future__ import annotations

import posixpath


def page_url(md_path: str) -> str:
    """``a/b/index.md`` → ``a/b/``; ``a/b/c.md`` → ``a/b/c/``; ``index.md`` → ``""``."""
    p = md_path[:-3] if md_path.endswith(".md") else md_path
    if p == "index":
        return ""
    if p.endswith("/index"):
        return p[: -len("index")]
    return p + "/"


def rel_url(src_md: str, dst_md: str, anchor: str | None = None) -> str:
    """Link from one generated page to another page (``.md``) or to a file (image), relative."""
    if not dst_md.endswith(".md"):
        return posixpath.relpath(dst_md, page_url(src_md).rstrip("/") or ".")
    src, dst = page_url(src_md), page_url(dst_md)
    if src == dst:
        out = ""
    else:
        out = posixpath.relpath(dst or ".", src.rstrip("/") or ".")
        out = "./" if out == "." else out + "/"
    if anchor:
        return f"{out}#{anchor}"
    return out or "./"
