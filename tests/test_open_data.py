"""Open data and print: every table of a report as CSV (same rows as the page), the computed report as JSON,
the "Cetak / unduh" page with every chapter in order, and the print stylesheet.

The sample site is built once for this module into a temporary copy of the repository (``pipeline.build``,
the same path as ``lkip build``). A second, Markdown-only render with one table added checks that CSV names
do not follow the running table numbers.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from generator import pipeline
from generator.render import HALAMAN_LAPORAN

ROOT = Path(__file__).resolve().parent.parent
SALIN = ("agencies", "site_config", "content", "theme", "mkdocs.yml")
LAPORAN = ["disnaker-jember/2023", "disnaker-pasaman-barat/2022", "disnakertrans-ppu/2024"]
BAB = [h.kunci for h in HALAMAN_LAPORAN if h.kunci != "cetak"]


def _salin(dst: Path) -> Path:
    dst.mkdir(parents=True)
    for item in SALIN:
        (shutil.copytree if (ROOT / item).is_dir() else shutil.copy2)(ROOT / item, dst / item)
    return dst


@pytest.fixture(scope="module")
def situs(tmp_path_factory) -> Path:
    root = _salin(tmp_path_factory.mktemp("data-terbuka") / "repo")
    assert pipeline.build(root, root / "site") == 0
    return root / "site"


def _halaman(site: Path, rel: str) -> str:
    return (site / rel / "index.html").read_text(encoding="utf-8")


def _artikel(page: str) -> str:
    return page[page.index("<article"): page.index("</article>")]


def _teks(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _sel(fragment: str) -> str:
    """A cell's text as it reads (inline markup removed, like textContent)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def _csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name}: UTF-8 tanpa BOM"
    assert b"\r\n" in raw or raw.count(b"\n") == 0
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def _json(site: Path, laporan: str) -> dict:
    return json.loads((site / laporan / "data" / "laporan.json").read_text(encoding="utf-8"), parse_float=Decimal)


def _halaman_laporan(site: Path) -> list[Path]:
    return sorted(p for lap in LAPORAN for p in [site / lap / "index.html", *(site / lap).glob("*/index.html")])


TABEL = re.compile(r'<div class="tabel-gulir"[^>]*>\s*(<table.*?</table>)\s*</div>\s*(<p class="unduh-tabel[^"]*">.*?</p>)?', re.S)
TANDA = re.compile(r'<a class="(?:tanda-periksa|asal-portal)".*?</a>', re.S)  # audit and provenance marks: not in the CSV


# --- CSV ----------------------------------------------------------------------------------------------


def test_budget_table_csv_has_the_total_row_of_the_page(situs):
    page = _halaman(situs, "disnakertrans-ppu/2024/bab-3")
    m = re.search(r"<caption>Tabel P3\.\d+ Realisasi anggaran per program, kegiatan dan sub-kegiatan tahun 2024(?: <a class=.tautan-salin[^>]*>.*?</a>)?</caption>.*?</table>\s*</div>\s*"
                  r'<p class="unduh-tabel[^"]*"><a href="([^"]+)"', page, re.S)
    assert m, "tautan CSV tabel realisasi anggaran tidak ada"
    assert m.group(1) == "../data/realisasi-anggaran.csv"  # named after the table, not its number
    rows = _csv(situs / "disnakertrans-ppu/2024/data/realisasi-anggaran.csv")
    assert rows[0][:2] == ["Uraian", "Tingkat"] and "Pagu perubahan (Rp)" in rows[0] and "Penyerapan" in rows[0]
    total = rows[-1]
    assert total[0] == "Jumlah"
    assert "25.493.311.518" in total and "24.055.983.237" in total and "94,36%" in total
    assert total[rows[0].index("Pagu perubahan (Rp)")] == "25.493.311.518"
    assert total[rows[0].index("Realisasi (Rp)")] == "24.055.983.237"
    assert any(r[:2] == ["Program Pelatihan Kerja Dan Produktivitas Tenaga Kerja", "Program"] and "92,90%" in r for r in rows)


