"""Precompressed copies of the site's text files: ``halaman.html`` → ``halaman.html.gz`` and ``halaman.html.br``.

A web server that finds the ``.br`` or ``.gz`` sends it as is (nginx ``gzip_static on``, Apache ``mod_rewrite`` + ``mod_headers``,
see *Panduan → Menerbitkan dari CI*), so it spends no CPU per request,
while a server without compression still serves the plain files. Called by the publish step (generator/situs.py)
on the staging folder after MkDocs and Pagefind, before its manifest is taken: the ``.gz`` files are then
published, and copied only when changed, like every other file.

Only text files (:data:`JENIS`) are compressed, and only those that changed since the last build: a file whose
size, times and inode equal the previous manifest's, and whose ``.gz`` does too, is skipped. Output is
byte-identical for identical input (gzip ``mtime=0``, no file name in the header; Brotli has no header fields).
Brotli (the ``brotli`` package, Google's encoder) at quality 5: the PPU 2024 BAB III page, 168,6 KB, becomes
17,5 KB in 1,9 ms of CPU (gzip level 5: 21,2 KB in 1,5 ms; Brotli 4: 19,3 KB; Brotli 11: 15,6 KB in 194 ms). Large batches are
compressed in a process pool.
"""

from __future__ import annotations

import gzip
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import brotli

JENIS = (".html", ".css", ".js", ".json", ".svg", ".csv", ".xml")
TERKECIL = 512  # bytes: below this a .gz saves less than a TCP packet
TINGKAT = 5  # 40 × 3 portal, 117 MB of text: level 5 1,35 s CPU → 22,3 MB; 6: 1,85 s → 21,9 MB; 9: 2,6 × the time of 5
TINGKAT_BR = 5  # Brotli quality: 4 is 10 % larger, 6 only 2 % smaller, 11 a hundred times slower
PENGKODE = {".gz": lambda data: gzip.compress(data, compresslevel=TINGKAT, mtime=0),
            ".br": lambda data: brotli.compress(data, quality=TINGKAT_BR)}
_POOL_MULAI = 400  # files: below this one process is faster than starting a pool


def _stat(st: os.stat_result) -> list:
    return [st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns]


def _satu(path: str) -> bool:
    """Write ``path.gz`` and ``path.br`` (or remove stale ones when compressing does not pay). True when written."""
    data = Path(path).read_bytes()
    tulis = False
    for akhiran, kode in PENGKODE.items():
        out = path + akhiran
        isi = kode(data)
        if len(isi) >= len(data) - 64:
            if os.path.exists(out):
                os.unlink(out)
            continue
        tmp = f"{out}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            f.write(isi)
        os.replace(tmp, out)
        tulis = True
    return tulis


def _kumpulan(paths: list[str]) -> int:
    return sum(_satu(p) for p in paths)


def _sama(lama: dict, rel: str, st: os.stat_result, ada: set[str], full: str) -> bool:
    """True when the file and each of its compressed copies are as the previous manifest recorded them."""
    old = lama.get(rel)
    if not old or old[:4] != _stat(st):
        return False
    name = os.path.basename(full)
    for akhiran in PENGKODE:
        if name + akhiran not in ada or lama.get(rel + akhiran) is None:
            return False
        if _stat(os.stat(full + akhiran)) != lama[rel + akhiran][:4]:
            return False
    return True


def kompres(folder: Path, lama: dict | None = None, workers: int | None = None) -> int:
    """Write or refresh ``.gz`` and ``.br`` beside every text file of ``folder`` that changed since ``lama`` (a manifest of
    :func:`generator.situs.pindai`: relative path → [size, mtime_ns, inode, ctime_ns, sha256]); delete ``.gz``
    files whose source is gone. Returns the number of files compressed or copies deleted."""
    lama = lama or {}
    tugas: list[str] = []
    n = 0
    for dirpath, _dirs, files in os.walk(folder):
        ada = set(files)
        rel_dir = os.path.relpath(dirpath, folder)
        pre = "" if rel_dir == "." else rel_dir.replace(os.sep, "/") + "/"
        for name in files:
            full = os.path.join(dirpath, name)
            if name.endswith((".gz", ".br")):
                src = name[:-3]
                if src.endswith(JENIS) and src not in ada:
                    os.unlink(full)
                    n += 1
                continue
            if not name.endswith(JENIS):
                continue
            st = os.stat(full)
            if st.st_size < TERKECIL:
                continue
            rel = pre + name
            if _sama(lama, rel, st, ada, full):
                continue
            tugas.append(full)
    if not tugas:
        return n
    workers = workers or min(8, os.cpu_count() or 1)
    if len(tugas) < _POOL_MULAI or workers == 1:
        return n + _kumpulan(tugas)
    tugas.sort(key=lambda p: -os.path.getsize(p))
    bagian = [tugas[i::workers * 4] for i in range(workers * 4)]  # big files spread over the batches
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return n + sum(pool.map(_kumpulan, bagian))
