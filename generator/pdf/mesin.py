"""Compiling a report's PDF with Typst (the ``typst`` wheel: no browser, no system fonts), cached by input hash.

The PDF of a report depends only on its Typst source and metadata (from the render stage), the files it shows
(charts, photos, logo), the template (``theme/pdf/``) and the Typst version; the SHA-256 of all of them names the
cached file in ``.lkip-cache/pdf/``, so an unchanged report is never compiled again, and the same input gives the
same bytes. No clock: the document's date is the signing date in the data (``penandatangan.tanggal``), or 1970-01-01 —
not SOURCE_DATE_EPOCH or the commit date, which would change (and rebuild) every PDF at every commit.
Fonts: only those bundled in Typst (``ignore_system_fonts``), embedded in the PDF.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

from .dokumen import SumberPdf

FORMAT = "2"
# tagged PDF/UA-1 (accessible) and PDF/A-2a (archival, "a": with its structure); Typst refuses a document that
# breaks a rule it can check (no title, an image without alt text, a font it cannot embed, …)
STANDAR = ["ua-1", "a-2a"]
UTAMA = '#import "laporan.typ": *\n#let meta = json(bytes(sys.inputs.meta))\n#show: dokumen.with(meta)\n#sampul(meta)\n'


def folder_templat(root: Path) -> Path:
    """``theme/pdf`` of the repository, else the one beside this package (as for the page templates)."""
    own = root / "theme" / "pdf"
    return own if (own / "laporan.typ").is_file() else Path(__file__).resolve().parents[2] / "theme" / "pdf"


def versi_typst() -> str:
    """Versions of what writes the PDF bytes (Typst, and pikepdf/qpdf which packs them)."""
    from importlib import metadata

    out = []
    for nama in ("typst", "pikepdf"):
        try:
            out.append(f"{nama} {metadata.version(nama)}")
        except metadata.PackageNotFoundError:
            out.append(f"{nama} -")
    return ", ".join(out)


def _isi_berkas(s: SumberPdf, docs: Path) -> dict[str, bytes]:
    """The files the PDF shows, by their name inside the Typst root (charts from the docs folder, media from disk)."""
    out: dict[str, bytes] = {}
    for nama, rel in s.berkas.items():
        src = Path(s.media[rel]) if rel in s.media else docs / rel
        out[nama] = src.read_bytes()
    if s.meta.get("logo") and s.meta.get("logo_rel") in s.media:
        out[s.meta["logo"]] = Path(s.media[s.meta["logo_rel"]]).read_bytes()
    return out


def _detik(tanggal: list | None) -> int:
    """The PDF's creation date as Unix time: the signing date at 00:00 UTC, or 1 January 1970 when the data has none
    (Typst would otherwise write the current time)."""
    import datetime as dt

    return int(dt.datetime(*tanggal, tzinfo=dt.timezone.utc).timestamp()) if tanggal else 0


def kunci(s: SumberPdf, berkas: dict[str, bytes], templat: Path) -> str:
    h = hashlib.sha256(f"{FORMAT}|typst {versi_typst()}|".encode())
    for p in sorted(templat.glob("*")) if templat.is_dir() else []:
        h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    h.update(json.dumps(s.meta, sort_keys=True, ensure_ascii=False).encode("utf-8") + b"\0")
    h.update(s.typst.encode("utf-8") + b"\0")
    for nama in sorted(berkas):
        h.update(nama.encode() + b"\0" + hashlib.sha256(berkas[nama]).digest())
    return h.hexdigest()


def kompilasi(s: SumberPdf, berkas: dict[str, bytes], templat: Path) -> bytes:
    """Compile one report's PDF in a temporary Typst root. Raises RuntimeError with Typst's message."""
    import typst

    with tempfile.TemporaryDirectory(prefix="lkip-pdf-") as tmp:
        d = Path(tmp)
        for p in templat.glob("*.typ"):
            shutil.copyfile(p, d / p.name)
        for nama, data in berkas.items():
            (d / nama).parent.mkdir(parents=True, exist_ok=True)
            (d / nama).write_bytes(data)
        (d / "utama.typ").write_text(UTAMA + s.typst, encoding="utf-8")
        try:
            data = typst.compile(str(d / "utama.typ"), root=str(d), font_paths=[], ignore_system_fonts=True,
                                 sys_inputs={"meta": json.dumps(s.meta, ensure_ascii=False)}, pdf_standards=STANDAR,
                                 timestamp=_detik(s.meta.get("tanggal_dokumen")))
        except Exception as e:  # typst.TypstError and friends: the message, not a traceback
            raise RuntimeError(" ".join(str(e).split())[:500]) from None
    return padatkan(data)


def padatkan(data: bytes) -> bytes:
    """The same PDF with its objects in compressed object streams (qpdf through pikepdf): a tagged PDF is mostly
    structure elements, one small object each, so this takes it to about a third of its size. Deterministic
    (``deterministic_id``); allowed by PDF/A-2 and PDF/UA-1. Without pikepdf the PDF is kept as Typst wrote it."""
    import io

    try:
        import pikepdf
    except ImportError:
        return data
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True, deterministic_id=True)
    return out.getvalue()


def bangun(sumber: list[SumberPdf], root: Path, docs: Path, tulis, workers: int | None = None) -> dict:
    """Build (or take from ``.lkip-cache/pdf/``) every PDF of ``sumber``; ``tulis(rel, bytes)`` writes each.

    Typst releases the GIL while it compiles, so the PDFs not in the cache are compiled by ``workers`` threads
    (default: one per core) — in the build, alongside MkDocs and Pagefind, which run in their own processes.
    Returns ``{"dibangun": n, "dari_cache": n, "gagal": [messages], "detik": s, "ukuran": {rel: bytes}}``."""
    from concurrent.futures import ThreadPoolExecutor

    t0 = time.perf_counter()
    cache = root / ".lkip-cache" / "pdf"
    templat = folder_templat(root)
    stats: dict = {"dibangun": 0, "dari_cache": 0, "gagal": [], "ukuran": {}}
    tugas: list[tuple[SumberPdf, dict, Path]] = []
    for s in sumber:
        try:
            berkas = _isi_berkas(s, docs)
        except OSError as e:
            stats["gagal"].append(f"{s.rel}: berkas gambar tidak terbaca ({e.filename})")
            continue
        k = kunci(s, berkas, templat)
        tugas.append((s, berkas, cache / k[:2] / f"{k}.pdf"))

    def satu(t: tuple[SumberPdf, dict, Path]) -> bytes | str:
        s, berkas, path = t
        if path.is_file():
            os.utime(path)  # recently used: kept by bersihkan()
            return path.read_bytes()
        try:
            data = kompilasi(s, berkas, templat)
        except RuntimeError as e:
            return f"{s.rel}: {e}"
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.stem}.{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        return data

    baru = sum(1 for _, _, p in tugas if not p.is_file())
    n = max(1, min(workers or os.cpu_count() or 1, baru))
    gagal_kompilasi = 0
    with ThreadPoolExecutor(max_workers=n, thread_name_prefix="lkip-pdf") as pool:
        for (s, _, path), hasil in zip(tugas, pool.map(satu, tugas)):
            if isinstance(hasil, str):
                stats["gagal"].append(hasil)
                gagal_kompilasi += 1
                continue
            stats["ukuran"][s.rel] = len(hasil)
            tulis(s.rel, hasil)  # in order, from this thread
    stats["dibangun"] = baru - gagal_kompilasi
    stats["dari_cache"] = len(tugas) - baru
    stats["detik"] = time.perf_counter() - t0
    return stats


def bersihkan(root: Path, simpan: int = 400) -> None:
    """Keep the PDF cache bounded: the ``simpan`` most recently written entries stay."""
    cache = root / ".lkip-cache" / "pdf"
    files = sorted((p for p in cache.glob("*/*.pdf")), key=lambda p: p.stat().st_mtime_ns, reverse=True) if cache.is_dir() else []
    for p in files[simpan:]:
        p.unlink(missing_ok=True)