def test_every_table_on_every_report_page_links_a_csv_with_the_same_rows(situs):
    n_tabel = 0
    berkas: set[Path] = set()
    for p in _halaman_laporan(situs):
        page = _artikel(p.read_text(encoding="utf-8"))
        assert page.count('<div class="tabel-gulir"') == len(TABEL.findall(page)), p
        for m in TABEL.finditer(page):
            table, link = m.group(1), m.group(2)
            caption = _teks(re.search(r"<caption>(.*?)</caption>", table, re.S).group(1))
            assert link, f"{p.relative_to(situs)}: '{caption}' tanpa tautan CSV"
            a = re.search(r'<a href="([^"]+)" download="([^"]+)">(.*?)</a>', link, re.S)
            assert a and _teks(a.group(3)).startswith("Unduh CSV"), link  # visible text, not an icon
            assert a.group(2).endswith(".csv") and a.group(2).startswith("lkip-")
            path = (p.parent / a.group(1)).resolve()
            assert path.is_file(), f"{p.relative_to(situs)}: {a.group(1)} tidak ada"
            berkas.add(path)
            rows = _csv(path)
            html_rows = re.findall(r"<tr[\s>].*?</tr>", "".join(re.findall(r"<t(?:body|foot)>(.*?)</t(?:body|foot)>", table, re.S)), re.S)
            assert len(rows) - 1 == len(html_rows), f"{path.name}: {len(rows) - 1} baris CSV, {len(html_rows)} baris di halaman ({caption})"
            assert len({len(r) for r in rows}) == 1, f"{path.name}: jumlah kolom tidak sama"
            head = re.search(r"<thead>(.*?)</thead>", table, re.S).group(1)
            if "colspan" not in head and "rowspan" not in head:
                assert rows[0] == [_teks(x) for x in re.findall(r"<th[^>]*>(.*?)</th>", head, re.S)], path.name
            # cells read as on the page (audit marks left out)
            for row, tr in zip(rows[1:], html_rows):
                cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, re.S)
                if "colspan" in tr or "rowspan" in tr or any(re.search(r"<(li|p|br)\b", c) for c in cells):
                    continue
                assert [c.removeprefix("'") for c in row] == [_sel(TANDA.sub("", c)) for c in cells], f"{path.name}: {row}"
            n_tabel += 1
    assert n_tabel > 150
    # every CSV of a report's data folder is used by a table, and the Ringkasan lists them all
    for lap in LAPORAN:
        ada = set((situs / lap / "data").glob("*.csv"))
        assert ada <= berkas
        index = _halaman(situs, lap)
        daftar = re.search(r'<ul class="daftar-csv"[^>]*>(.*?)</ul>', index, re.S)
        assert daftar, f"{lap}: Data terbuka tanpa daftar CSV"
        assert {(situs / lap / h).resolve() for h in re.findall(r'href="([^"]+)"', daftar.group(1))} == ada


def test_csv_names_do_not_follow_table_numbers(situs, tmp_path):
    """Adding a table before the budget table shifts its number, not its CSV name or content."""
    root = _salin(tmp_path / "repo")
    docs = root / "build" / "docs" / "disnakertrans-ppu" / "2024"

    def render() -> dict[str, bytes]:
        pipeline.generate(root, pipeline.Timer(False), progress=False)
        return {p.name: p.read_bytes() for p in (docs / "data").glob("*.csv")}

    before = render()
    nomor = re.search(r"Tabel (P3\.\d+) Realisasi anggaran per program", (docs / "bab-3.md").read_text(encoding="utf-8")).group(1)
    year = root / "agencies/disnakertrans-ppu/2024.yaml"
    extra = ("tabel:\n  - id: tabel-sisipan\n    judul: Tabel tambahan\n    posisi: bab3.metode_pengukuran\n"
             "    kolom:\n      - {judul: Uraian}\n      - {judul: Nilai}\n    baris:\n      - [satu, 1]\n")
    year.write_text(year.read_text(encoding="utf-8").replace("\ntabel:\n", "\n" + extra, 1), encoding="utf-8")
    after = render()
    nomor_baru = re.search(r"Tabel (P3\.\d+) Realisasi anggaran per program", (docs / "bab-3.md").read_text(encoding="utf-8")).group(1)
    assert nomor_baru != nomor
    assert set(after) == set(before) | {"bebas--tabel-sisipan.csv"}
    assert after["realisasi-anggaran.csv"] == before["realisasi-anggaran.csv"]
    # every other file is unchanged, except the audit table, whose "Ditampilkan di" column names table numbers
    assert {k: v for k, v in before.items() if k != "catatan.csv"} == {k: v for k, v in after.items() if k not in ("catatan.csv", "bebas--tabel-sisipan.csv")}


