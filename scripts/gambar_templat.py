"""Picture of the spreadsheet template for the docs (content/panduan/gambar/templat-pengukuran.png).

The workbook ``lkip ekspor`` writes for a sample agency is drawn as it looks in a spreadsheet program — column
letters, row numbers, the coloured and commented header row, one header comment opened, the sheet tabs — as
an HTML page built from the cells with openpyxl, then screenshot by headless Chromium (Debian's
/usr/bin/chromium through Playwright, as tests/browser/conftest.py launches it)::

    .venv/bin/python scripts/gambar_templat.py            # writes the PNG (kept under 150 KB)
    .venv/bin/python scripts/gambar_templat.py --html X   # also keep the HTML page, to adjust the look
"""

from __future__ import annotations

import argparse
import html
import os
import shutil
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "content" / "panduan" / "gambar" / "templat-pengukuran.png"
SLUG, TAHUN, LEMBAR = "disnakertrans-ppu", 2024, "Pengukuran"
KOLOM, BARIS = 12, 7  # columns A–L, header + 6 indicator rows
MAKS_BYTES = 150 * 1024
CHROMIUM = os.environ.get("LKIP_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"

CSS = """
body { margin: 0; font: 13px/1.3 "DejaVu Sans", Arial, sans-serif; background: #fff; color: #222; }
.jendela { display: inline-block; border: 1px solid #9aa3ad; }
.judul { background: #217346; color: #fff; padding: 6px 10px; font-size: 13px; }
.rumus { border-bottom: 1px solid #c8ccd0; padding: 4px 8px; background: #fafafa; font-size: 12px; }
.rumus b { display: inline-block; width: 48px; color: #555; font-weight: normal; }
table { border-collapse: collapse; table-layout: fixed; }
td, th { border: 1px solid #d4d4d4; padding: 3px 5px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; height: 20px; }
th { background: #eef0f2; color: #555; font-weight: normal; text-align: center; font-size: 12px; }
td.angka { text-align: right; }
td.kepala { position: relative; font-weight: bold; white-space: normal; height: 34px; vertical-align: bottom; }
td.kepala.komentar::after { content: ""; position: absolute; top: 0; right: 0; border-left: 7px solid transparent; border-top: 7px solid #d00; }
tr.beku td, tr.beku th { border-bottom: 2px solid #7a7a7a; }
td.pilih { outline: 2px solid #217346; outline-offset: -2px; }
.catatan { position: absolute; background: #ffffe1; border: 1px solid #888; box-shadow: 2px 2px 4px rgba(0,0,0,.25);
           padding: 5px 7px; width: 250px; font-size: 12px; white-space: normal; }
.tab { display: flex; gap: 2px; background: #eef0f2; border-top: 1px solid #c8ccd0; padding: 0 6px; font-size: 12px; }
.tab span { padding: 4px 10px; color: #444; }
.tab span.aktif { background: #fff; color: #217346; font-weight: bold; border-bottom: 3px solid #217346; }
"""


# Excel shows a header's comment to the right of its cell, top-aligned with it
JS = """
const sel = document.querySelector("td.pilih"), box = document.querySelector(".catatan");
if (sel && box) {
  const kepala = sel.closest("table").rows[1].cells[sel.cellIndex], win = document.querySelector(".jendela").getBoundingClientRect();
  const r = kepala.getBoundingClientRect();
  box.style.left = (r.right - win.left + 8) + "px"; box.style.top = (r.top - win.top + 2) + "px";
}
"""


def _warna(c) -> str | None:
    rgb = getattr(c, "rgb", None)
    return f"#{rgb[-6:]}" if isinstance(rgb, str) and rgb not in ("00000000",) and len(rgb) >= 6 else None


def _teks(v, fmt: str) -> tuple[str, bool]:
    """Cell text as a spreadsheet set to Indonesian shows it, and whether it is a number (right-aligned)."""
    if v is None:
        return "", False
    if isinstance(v, bool) or not isinstance(v, (int, float, Decimal)):
        return str(v), False
    desimal = len(fmt.split(".")[1].rstrip("%")) if "." in fmt and fmt.startswith(("0", "#")) else (0 if float(v).is_integer() else 2)
    s = f"{float(v):,.{desimal}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return s, True


def halaman_html(xlsx: Path, nama_berkas: str) -> str:
    import openpyxl
    from openpyxl.utils import get_column_letter

    wb = openpyxl.load_workbook(xlsx)
    ws = wb[LEMBAR]
    lebar = [min(250, max(160 if c == 1 else 40, int((ws.column_dimensions[get_column_letter(c)].width or 10) * 7.2))) for c in range(1, KOLOM + 1)]
    pilih = next(c.column for c in ws[1] if c.value == f"Realisasi {TAHUN}")  # the cell a planner fills first
    rows = ['<tr><th style="width:34px"></th>' + "".join(f'<th style="width:{w}px">{get_column_letter(c)}</th>' for c, w in enumerate(lebar, start=1)) + "</tr>"]
    for r in range(1, BARIS + 1):
        cls = ' class="beku"' if r == 1 else ""
        cells = [f"<th>{r}</th>"]
        for c in range(1, KOLOM + 1):
            cell = ws.cell(row=r, column=c)
            teks, angka = _teks(cell.value, cell.number_format or "")
            kelas = ["kepala"] if r == 1 else []
            if r == 1 and cell.comment:
                kelas.append("komentar")
            if angka:
                kelas.append("angka")
            if (r, c) == (2, pilih):
                kelas.append("pilih")
            gaya = []
            if (bg := _warna(cell.fill.fgColor)) and cell.fill.fill_type:
                gaya.append(f"background:{bg}")
            if r == 1 and (fg := _warna(cell.font.color)):
                gaya.append(f"color:{fg}")
            cells.append(f'<td class="{" ".join(kelas)}" style="{";".join(gaya)}">{html.escape(teks)}</td>')
        rows.append(f"<tr{cls}>" + "".join(cells) + "</tr>")
    komentar = ws.cell(row=1, column=pilih).comment
    aktif = ws.cell(row=2, column=pilih)
    catatan = f'<div class="catatan"><b>{html.escape(str(ws.cell(row=1, column=pilih).value))}</b><br>{html.escape(komentar.text.strip())}</div>' if komentar else ""
    tabs = "".join(f'<span class="{"aktif" if w.title == LEMBAR else ""}">{html.escape(w.title)}</span>' for w in wb if w.sheet_state == "visible")
    nilai_aktif = _teks(aktif.value, aktif.number_format or "")[0]
    return (f"<!doctype html><html lang=id><meta charset=utf-8><style>{CSS}</style><body><div class=jendela style=position:relative>"
            f'<div class="judul">{html.escape(nama_berkas)} — lembar isian LKIP</div>'
            f'<div class="rumus"><b>{aktif.coordinate}</b>{html.escape(nilai_aktif)}</div>'
            f"<table style=width:{34 + sum(lebar)}px>{''.join(rows)}</table>{catatan}<div class=tab>{tabs}</div></div>"
            f"<script>{JS}</script></body></html>")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--html", type=Path, help="simpan juga halaman HTML-nya")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from generator.lembar.data import muat_instansi
    from generator.lembar.templat import buat_templat, daftar_predikat

    profil, lap, sumber = muat_instansi(ROOT, SLUG, TAHUN)
    nama = f"{SLUG}-{TAHUN}.xlsx"
    with tempfile.TemporaryDirectory() as tmp:
        xlsx = Path(tmp) / nama
        buat_templat(SLUG, TAHUN, profil, lap, daftar_predikat(ROOT, lap), sumber).save(xlsx)
        page = halaman_html(xlsx, nama)
    if args.html:
        args.html.write_text(page, encoding="utf-8")
    from playwright.sync_api import sync_playwright

    args.out.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        pg = browser.new_page(viewport={"width": 1200, "height": 600}, device_scale_factor=1)
        pg.set_content(page)
        pg.locator(".jendela").screenshot(path=str(args.out))
        browser.close()
    size = args.out.stat().st_size
    print(f"{args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}: {size // 1024} KB")
    if size > MAKS_BYTES:
        print(f"galat: gambar lebih dari {MAKS_BYTES // 1024} KB; kurangi KOLOM/BARIS", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
