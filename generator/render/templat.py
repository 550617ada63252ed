"""The Jinja2 environment of the report and portal templates (theme/templates)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .. import format as fmt
from .halaman import JUDUL_HALAMAN
from .teks import (
    KOSONG,
    angka,
    hasil_teks,
    judul_md,
    markdown_html,
    nama_dasar_hukum,
    nilai,
    persen,
    persen_ringkas,
    rupiah,
    rupiah_ringkas,
    teks_sel,
    url_aman,
)


def template_dir(root: Path) -> Path:
    own = root / "theme" / "templates"
    return own if own.is_dir() else Path(__file__).resolve().parents[2] / "theme" / "templates"


def buat_env(folder: Path) -> Environment:
    env = Environment(loader=FileSystemLoader(str(folder)), autoescape=True, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True, undefined=StrictUndefined)
    env.filters.update(
        angka=angka, persen=persen, rupiah=rupiah, rupiah_ringkas=rupiah_ringkas, persen_ringkas=persen_ringkas, tanggal=fmt.tanggal, nip=fmt.nip,
        arah=fmt.arah_teks, md=markdown_html, judul=judul_md, hasil=hasil_teks, sel=teks_sel, dasar_hukum=nama_dasar_hukum, url_aman=url_aman,
        capitalize_first=lambda x: (str(x)[:1].upper() + str(x)[1:]) if x else "",
    )
    env.globals.update(KOSONG=KOSONG, nilai=nilai, JUDUL_HALAMAN=JUDUL_HALAMAN)
    return env
