"""Issue 15: the signed document — an accessible PDF of each sample report, from the same computed views as the site.

The PDFs are opened with pypdf: structure tree, language, title, page count, the key figures (taken from the
compute stage through the views, never typed here), the signer's name and NIP, alt text on every figure, table
structure; two builds give the same bytes; an unchanged report is not compiled again.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pypdf
import pytest

from generator import format as fmt
from generator.cli import main
from generator.pdf import typst_html as th

ROOT = Path(__file__).resolve().parents[1]
EPOCH = "1735689600"
SAMPEL = {  # slug/tahun → expected page count range (A4)
    "disnakertrans-ppu/2024": (35, 70),
    "disnaker-jember/2023": (30, 65),
    "disnaker-pasaman-barat/2022": (60, 120),
}


def copy_repo(dst: Path, extra_config: str = "") -> Path:
    dst.mkdir(parents=True)
    for item in ("agencies", "site_config", "theme", "content"):
        shutil.copytree(ROOT / item, dst / item)
    shutil.copy2(ROOT / "mkdocs.yml", dst / "mkdocs.yml")
    if extra_config:
        cfg = dst / "site_config" / "lkip.yaml"
        cfg.write_text(cfg.read_text(encoding="utf-8") + extra_config, encoding="utf-8")
    return dst


def pdf_path(repo: Path, key: str) -> Path:
    slug, tahun = key.split("/")
    return repo / "build" / "docs" / slug / tahun / f"laporan-{slug}-{tahun}.pdf"


def teks(r: pypdf.PdfReader) -> str:
    return "\n".join(p.extract_text() for p in r.pages)


def struktur(r: pypdf.PdfReader) -> list[tuple[str, dict]]:
    """Every element of the structure tree: (role, its dictionary)."""
    out: list[tuple[str, dict]] = []

    def walk(node, depth=0):
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, pypdf.generic.ArrayObject):
            for k in node:
                walk(k, depth)
            return
        if not isinstance(node, pypdf.generic.DictionaryObject):
            return
        if "/S" in node:
            out.append((str(node["/S"]), node))
        if "/K" in node:
            walk(node["/K"], depth + 1)

    walk(r.trailer["/Root"]["/StructTreeRoot"])
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory, monkeypatch_module):
    monkeypatch_module.setenv("SOURCE_DATE_EPOCH", EPOCH)
    repo = copy_repo(tmp_path_factory.mktemp("pdf") / "repo")
    assert main(["--root", str(repo), "build", "--no-mkdocs"]) == 0
    return repo


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


@pytest.fixture(scope="module")
def dokumen(built):
    return {k: pypdf.PdfReader(pdf_path(built, k)) for k in SAMPEL}


@pytest.mark.parametrize("key", list(SAMPEL))
def test_tagged_pdf_with_language_title_and_pages(dokumen, laporan, key):
    r = dokumen[key]
    root = r.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"] is True or root["/MarkInfo"]["/Marked"] == pypdf.generic.BooleanObject(True)
    assert root["/Lang"] == "id"
    v = laporan[key]
    assert v.profil.nama in r.metadata.title and str(v.tahun) in r.metadata.title
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]  # PDF/UA: the title, not the file name, in the window
    t = v.lap.penandatangan.tanggal  # no clock: the document is dated on its signing date
    assert r.metadata["/CreationDate"].startswith(f"D:{t.tahun}{t.bulan:02d}{t.hari or 1:02d}")
    lo, hi = SAMPEL[key]
    assert lo <= len(r.pages) <= hi
    assert all(abs(float(p.mediabox.width) - 595.28) < 1 and abs(float(p.mediabox.height) - 841.89) < 1 for p in r.pages)  # A4


@pytest.mark.parametrize("key", list(SAMPEL))
def test_key_figures_and_signature(dokumen, laporan, key):
    """The figures are those of the compute stage, formatted as on the site; the signer's name, rank and NIP."""
    t = teks(dokumen[key])
    flat = re.sub(r"\s+", " ", t)
    v = laporan[key]
    k = v.keseluruhan()
    if v.h.keseluruhan.ada:
        assert k["teks"] in flat
    a = v.h.anggaran
    if a.pagu_efektif is not None:
        assert fmt.angka(a.pagu_efektif) in flat
        assert fmt.angka(a.realisasi) in flat
    for hi in v.h.semua_indikator:
        if hi.capaian.ada:
            assert fmt.persen(hi.capaian.tampil) in flat, hi.model.id
    tt = v.lap.penandatangan
    assert tt.nama in flat
    assert f"NIP {fmt.nip(tt.nip)}" in flat
    assert tt.pangkat in flat
    for judul in ("Kata Pengantar", "Daftar Isi", "Daftar Tabel", "Daftar Gambar", "BAB I", "BAB IV", "Lampiran"):
        assert judul in flat


