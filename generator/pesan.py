"""How problems reach the user: one exception type for data errors, warnings through :mod:`logging`.

- :class:`GalatData` carries the list of :class:`~generator.load.Masalah` that stopped a stage; the CLI prints
  them (``file:line:col: …``) and exits 1. Nothing else is raised for bad data.
- Warnings (validation warnings, audit findings replayed from the build log, render warnings) go to the ``lkip``
  logger; :func:`siapkan` sends them to stderr, and ``--strict`` counts them (:class:`Penghitung`), as MkDocs does.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Iterator

from .load import Masalah

log = logging.getLogger("lkip")
FORMAT = {"nilai": "teks"}  # "teks" (file:line:col) or "github" (GitHub Actions annotations); set by the CLI


class GalatData(Exception):
    """The data has errors: nothing was written. ``masalah`` lists them (warnings may be among them)."""

    def __init__(self, masalah: list[Masalah], saran: str = "Perbaiki lalu jalankan ulang 'lkip validate'."):
        self.masalah, self.saran = masalah, saran
        super().__init__(f"{self.jumlah} galat ditemukan")

    @property
    def jumlah(self) -> int:
        return sum(m.tingkat == "galat" for m in self.masalah)


def teks_masalah(m: Masalah) -> str:
    if FORMAT["nilai"] == "github":  # GitHub Actions annotates the offending YAML line in the pull request
        level = "error" if m.tingkat == "galat" else "warning"
        msg = (f"{m.jalur}: " if m.jalur else "") + m.pesan
        return f"::{level} file={m.lokasi.file},line={m.lokasi.line},col={m.lokasi.col}::{msg}"
    return str(m)


def cetak_masalah(masalah: list[Masalah]) -> None:
    """Print problems: errors to stderr, warnings through the ``lkip`` logger (counted by ``--strict``)."""
    for m in masalah:
        if m.tingkat == "galat":
            print(teks_masalah(m), file=sys.stdout if FORMAT["nilai"] == "github" else sys.stderr)
        else:
            log.warning(teks_masalah(m))


def cetak_galat(e: GalatData, tambahan: str = "") -> None:
    cetak_masalah(e.masalah)
    print(f"\n{e.jumlah} galat ditemukan. {e.saran}{tambahan}", file=sys.stderr)


class _KeStderr(logging.Handler):
    """Writes each record's message to the *current* ``sys.stderr`` (so tests capturing stderr see it)."""

    def emit(self, record: logging.LogRecord) -> None:
        stream = sys.stdout if FORMAT["nilai"] == "github" and record.getMessage().startswith("::") else sys.stderr
        print(record.getMessage(), file=stream)


class Penghitung(logging.Handler):
    """Counts warnings (``--strict`` turns them into a failure)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.n = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.n += 1


def siapkan() -> None:
    """Send the ``lkip`` logger's warnings to stderr, once."""
    if not any(isinstance(h, _KeStderr) for h in log.handlers):
        log.addHandler(_KeStderr())
        log.setLevel(logging.INFO)
        log.propagate = False


@contextlib.contextmanager
def tangkap() -> Iterator[list[str]]:
    """Collect the ``lkip`` logger's messages instead of printing them (a build worker keeps them for its log)."""
    lines: list[str] = []

    class _Kumpul(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(record.getMessage())

    h = _Kumpul()
    saved, saved_prop, saved_level = log.handlers[:], log.propagate, log.level
    log.handlers[:] = [h]
    log.propagate = False
    log.setLevel(logging.INFO)
    try:
        yield lines
    finally:
        log.handlers[:] = saved
        log.propagate, log.level = saved_prop, saved_level