def test_same_table_on_two_pages_is_one_file_and_names_are_stable_across_reports(situs):
    names = {lap: {p.name for p in (situs / lap / "data").glob("*.csv")} for lap in LAPORAN}
    for n in ("realisasi-anggaran.csv", "pengukuran.csv", "metode.csv", "pk.csv", "catatan.csv"):
        assert all(n in v for v in names.values()), n
    # the Perjanjian Kinerja table is printed in BAB II and in the Lampiran: both link the same CSV
    for lap in LAPORAN:
        for k in ("bab-2", "lampiran"):
            assert 'href="../data/pk.csv"' in _halaman(situs, f"{lap}/{k}"), (lap, k)
        assert len(_json(situs, lap)["tabel"][[t["csv"] for t in _json(situs, lap)["tabel"]].index("data/pk.csv")]["tempat"]) == 2
    assert not [n for v in names.values() for n in v if re.fullmatch(r"tabel-\d.*\.csv", n)]


# --- JSON ---------------------------------------------------------------------------------------------


def test_json_has_identity_method_results_budget_and_findings(situs):
    ppu = _json(situs, "disnakertrans-ppu/2024")
    assert ppu["skema"] == "lkip-laporan/1"
    assert ppu["instansi"]["slug"] == "disnakertrans-ppu" and ppu["tahun"] == 2024
    assert ppu["instansi"]["nama"] == "Dinas Tenaga Kerja dan Transmigrasi Kabupaten Penajam Paser Utara"
    assert ppu["metode"]["preset"] == "ppu-2024" and ppu["metode"]["uraian"]
    assert ppu["capaian_keseluruhan"]["tampil"] == Decimal("87.46")
    assert "87,46%" in _halaman(situs, "disnakertrans-ppu/2024")
    assert ppu["anggaran"]["pagu_efektif"] == 25493311518 and ppu["anggaran"]["realisasi"] == 24055983237
    assert ppu["anggaran"]["penyerapan"]["tampil"] == Decimal("94.36")
    ind = {i["id"]: i for s in ppu["sasaran"] for i in s["indikator"]}
    assert ind["iku-pelatihan"]["target"] == 25 and ind["iku-pelatihan"]["realisasi"] == 33
    assert ind["iku-pelatihan"]["capaian"]["tampil"] == Decimal("132.00")
    assert ind["iku-pelatihan"]["halaman"] == "disnakertrans-ppu/2024/bab-3/#indikator-iku-pelatihan"
    assert ppu["catatan_pemeriksaan"]["ditampilkan"] and len(ppu["catatan_pemeriksaan"]["temuan"]) > 5
    t = ppu["catatan_pemeriksaan"]["temuan"][0]
    assert {"no", "berkas", "baris", "jalur", "pesan", "tercetak", "dihitung"} <= set(t)
    prog = ppu["anggaran"]["program"]
    assert prog[0]["tingkat"] == "program" and sum(p["realisasi"] for p in prog) == 24055983237

    jember = _json(situs, "disnaker-jember/2023")
    assert jember["anggaran"]["pagu_efektif"] == 15308539115 and jember["anggaran"]["realisasi"] == 13359116248
    assert jember["capaian_keseluruhan"]["tampil"] is not None and jember["predikat"]
    assert jember["metode"]["skala"]["pita"] and jember["metode"]["pembulatan"]["mode"] == "potong"
    prog = jember["anggaran"]["program"]
    assert prog[0]["rincian"][0]["tingkat"] == "kegiatan"  # the tree: program → kegiatan → sub-kegiatan
    assert sum(k["realisasi"] for k in prog[0]["rincian"]) == prog[0]["realisasi"]
    for lap in LAPORAN:
        d = _json(situs, lap)
        for t in d["tabel"]:  # the JSON lists every CSV of the report
            assert (situs / lap / t["csv"]).is_file() and t["tempat"]
        assert {t["csv"] for t in d["tabel"]} == {f"data/{p.name}" for p in (situs / lap / "data").glob("*.csv")}
        assert set(d["halaman"]) == set(BAB) - ({"catatan-pemeriksaan"} if not d["catatan_pemeriksaan"]["ditampilkan"] else set()) | {"cetak"}