@pytest.mark.parametrize("key", list(SAMPEL))
def test_structure_headings_tables_figures_with_alt(dokumen, key):
    el = struktur(dokumen[key])
    roles = [s for s, _ in el]
    assert "/H1" in roles and "/H2" in roles
    assert roles.count("/Table") >= 10 and "/TH" in roles and "/TD" in roles and "/THead" in roles
    figs = [d for s, d in el if s == "/Figure"]
    assert figs and all(str(d.get("/Alt", "")).strip() for d in figs)


def test_lists_have_page_numbers_and_chapters_start_at_one(dokumen):
    r = dokumen["disnakertrans-ppu/2024"]
    t = teks(r)
    assert re.search(r"Tabel P3\.1 [^.]*?(?:\. ){3,}\s*\d+", t.replace("\n", " "))  # Daftar Tabel: title … page number
    assert "Halaman i" in teks_halaman(r, 1)  # Kata Pengantar: front matter in roman numerals
    bab1 = next(i for i, p in enumerate(r.pages) if re.search(r"^BAB I Pendahuluan$", p.extract_text(), re.M))
    assert "Halaman 1" in r.pages[bab1].extract_text()
    # a table longer than a page repeats its header row on the next page
    berulang = [i for i, p in enumerate(r.pages) if i > bab1 and "Kegiatan/Sub Kegiatan" in p.extract_text()] or \
        [i for i, p in enumerate(r.pages) if i > bab1 and p.extract_text().count("Realisasi (Rp)") >= 1]
    assert len(berulang) >= 2


def teks_halaman(r: pypdf.PdfReader, i: int) -> str:
    return r.pages[i].extract_text()


def test_cover_and_audit_marks(dokumen, laporan):
    r = dokumen["disnakertrans-ppu/2024"]
    sampul = teks_halaman(r, 0)
    v = laporan["disnakertrans-ppu/2024"]
    assert "TAHUN 2024" in sampul and v.profil.pemda.upper() in sampul
    assert "Catatan Pemeriksaan Data" in teks(r)  # the audit notes, as on the site


