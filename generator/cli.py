"""The ``lkip`` command. Verbs only orchestrate the stages: load → validate → compute → render → build."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import pesan


def _load(root: Path):
    """Load and validate every YAML file; raises GalatData (printed by main) when there are errors."""
    from .pesan import GalatData, cetak_masalah
    from .validate import load_repo

    repo, masalah = load_repo(root)
    if repo is None:
        raise GalatData(masalah)
    cetak_masalah(masalah)
    return repo


def cmd_validate(args) -> int:
    repo = _load(args.root)
    n = sum(len(i.laporan) for i in repo.instansi)
    print(f"Valid: {len(repo.instansi)} instansi, {n} laporan.")
    return 0


def cmd_check(args) -> int:
    """Findings per report: material differences first, each with its knock-ons indented under it, then the
    report's rounding-only differences as one group; a count by severity at the end."""
    from .check import MATERIAL
    from .pipeline import compute_repo

    repo = _load(args.root)
    total = n_material = n_bulat = 0
    for _inst, _b, _, temuan in compute_repo(repo):
        for t in temuan:
            _cetak_temuan(t, args.strict)
            values = [x for x in t.semua() if not x.rincian]
            if t.tingkat == MATERIAL:
                n_material += 1
            else:
                n_bulat += len(values)
        total += len(temuan)
    print(f"\n{total} temuan pemeriksaan data (angka tercetak berbeda dengan hitungan): {n_material} selisih material, "
          f"{n_bulat} angka yang hanya berbeda pembulatannya.")
    return 1 if (args.strict and total) else 0


def _cetak_temuan(t, strict: bool) -> None:
    if pesan.FORMAT["nilai"] != "github":
        label = "galat" if strict else "peringatan"
        lines = t.baris_teks()
        print(f"{label}: {lines[0]} [{t.tingkat}]")
        for line in lines[1:]:
            print(line)
        return
    level = "error" if strict else "warning"
    for k, x in enumerate(y for y in t.semua() if not y.rincian):
        sebab = f" (akibat dari: {x.akibat})" if x.akibat and x is not t else ""
        print(f"::{level if k == 0 or t.rincian else 'notice'} file={x.lokasi.file},line={x.lokasi.line},col={x.lokasi.col}::[{x.tingkat}] {x.pesan}: tercetak {x.tercetak}, dihitung {x.dihitung}{sebab}")


def cmd_build(args) -> int:
    from .pipeline import build

    return build(args.root, Path(args.out) if args.out else None, timings=args.timings, mkdocs=not args.no_mkdocs, strict=args.strict)


def cmd_pdf(args) -> int:
    from .pdf.satu import pdf_satu

    out, stats = pdf_satu(args.root, args.slug, args.tahun, Path(args.out) if args.out else None)
    ukuran = sum(stats["ukuran"].values())
    asal = "dari cache" if stats["dari_cache"] else f"{stats['detik']:.1f} s"
    print(f"PDF ditulis ke {out} ({ukuran / 1024:.0f} kB; {asal}).")
    return 0