def test_json_is_exact_sorted_and_inert(situs):
    for lap in LAPORAN:
        raw = (situs / lap / "data" / "laporan.json").read_text(encoding="utf-8")
        assert not re.search(r"[<>&\u2028\u2029]", raw)  # escaped as \u003c …: inert even if pasted into HTML
        assert raw.endswith("}\n") and re.search(r'"pagu": \d+,', raw)  # numbers, not strings, never floats
        assert not re.search(r"\d[eE][+-]?\d", re.sub(r'"(?:[^"\\]|\\.)*"', '""', raw))  # no exponent notation

        def check(o):
            if isinstance(o, dict):
                assert list(o) == sorted(o)
                for v in o.values():
                    check(v)
            elif isinstance(o, list):
                for v in o:
                    check(v)

        check(json.loads(raw))
        # a file of its own, linked from the pages, never embedded in them
        index = _halaman(situs, lap)
        assert 'href="data/laporan.json"' in index
        for p in _halaman_laporan(situs):
            assert "lkip-laporan/1" not in p.read_text(encoding="utf-8")


# --- print page ---------------------------------------------------------------------------------------


def _judul(fragment: str) -> list[tuple[int, str]]:
    return [(int(m.group(1)), _teks(m.group(2)).removesuffix("¶").strip()) for m in re.finditer(r"<h([1-6])[^>]*>(.*?)</h\1>", fragment, re.S)]


def test_print_page_has_every_chapter_and_heading_in_order(situs):
    for lap in LAPORAN:
        cetak = _artikel(_halaman(situs, f"{lap}/cetak"))
        heads = _judul(cetak)
        assert heads[0] == (1, "Cetak / unduh")
        expected: list[tuple[int, str]] = []
        for k in BAB:
            rel = lap if k == "index" else f"{lap}/{k}"
            if (situs / rel / "index.html").is_file():
                expected += _judul(_artikel(_halaman(situs, rel)))
        assert heads[1:] == expected
        ids = re.findall(r'\sid="([^"]+)"', cetak)
        assert len(ids) == len(set(ids)), "id ganda di halaman cetak"
        for target in re.findall(r'href="#([^"]*)"', cetak):
            assert target in ids, f"{lap}/cetak: tautan #{target} tanpa sasaran"
        # chapters after the first start on a new page when printed
        assert len(re.findall(r'<h1 class="cetak-bab"', cetak)) == sum(1 for h in expected if h[0] == 1) - 1
        assert 'href="../data/laporan.json"' in cetak
        # linked from every report page (the site navigation lists no agency: each report has its own)
        for p in (situs / lap).glob("*/index.html"):
            if p.parent.name not in ("cetak", "data", "grafik"):
                assert 'href="../cetak/"' in p.read_text(encoding="utf-8"), p
        assert 'href="cetak/"' in _halaman(situs, lap)