def test_same_input_same_bytes_and_cache(built, tmp_path, capsys, monkeypatch):
    """Compiled again from scratch (PDF cache removed): the same bytes. Built again: nothing compiled."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    key = "disnaker-jember/2023"
    before = pdf_path(built, key).read_bytes()
    shutil.rmtree(built / ".lkip-cache" / "pdf")
    out = tmp_path / "j.pdf"
    assert main(["--root", str(built), "pdf", "disnaker-jember", "2023", "--out", str(out)]) == 0
    assert out.read_bytes() == before
    capsys.readouterr()
    assert main(["--root", str(built), "build", "--no-mkdocs"]) == 0
    assert "PDF: 0 dibangun" in capsys.readouterr().out
    # one agency edited: only its PDF is compiled again
    year = built / "agencies" / "disnaker-jember" / "2023.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace("3898", "3899", 1), encoding="utf-8")
    assert main(["--root", str(built), "build", "--no-mkdocs"]) == 0
    assert "PDF: 1 dibangun" in capsys.readouterr().out
    assert pdf_path(built, key).read_bytes() != before


def test_pdf_command_errors_in_indonesian(built, capsys):
    assert main(["--root", str(built), "pdf", "tidak-ada", "2023"]) == 1
    assert main(["--root", str(built), "pdf", "disnaker-jember", "2019"]) == 1
    err = capsys.readouterr().err
    assert "instansi 'tidak-ada' tidak ada" in err and "laporan tahun 2019 tidak ada" in err and "Traceback" not in err


def test_links_and_zip_of_csvs(built):
    base = built / "build" / "docs" / "disnakertrans-ppu" / "2024"
    cetak = (base / "cetak.md").read_text(encoding="utf-8")
    assert 'href="../laporan-disnakertrans-ppu-2024.pdf"' in cetak
    m = re.search(r'href="../data/semua-tabel-csv.zip"[^>]*>[^<]*</a> \((\d+) berkas CSV, ([\d.,]+ kB)\)', cetak)
    assert m
    z = zipfile.ZipFile(base / "data" / "semua-tabel-csv.zip")
    csvs = sorted(p.name for p in (base / "data").glob("*.csv"))
    assert len(z.namelist()) == int(m.group(1)) == len(csvs)
    assert sorted(n.removeprefix("lkip-disnakertrans-ppu-2024-") for n in z.namelist()) == csvs
    assert all(z.read(f"lkip-disnakertrans-ppu-2024-{n}") == (base / "data" / n).read_bytes() for n in csvs)
    assert 'laporan-disnakertrans-ppu-2024.pdf' in (base / "bab-3.md").read_text(encoding="utf-8")


def test_settings_leave_audit_out_or_turn_pdf_off(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    repo = copy_repo(tmp_path / "a", "pdf:\n  catatan_pemeriksaan: false\n")
    out = tmp_path / "ppu.pdf"
    assert main(["--root", str(repo), "pdf", "disnakertrans-ppu", "2024", "--out", str(out)]) == 0
    t = teks(pypdf.PdfReader(out))
    assert "Catatan Pemeriksaan Data" not in t and "Laporan asli mencetak" not in t
    assert "87,46%" in t
    repo = copy_repo(tmp_path / "b", "pdf:\n  aktif: false\n")
    for p in (repo / "agencies").iterdir():
        if p.name != "disnaker-jember":
            shutil.rmtree(p)
    assert main(["--root", str(repo), "build", "--no-mkdocs"]) == 0
    base = repo / "build" / "docs" / "disnaker-jember" / "2023"
    assert not list(base.glob("*.pdf")) and ".pdf" not in (base / "cetak.md").read_text(encoding="utf-8")


def test_yaml_text_cannot_become_typst_code():
    """Text is data: Typst syntax in a YAML string is printed as written."""
    import typst

    nakal = '#set text(fill: red) $x^2$ [a] *b* _c_ <lbl> @ref // komentar = judul - daftar 1. \\ "kutip" ~ `raw` http://x.id'
    k = th.Konversi(lambda s: None, lambda h: None)
    src = "#set document(title: \"t\")\n#set text(lang: \"id\")\n" + k.selesai(k.blok(th.parse(f"<p>{th_html(nakal)}</p><p><a href=\"#tidak-ada\">x</a></p>").anak))
    out = pypdf.PdfReader(io.BytesIO(typst.compile(src.encode("utf-8"))))
    got = re.sub(r"\s+", " ", out.pages[0].extract_text())
    for bagian in ("#set text(fill: red)", "$x^2$", "[a] *b* _c_ <lbl> @ref // komentar = judul - daftar 1.", '"kutip" ~ `raw` http://'):
        assert bagian in got


def th_html(s: str) -> str:
    import html

    return html.escape(s)


def test_pdf_and_zip_published_and_not_rebuilt(tmp_path, capsys, monkeypatch):
    """With MkDocs: the PDF (written while MkDocs runs) and the ZIP land in the site; a rebuild without changes
    compiles nothing and leaves the published PDF untouched."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    repo = copy_repo(tmp_path / "repo")
    for p in (repo / "agencies").iterdir():
        if p.name != "disnaker-jember":
            shutil.rmtree(p)
    capsys.readouterr()
    assert main(["--root", str(repo), "build"]) == 0
    assert "PDF: 1 dibangun" in capsys.readouterr().out
    pdf = repo / "site" / "disnaker-jember" / "2023" / "laporan-disnaker-jember-2023.pdf"
    assert pdf.read_bytes() == pdf_path(repo, "disnaker-jember/2023").read_bytes()
    assert (repo / "site" / "disnaker-jember" / "2023" / "data" / "semua-tabel-csv.zip").is_file()
    html = (repo / "site" / "disnaker-jember" / "2023" / "cetak" / "index.html").read_text(encoding="utf-8")
    assert 'href="../laporan-disnaker-jember-2023.pdf"' in html
    st = pdf.stat().st_mtime_ns
    assert main(["--root", str(repo), "build"]) == 0
    out = capsys.readouterr().out
    assert "PDF: 0 dibangun" in out and "sudah mutakhir" in out
    assert pdf.stat().st_mtime_ns == st