def cmd_serve(args) -> int:
    """Build the whole site (search included), serve ``site/`` on localhost, rebuild when a source file changes.

    ``mkdocs serve`` would only watch the generated Markdown, not the YAML a planner edits, and never runs
    Pagefind; this watches ``agencies/``, ``content/``, ``site_config/`` and ``theme/`` and rebuilds
    incrementally (one edited agency takes seconds). A failed rebuild leaves the served site as it was.
    """
    import functools
    import http.server
    import threading
    import time

    from .pipeline import build

    root = args.root
    out = (root / "site").resolve()
    if build(root, out) != 0 and not out.is_dir():
        return 1
    host, _, port = args.addr.rpartition(":")

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a):  # quiet: the build log is what matters here
            pass

    server = http.server.ThreadingHTTPServer((host or "127.0.0.1", int(port or 8000)), functools.partial(Handler, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Situs disajikan di http://{host or '127.0.0.1'}:{port or 8000}/ — data yang diubah dibangun ulang otomatis (Ctrl+C untuk berhenti).")

    def jejak() -> dict:
        out_ = {}
        for folder in ("agencies", "content", "site_config", "theme"):
            for p in (root / folder).rglob("*") if (root / folder).is_dir() else []:
                if p.is_file():
                    st = p.stat()
                    out_[p] = (st.st_size, st.st_mtime_ns)
        return out_

    before = jejak()
    try:
        while True:
            time.sleep(1.0)
            now = jejak()
            if now != before:
                before = now
                print("Perubahan terdeteksi; membangun ulang…")
                print("Selesai." if build(root, out) == 0 else "Gagal: situs yang disajikan tidak diubah; perbaiki galat di atas.")
    except KeyboardInterrupt:
        server.shutdown()
        return 0


def cmd_new(args) -> int:
    from . import scaffold

    if args.kind == "agency":
        return scaffold.new_agency(args.root, args.slug)
    if args.tahun is None:
        print("Tulis tahunnya: lkip new year SLUG TAHUN", file=sys.stderr)
        return 2
    return scaffold.new_year(args.root, args.slug, args.tahun)


def cmd_schema(args) -> int:
    from .skema import SKEMA as schemas
    from .skema import write_schemas

    if args.out:
        write_schemas(Path(args.out))
        print(f"Skema ditulis ke {args.out}/{{profil,laporan,site}}.schema.json")
        return 0
    if args.which:
        print(json.dumps(schemas[args.which].model_json_schema(), indent=2, ensure_ascii=False))
    else:
        print(json.dumps({k: v.model_json_schema() for k, v in schemas.items()}, indent=2, ensure_ascii=False))
    return 0


def cmd_demo(args) -> int:
    from .demo import demo_portal

    stats = demo_portal(args.root, Path(args.out).resolve(), args.agencies, args.years, args.seed)
    print(f"Portal contoh ditulis ke {args.out}: {stats['instansi']} instansi, {stats['laporan']} laporan.")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="lkip", description="Penerbit LKIP: validasi, pemeriksaan dan pembangunan situs laporan kinerja.")
    p.add_argument("--root", type=Path, default=Path("."), help="folder repositori (default: folder saat ini)")
    p.add_argument("--format", choices=["teks", "github"], default="teks", help="format pesan: teks (berkas:baris:kolom) atau anotasi GitHub Actions")
    sub = p.add_subparsers(dest="cmd", required=True)
    sub.add_parser("validate", help="periksa semua berkas YAML dan laporkan setiap galat").set_defaults(func=cmd_validate)
    c = sub.add_parser("check", help="bandingkan angka tercetak dengan hitungan")
    c.add_argument("--strict", action="store_true", help="jadikan temuan sebagai galat (kode keluar 1)")
    c.set_defaults(func=cmd_check)
    b = sub.add_parser("build", help="bangun Markdown dan situs")
    b.add_argument("--out", help="folder hasil situs (default: site/)")
    b.add_argument("--timings", action="store_true", help="cetak waktu tiap tahap")
    b.add_argument("--no-mkdocs", action="store_true", help="hanya hasilkan Markdown, tanpa MkDocs")
    b.add_argument("--strict", action="store_true", help="peringatan (termasuk temuan pemeriksaan) menjadi galat: kode keluar 1, situs tidak diubah")
    b.set_defaults(func=cmd_build)
    pdf = sub.add_parser("pdf", help="buat PDF satu laporan (A4, bertag, dengan sampul dan tanda tangan)")
    pdf.add_argument("slug", help="folder instansi di agencies/")
    pdf.add_argument("tahun", type=int)
    pdf.add_argument("--out", help="berkas PDF (default: laporan-SLUG-TAHUN.pdf di folder saat ini)")
    pdf.set_defaults(func=cmd_pdf)
    s = sub.add_parser("serve", help="bangun lalu sajikan situs di localhost")
    s.add_argument("--addr", default="127.0.0.1:8000")
    s.set_defaults(func=cmd_serve)
    n = sub.add_parser("new", help="buat instansi atau tahun laporan baru")
    n.add_argument("kind", choices=["agency", "year"])
    n.add_argument("slug")
    n.add_argument("tahun", nargs="?", type=int)
    n.set_defaults(func=cmd_new)
    sc = sub.add_parser("schema", help="cetak JSON Schema berkas YAML (untuk autocomplete editor)")
    sc.add_argument("which", nargs="?", choices=["profil", "laporan", "site"])
    sc.add_argument("--out", help="tulis ketiga skema sebagai berkas ke folder ini")
    sc.set_defaults(func=cmd_schema)
    dp = sub.add_parser("demo-portal", help="tulis portal sintetis N instansi × Y tahun (untuk uji skala dan benchmark)")
    dp.add_argument("--agencies", type=int, default=40)
    dp.add_argument("--years", type=int, default=3)
    dp.add_argument("--seed", type=int, default=2024)
    dp.add_argument("--out", required=True)
    dp.set_defaults(func=cmd_demo)
    from .lembar.perintah import daftarkan

    daftarkan(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    args.root = args.root.resolve()
    pesan.FORMAT["nilai"] = args.format
    pesan.siapkan()
    try:
        return args.func(args)
    except pesan.GalatData as e:  # the one way data errors come back from any stage
        pesan.cetak_galat(e)
        return 1
    except BrokenPipeError:  # e.g. `lkip schema | head`
        return 0
    except KeyboardInterrupt:
        print("Dibatalkan.", file=sys.stderr)
        return 130
    except Exception as exc:  # no traceback reaches a planner; LKIP_DEBUG=1 shows it for developers
        if os.environ.get("LKIP_DEBUG"):
            raise
        print(f"galat internal: {type(exc).__name__}: {exc}\nIni kesalahan program, bukan data Anda. Laporkan dengan menjalankan ulang memakai LKIP_DEBUG=1.", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
