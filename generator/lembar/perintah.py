"""The ``lkip templat``, ``lkip ekspor`` and ``lkip impor`` subcommands (registered into the CLI by :func:`daftarkan`)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def _tulis_buku(args, perintah: str) -> int:
    """Write the workbook of ``args.slug`` / ``args.tahun``; ``ekspor`` requires that year's data to exist."""
    from ..load import LoadError
    from .data import muat_instansi
    from .templat import buat_templat, daftar_predikat

    out = Path(args.out) if args.out else Path(f"{args.slug}-{args.tahun}.xlsx")
    if out.suffix.lower() != ".xlsx":
        print(f"galat: {perintah} ditulis sebagai .xlsx (Excel dan LibreOffice membukanya); ganti nama keluaran '{out.name}'", file=sys.stderr)
        return 2
    if not 1945 <= args.tahun <= 2100:
        print(f"galat: tahun {args.tahun} di luar rentang 1945–2100", file=sys.stderr)
        return 2
    try:
        profil, lap, sumber = muat_instansi(args.root, args.slug, args.tahun)
    except FileNotFoundError as exc:
        print(f"galat: {exc}", file=sys.stderr)
        return 1
    except LoadError as exc:
        print(f"galat: data instansi belum valid; perbaiki dulu (lkip validate):\n{exc}", file=sys.stderr)
        return 1
    if perintah == "ekspor" and sumber != f"data {args.tahun}":
        print(f"galat: belum ada data tahun {args.tahun} di agencies/{args.slug}/; untuk tahun baru buat lembar isian dengan: "
              f"lkip templat {args.slug} {args.tahun}", file=sys.stderr)
        return 1
    wb = buat_templat(args.slug, args.tahun, profil if isinstance(profil, dict) else {}, lap, daftar_predikat(args.root, lap), sumber)
    out.parent.mkdir(parents=True, exist_ok=True)
    part = out.with_name(f".{out.name}.part")
    try:
        wb.save(part)
        os.replace(part, out)
    except OSError as exc:
        part.unlink(missing_ok=True)
        print(f"galat: {out} tidak dapat ditulis ({exc.strerror}); apakah sedang dibuka di Excel?", file=sys.stderr)
        return 1
    if perintah == "ekspor":
        print(f"Data {args.slug} {args.tahun} diekspor ke {out}. Ubah di Excel/LibreOffice, lalu: lkip impor {out}")
    else:
        print(f"Templat ditulis ke {out} (diisi dari {sumber}). Isi di Excel/LibreOffice, lalu: lkip impor {out}")
    return 0


def cmd_templat(args) -> int:
    return _tulis_buku(args, "templat")


def cmd_ekspor(args) -> int:
    return _tulis_buku(args, "ekspor")


def cmd_impor(args) -> int:
    from .impor import impor

    path = Path(args.berkas)
    if not path.is_file():
        print(f"galat: berkas '{args.berkas}' tidak ada", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    rc = impor(args.root, path, args.instansi, args.tahun)
    if args.timings:
        print(f"impor: {time.perf_counter() - t0:.2f} s")
    return rc


def daftarkan(sub) -> None:
    """Add ``templat``, ``ekspor`` and ``impor`` to the ``lkip`` subcommand parser."""
    t = sub.add_parser("templat", help="tulis lembar isian Excel (.xlsx) untuk tahun baru, diisi dari rencana tahun sebelumnya")
    t.add_argument("slug", help="nama folder instansi di agencies/")
    t.add_argument("tahun", type=int)
    t.add_argument("--out", help="berkas keluaran .xlsx (default: SLUG-TAHUN.xlsx)")
    t.set_defaults(func=cmd_templat)
    e = sub.add_parser("ekspor", help="tulis data YAML satu tahun yang sudah ada ke lembar isian Excel (.xlsx) yang sama dengan templat")
    e.add_argument("slug", help="nama folder instansi di agencies/")
    e.add_argument("tahun", type=int)
    e.add_argument("--out", help="berkas keluaran .xlsx (default: SLUG-TAHUN.xlsx)")
    e.set_defaults(func=cmd_ekspor)
    i = sub.add_parser("impor", help="baca lembar isian .xlsx/.ods/.csv (atau ekspor realisasi anggaran) ke YAML instansi")
    i.add_argument("berkas", help="berkas .xlsx, .ods atau .csv")
    i.add_argument("--instansi", help="nama folder instansi (bila lembar Identitas tidak ada)")
    i.add_argument("--tahun", type=int, help="tahun laporan (bila lembar Identitas tidak ada)")
    i.add_argument("--timings", action="store_true", help="cetak lama impor")
    i.set_defaults(func=cmd_impor)
