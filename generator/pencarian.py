"""Stage 6 — search: index the built site with Pagefind, with byte-identical output for identical input.

Pagefind (``pagefind[bin]``) writes ``pagefind/`` into the built site: one Indonesian index (stemming, so
"capaian" finds "pencapaian" and "latih" finds "pelatihan"), split in chunks the browser loads only as a
query needs them, plus filters (agency, year) read from the ``<meta data-pagefind-filter>`` elements that
theme/overrides/main.html writes from each page's front matter.

Pagefind writes the values of a filter in hash-map order, which changes from run to run (its fragments and
word index are stable). :func:`stabilkan` rewrites those few files in sorted order, names them after their
content as Pagefind does, and updates the two files that point to them, so two builds of the same input
give the same bytes. If Pagefind's format is not the one understood here, the files are left as written.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from pathlib import Path

LANGUAGE = "id"
# Not indexed: numbers in table cells (``td.angka``), so tables' figures do not flood the index, while a
# table's caption, column headers and row headers (indicator, sasaran and program names) are; permalink
# marks (¶); audit marks (a numbered circle, explained on the report's audit page).
EXCLUDE = ("td.angka", ".headerlink", ".tanda-periksa", ".asal-portal")
_SIG = b"pagefind_dcd"


def run_pagefind(site: Path) -> subprocess.CompletedProcess:
    """Index the built site in ``site`` (writes ``site/pagefind/``), then make the output reproducible."""
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site), "--force-language", LANGUAGE, "--quiet"]
    for selector in EXCLUDE:
        cmd += ["--exclude-selectors", selector]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.SubprocessError) as e:
        return subprocess.CompletedProcess(cmd, 1, "", str(e))
    if proc.returncode == 0:
        try:
            stabilkan(site / "pagefind")
        except _Format as e:
            proc.stderr += f"\nperingatan: berkas filter Pagefind tidak distabilkan ({e}); keluaran bisa berbeda antar pembangunan"
    return proc


# ---------------------------------------------------------------------------------------------------
# Reproducible filter files


class _Format(Exception):
    pass


def _dec(b: bytes, i: int = 0):
    """Decode the CBOR subset Pagefind writes (unsigned ints, text, bytes, arrays, maps)."""
    if i >= len(b):
        raise _Format("CBOR terpotong")
    mt, ai = b[i] >> 5, b[i] & 31
    i += 1
    if ai < 24:
        n = ai
    elif ai in (24, 25, 26, 27):
        k = 1 << (ai - 24)
        n, i = int.from_bytes(b[i:i + k], "big"), i + k
    else:
        raise _Format(f"CBOR tak dikenal ({mt}/{ai})")
    if mt == 0:
        return n, i
    if mt in (2, 3):
        raw, i = b[i:i + n], i + n
        return (raw.decode("utf-8") if mt == 3 else raw), i
    if mt == 4:
        out = []
        for _ in range(n):
            v, i = _dec(b, i)
            out.append(v)
        return out, i
    raise _Format(f"CBOR tak dikenal ({mt})")


def _head(mt: int, n: int) -> bytes:
    if n < 24:
        return bytes([mt << 5 | n])
    for ai, k in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * k):
            return bytes([mt << 5 | ai]) + n.to_bytes(k, "big")
    raise _Format("bilangan terlalu besar")


def _enc(v) -> bytes:
    if isinstance(v, bool) or v is None:
        raise _Format("nilai CBOR tak dikenal")
    if isinstance(v, int):
        return _head(0, v)
    if isinstance(v, str):
        raw = v.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(v, bytes):
        return _head(2, len(v)) + v
    if isinstance(v, list):
        return _head(4, len(v)) + b"".join(_enc(x) for x in v)
    raise _Format("nilai CBOR tak dikenal")


def _read(path: Path):
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(_SIG):
        raise _Format(f"{path.name}: tanda tangan tak dikenal")
    value, end = _dec(raw, len(_SIG))
    if end != len(raw) or _enc(value) != raw[len(_SIG):]:
        raise _Format(f"{path.name}: isi tak dikenal")
    return value


def _write(folder: Path, stem: str, digits: int, suffix: str, value) -> str:
    """Write ``value`` as ``{stem}_{hash}{suffix}`` (hash of the content); returns the ``{stem}_{hash}`` name."""
    raw = _SIG + _enc(value)
    name = f"{stem}_{hashlib.sha256(raw).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    return name


def stabilkan(bundle: Path) -> None:
    """Rewrite each language's filter files (values and pages sorted) and its meta file that names them."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    text = entry_path.read_text(encoding="utf-8")
    for lang, info in sorted(entry.get("languages", {}).items()):
        old_meta = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(old_meta)
        if not (isinstance(meta, list) and len(meta) >= 4 and isinstance(meta[3], list)):
            raise _Format("pf_meta tak dikenal")
        filters = []
        for item in meta[3]:
            if not (isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item)):
                raise _Format("daftar filter tak dikenal")
            name, h = item
            old = bundle / "filter" / f"{h}.pf_filter"
            value = _read(old)
            if not (isinstance(value, list) and len(value) == 2 and isinstance(value[1], list)):
                raise _Format("filter tak dikenal")
            values = sorted(([v[0], sorted(v[1])] for v in value[1]), key=lambda v: v[0])
            stem = h.rsplit("_", 1)[0]
            new = _write(bundle / "filter", stem, len(h) - len(stem) - 1, ".pf_filter", [value[0], values])
            if new != h:
                old.unlink()
            filters.append([name, new])
        meta[3] = sorted(filters)
        stem = info["hash"].rsplit("_", 1)[0]
        new_meta = _write(bundle, f"pagefind.{stem}", len(info["hash"]) - len(stem) - 1, ".pf_meta", meta)
        new_hash = new_meta.removeprefix("pagefind.")
        if new_hash != info["hash"]:
            old_meta.unlink()
            text = text.replace(f'"{info["hash"]}"', f'"{new_hash}"')
    entry_path.write_text(text, encoding="utf-8")