def test_print_stylesheet_rules():
    css = (ROOT / "theme/overrides/assets/stylesheets/lkip.css").read_text(encoding="utf-8")
    blocks = []
    for m in re.finditer(r"@media print\s*\{", css):
        depth, i = 1, m.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(css[i], 0)
            i += 1
        blocks.append(css[m.end(): i - 1])
    cetak = re.sub(r"\s+", " ", " ".join(blocks))
    for rule in (r"thead \{ display: table-header-group", r"\btr[^{]*\{ break-inside: avoid", r"h1\.cetak-bab \{ break-before: page",
                 r'a\[href\^="http"\]::after \{ content: " \(" attr\(href\) "\)"', r"\.tabel-gulir \{ overflow: visible",
                 r"\.tanpa-cetak \{ display: none", r"\.md-header[^{]*\.md-sidebar[^{]*\.md-search[^{]*\.md-footer"):
        assert re.search(rule, cetak), rule


def test_hidden_audit_is_not_published_in_the_json(situs, tmp_path):
    root = _salin(tmp_path / "repo")
    year = root / "agencies/disnaker-jember/2023.yaml"
    data = year.read_text(encoding="utf-8")
    assert "\nmetode:\n" in data
    year.write_text(data.replace("\nmetode:\n", "\nmetode:\n  tampilkan_catatan_pemeriksaan: false\n", 1), encoding="utf-8")
    pipeline.generate(root, pipeline.Timer(False), progress=False)
    docs = root / "build" / "docs" / "disnaker-jember" / "2023"
    d = json.loads((docs / "data" / "laporan.json").read_text(encoding="utf-8"))
    assert d["catatan_pemeriksaan"] == {"ditampilkan": False, "temuan": []}
    assert not (docs / "data" / "catatan.csv").exists() and not (docs / "catatan-pemeriksaan.md").exists()
    assert "tanda-periksa" not in (docs / "cetak.md").read_text(encoding="utf-8")
    assert yaml.safe_load((docs / "cetak.md").read_text(encoding="utf-8").split("---")[1])["tahun"] == 2023


def test_print_page_makes_colliding_ids_unique_and_points_links_inside_it():
    from generator.render.cetak import susun_cetak

    def path(k):
        return f"a/2024/{k}.md"

    texts = {
        "index": '# Ringkasan {: #ringkasan }\n\n<p><a href="bab-2/#sama">ke BAB II</a> <a href="../">profil</a></p>\n',
        "bab-1": '# BAB I {: #bab-1 }\n\n## Sama {: #sama }\n\n<p><a href="../bab-2/#sama">x</a> <a href="#sama">y</a> <img src="../grafik/g.svg" alt="g"></p>\n',
        "bab-2": '# BAB II {: #bab-2 }\n\n## Sama {: #sama .kelas }\n\n<div id="kotak" aria-labelledby="sama"><a href="#sama">z</a> <a href="../">r</a> <a href="../data/t.csv">c</a></div>\n',
    }
    out = susun_cetak(path, '# Cetak / unduh {: #cetak }\n\n<p><a href="../bab-1/">bab</a></p>\n', list(texts), texts)
    assert "# Ringkasan {: #ringkasan .cetak-bab .cetak-awal }" in out and "# BAB II {: #bab-2 .cetak-bab }" in out
    assert "## Sama {: #sama }" in out and "## Sama {: #bab-2--sama .kelas }" in out
    assert '<div id="kotak" aria-labelledby="bab-2--sama">' in out
    assert '<a href="#bab-1">bab</a>' in out  # page link → its chapter title
    assert '<a href="#bab-2--sama">ke BAB II</a>' in out and '<a href="../../">profil</a>' in out
    assert '<a href="#bab-2--sama">x</a> <a href="#sama">y</a> <img src="../grafik/g.svg"' in out
    assert '<a href="#ringkasan">r</a> <a href="../data/t.csv">c</a>' in out
