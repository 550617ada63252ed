"""The rendering stage: generated Markdown and the built site, asserted with the sample reports' real numbers.

The sample site is built once per session into a temporary copy of the repository (same code, data,
templates and mkdocs.yml), through the same pipeline functions as ``lkip build``.
"""

from __future__ import annotations

import html
import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from generator import pipeline
from generator.render import markdown_html, periksa_folder, rel_url
from generator.validate import load_repo

ROOT = Path(__file__).resolve().parent.parent
SALIN = ("agencies", "site_config", "content", "theme", "mkdocs.yml")


def _salin_repo(dst: Path, agencies: Path | None = None) -> Path:
    dst.mkdir(parents=True, exist_ok=True)
    for item in SALIN:
        src = (agencies if item == "agencies" and agencies else ROOT / item)
        if src.is_dir():
            shutil.copytree(src, dst / item)
        else:
            shutil.copy2(src, dst / item)
    return dst


@pytest.fixture(scope="session")
def situs(tmp_path_factory) -> Path:
    root = _salin_repo(tmp_path_factory.mktemp("situs") / "repo")
    assert pipeline.build(root, root / "site") == 0
    return root


def halaman(root: Path, rel: str) -> str:
    return (root / "site" / rel / "index.html").read_text(encoding="utf-8")


def teks(fragment: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment))).strip()


def tabel(page: str, judul: str) -> str:
    m = re.search(r"<table[^>]*>\s*<caption>[^<]*" + re.escape(judul) + r".*?</table>", page, re.S)
    assert m, f"tabel '{judul}' tidak ditemukan"
    return m.group(0)


def baris_kaki(table: str) -> str:
    m = re.search(r"<tfoot>(.*?)</tfoot>", table, re.S)
    assert m
    return teks(m.group(1))


# --- real numbers of the three sample reports --------------------------------------------------


def test_ppu_program_budget_total_and_absorption(situs):
    page = halaman(situs, "disnakertrans-ppu/2024/bab-3")
    foot = baris_kaki(tabel(page, "Realisasi anggaran per program, kegiatan dan sub-kegiatan tahun 2024"))
    assert "25.493.311.518" in foot
    assert "24.055.983.237" in foot
    assert "94,36%" in foot


def test_ppu_key_figures_in_rupiah_on_summary(situs):
    page = teks(halaman(situs, "disnakertrans-ppu/2024"))
    assert "Rp 25.493.311.518" in page
    assert "Rp 24.055.983.237 (94,36%)" in page


def test_pasaman_barat_overall_capaian_is_mean_of_eight_indicators(situs):
    page = halaman(situs, "disnaker-pasaman-barat/2022/bab-3")
    foot = baris_kaki(tabel(page, "Pengukuran capaian kinerja tahun 2022"))
    assert foot.startswith("Capaian kinerja keseluruhan 100,28%")
    assert "Memuaskan" in foot
    summary = teks(halaman(situs, "disnaker-pasaman-barat/2022"))
    assert "Capaian kinerja keseluruhan 100,28%" in summary


def test_jember_budget_and_sasaran_1_mean(situs):
    page = halaman(situs, "disnaker-jember/2023/bab-3")
    foot = baris_kaki(tabel(page, "Realisasi anggaran per program, kegiatan dan sub-kegiatan tahun 2023"))
    assert "15.308.539.115" in foot and "13.359.116.248" in foot and "87,26%" in foot
    pengukuran = teks(tabel(page, "Pengukuran capaian kinerja tahun 2023"))
    assert "Rata-rata capaian sasaran 1 244,90%" in pengukuran
    # Jember caps capaian at 100 for the rating but shows the raw value
    assert "3.898 389,80% 100,00% Sangat Memuaskan" in pengukuran


def test_home_lists_every_agency_and_year_with_overall_result(situs):
    page = teks(halaman(situs, ""))
    assert "Portal Contoh LKIP Perangkat Daerah" in page
    assert "Dinas Tenaga Kerja Kabupaten Pasaman Barat 2022 6 dari 8 100,28% Memuaskan 94,35%" in page
    assert "2024 4 dari 7 87,46%" in page  # PPU, no rating scale; 4 of its 7 IKU met their target


def test_signature_block_date_and_nip(situs):
    page = teks(halaman(situs, "disnakertrans-ppu/2024/kata-pengantar"))
    assert "Penajam, 10 Februari 2025" in page
    assert "NIP 19710923 199403 1 008" in page


# --- structure and accessibility ----------------------------------------------------------------


def test_every_sasaran_and_indicator_has_a_stable_anchor(situs):
    repo, _ = load_repo(situs)
    for inst in repo.instansi:
        for tahun, b in inst.laporan.items():
            page = halaman(situs, f"{inst.slug}/{tahun}/bab-3")
            for s in b.model.sasaran:
                assert f'id="sasaran-{s.id}"' in page
                for ind in s.indikator:
                    assert f'id="indikator-{ind.id}"' in page


def test_tables_have_caption_scopes_scroll_box_and_no_empty_cells(situs):
    pages = list((situs / "site").glob("*/20*/**/index.html")) + list((situs / "site").glob("*/20*/index.html"))
    assert pages
    n = 0
    for p in pages:
        page = p.read_text(encoding="utf-8")
        for m in re.finditer(r"(<div[^>]*>)\s*<table.*?</table>", page, re.S):
            n += 1
            wrapper, table = m.group(1), m.group(0)
            assert 'class="tabel-gulir"' in wrapper and 'role="region"' in wrapper and 'tabindex="0"' in wrapper and "aria-label=" in wrapper
            assert "<caption>" in table
            assert not re.search(r"<th(?=[\s>])(?![^>]*scope=)[^>]*>", table), f"<th> tanpa scope di {p}"
            assert not re.search(r"<td[^>]*>\s*</td>", table), f"sel kosong di {p}"
    assert n > 100


def test_tables_numbered_per_chapter_with_source_line(situs):
    page = halaman(situs, "disnaker-jember/2023/bab-3")
    # Jember numbers some tables itself (Tabel 3.4 …): those keep the report's number, the portal's own are P3.n
    captions = re.findall(r"<caption>Tabel P(\d+|[A-Z])\.(\d+) ", page)
    assert captions and all(bab == "3" for bab, _ in captions)
    assert [int(n) for _, n in captions] == list(range(1, len(captions) + 1))
    dari_laporan = re.findall(r"<caption>Tabel (\d+(?:\.\d+)+) ", page)
    assert dari_laporan == ["3.6", "3.6"]  # the report's Tabel 3.6 is printed in two parts, one per sasaran
    assert 'id="tabel-3-6"' in page and 'id="tabel-3-6-2"' in page  # each part its own anchor
    assert page.count('<p class="sumber-tabel">Sumber: ') >= len(captions) + len(dari_laporan)


def test_multilevel_free_table_header_uses_colgroup(situs):
    page = halaman(situs, "disnaker-jember/2023/lampiran")
    assert '<th scope="colgroup" colspan="6">Target Kinerja Sasaran Pada Tahun</th>' in page
    assert '<th scope="col" rowspan="2">Tujuan</th>' in page


def test_photo_without_file_is_left_out(situs):
    # issue 14: no placeholder for a missing photo (no figure, no number in the list of figures)
    page = halaman(situs, "disnaker-jember/2023/bab-3")
    assert "Kegiatan Pelatihan Barista" not in page and "Gambar tidak tersedia" not in page
    assert "Kegiatan Pelatihan Barista" not in halaman(situs, "disnaker-jember/2023")


def test_lists_of_tables_and_figures_link_to_existing_anchors(situs):
    site = situs / "site"
    for index in site.glob("*/20*/index.html"):
        page = index.read_text(encoding="utf-8")
        links = re.findall(r'<ul class="daftar-tabel"[^>]*>(.*?)</ul>', page, re.S)
        hrefs = [h for block in links for h in re.findall(r'href="([^"]+)"', block)]
        assert hrefs, index
        for href in hrefs:
            u = urlparse(href)
            target = (index.parent / u.path / "index.html") if u.path else index
            assert target.exists(), href
            assert f'id="{u.fragment}"' in target.read_text(encoding="utf-8"), href


def test_internal_links_of_generated_pages_resolve(situs):
    site = situs / "site"
    ids: dict[Path, str] = {}
    for p in list(site.glob("*/**/index.html")) + [site / "index.html"]:
        if "panduan" in p.parts:
            continue
        page = p.read_text(encoding="utf-8")
        for href in re.findall(r'href="([^"]+)"', page):
            href = html.unescape(href)
            u = urlparse(href)
            if u.scheme or href.startswith("/") or not (u.path or u.fragment) or u.path.endswith((".css", ".js", ".png", ".ico", ".xml", ".json")):
                continue
            target = Path(os.path.normpath(p.parent / u.path)) if u.path else p
            if target.is_dir():
                target = target / "index.html"
            assert target.exists(), f"{p}: {href}"
            if u.fragment:
                text = ids.setdefault(target, target.read_text(encoding="utf-8"))
                assert f'id="{u.fragment}"' in text, f"{p}: {href}"


def test_site_navigation_does_not_grow_with_the_portal_each_report_has_its_own(situs):
    nav = (situs / "build" / "mkdocs-situs.yml").read_text(encoding="utf-8")
    assert "site_name: Laporan Kinerja Perangkat Daerah" in nav
    # no agency in the site nav (it is repeated in every page): agencies are on the home page
    assert "Jember" not in nav and "disnaker-jember/2023/bab-3.md" not in nav
    assert "/disnaker-jember/" in nav  # listed under not_in_nav on purpose
    beranda = halaman(situs, "")
    assert 'href="disnaker-jember/2023/"' in beranda and "Dinas Tenaga Kerja Kabupaten Jember" in beranda
    # a report page links every page of its report, marks the current one, and its neighbours
    bab3 = halaman(situs, "disnaker-jember/2023/bab-3")
    nav_laporan = re.search(r'<nav class="nav-laporan.*?</nav>', bab3, re.S).group(0)
    assert nav_laporan.count("<li>") == len([p for p in (situs / "site" / "disnaker-jember" / "2023").iterdir() if (p / "index.html").is_file() and p.name not in ("cetak", "data", "grafik")]) + 1
    assert re.search(r'aria-current="page"><strong>BAB III Akuntabilitas Kinerja</strong>', nav_laporan)
    assert 'rel="prev">← Sebelumnya: BAB II Perencanaan Kinerja</a>' in bab3 and 'rel="next">Berikutnya: BAB IV Penutup →</a>' in bab3


def test_hand_written_pages_are_copied_with_site_values(situs):
    page = teks(halaman(situs, "aksesibilitas"))
    assert "ppid@contoh.go.id" in page
    metode = halaman(situs, "metode")
    assert "Metode bawaan portal (site_config/lkip.yaml)" in metode
    assert "akip-aa-d" in metode


# --- audit visible to readers ----------------------------------------------------------------------


def test_printed_value_that_differs_is_marked_next_to_the_computed_one(situs):
    page = halaman(situs, "disnakertrans-ppu/2024/bab-3")
    row = re.search(r'<tr><td[^>]*>a</td>.*?</tr>', tabel(page, "Tabel 3.1.1 Rincian Capaian IKU Tahun 2024"), re.S).group(0)
    assert "132,00%" in row
    assert 'href="../catatan-pemeriksaan/#catatan-1"' in row
    assert "Laporan asli mencetak 133%; hasil hitung 132,00%" in row  # screen-reader text in the link
    assert "Laporan asli mencetak 133%; hasil hitung 132,00%." in teks(page)  # visible note under the table


def test_findings_page_lists_every_finding_with_file_and_line(situs):
    from generator.pipeline import compute_repo

    repo, _ = load_repo(situs)
    for inst, b, _, temuan in compute_repo(repo):
        page = halaman(situs, f"{inst.slug}/{b.tahun}/catatan-pemeriksaan")
        rows = dict(re.findall(r'<tr id="catatan-(\d+)">(.*?)</tr>', page, re.S))  # grouped: material, then rounding
        assert len(rows) == len(temuan)
        for t, (no, row) in zip(temuan, sorted(rows.items(), key=lambda x: int(x[0]))):
            if t.rincian:  # the report's rounding-only findings, one group: each item on its own row below it
                assert all(f"{r.lokasi.file}:{r.lokasi.line}" in page for r in t.rincian)
                continue
            assert f"{t.lokasi.file}:{t.lokasi.line}" in row
            assert html.escape(t.tercetak, quote=False) in row


# --- determinism and incremental writing --------------------------------------------------------


def _render(root: Path) -> dict:
    """Generate every agency anew (no build cache), the way `lkip build` does before MkDocs."""
    shutil.rmtree(root / pipeline.CACHE_FOLDER, ignore_errors=True)
    return pipeline.generate(root, pipeline.Timer(False), progress=False)


def test_render_is_deterministic_writes_only_changes_and_removes_stale_files(tmp_path):
    root = _salin_repo(tmp_path / "repo")
    out = pipeline.docs_dir(root)
    first = _render(root)
    snapshot = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    mtimes = {p: p.stat().st_mtime_ns for p in snapshot}
    (out / "usang.md").write_text("# lama\n", encoding="utf-8")
    (out / "dinas-hapus" / "2020").mkdir(parents=True)
    (out / "dinas-hapus" / "2020" / "index.md").write_text("# lama\n", encoding="utf-8")
    second = _render(root)
    assert second["diubah"] == 0 and second["dihapus"] == 2
    assert first["halaman"] == second["halaman"] == sum(1 for p in out.rglob("*.md"))
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == snapshot
    assert {p: p.stat().st_mtime_ns for p in snapshot} == mtimes
    assert not (out / "dinas-hapus").exists()


def test_render_refuses_to_clean_a_source_folder(situs):
    with pytest.raises(RuntimeError):
        periksa_folder(situs)


# --- a small hostile repository: YAML text is data ----------------------------------------------

JAHAT_PROFIL = """\
nama: "Dinas </title><script>alert(7)</script> & Co {{ 7*7 }}"
pemda: Kabupaten Contoh
situs: "javascript:alert(8)"
"""

JAHAT_LAPORAN = """\
tahun: 2024
penandatangan:
  nama: Budi, S.E.
  jabatan: Kepala Dinas
  nip: "19710828 199803 1 004"
  tempat: Contoh
  tanggal: 2025-02-10
narasi:
  ringkasan: |
    Teks <script>alert(1)</script> dan [klik](javascript:alert(1)) serta <img src=x onerror=alert(2)>.

    Templat {{ 7*7 }} dan {% if true %}ya{% endif %} tetap teks.
  latar_belakang: "**tebal** {: #x }"
sasaran:
  - id: ss1
    nama: "Sasaran <b>tebal</b> {{ 7*7 }} [a](javascript:x) {: #jahat }"
    indikator:
      - id: iku-a
        nama: "<script>alert(3)</script>"
        satuan: Persen
        target: {2024: 25}
        realisasi: {2023: 20, 2024: 33}
        tercetak:
          capaian: 133
      - id: iku-b
        nama: Tanpa target
        satuan: Persen
        realisasi: {2024: 10}
tabel:
  - id: t1
    judul: "Tabel <script>alert(4)</script>"
    posisi: bab3
    kolom:
      - {judul: A}
      - judul: B
        sub: [{judul: B1}, {judul: B2}]
    baris:
      - ["<img src=x onerror=alert(5)>", 1, null]
foto:
  - keterangan: "Foto {{ 7*7 }}"
    alt: "alt <script>alert(9)</script>"
    posisi: bab3
bagian_tambahan:
  - id: bt
    judul: "Judul # {: #x } <i>miring</i>"
    posisi: ringkasan
    isi: "[x](javascript:alert(6)) <iframe src=x></iframe>"
"""


def _repo_mini(tmp_path: Path, laporan: str = JAHAT_LAPORAN, profil: str = JAHAT_PROFIL) -> Path:
    agencies = tmp_path / "src-agencies"
    (agencies / "dinas-jahat").mkdir(parents=True)
    (agencies / "dinas-jahat" / "profil.yaml").write_text(profil, encoding="utf-8")
    (agencies / "dinas-jahat" / "2024.yaml").write_text(laporan, encoding="utf-8")
    return _salin_repo(tmp_path / "repo", agencies)


def test_yaml_text_never_executes_or_renders_as_template(tmp_path):
    root = _repo_mini(tmp_path)
    assert pipeline.build(root, root / "site") == 0
    pages = [p for p in (root / "site").rglob("*.html")]
    assert pages
    for p in pages:
        page = p.read_text(encoding="utf-8")
        assert "<script>alert" not in page, p
        assert 'href="javascript:' not in page, p
        assert "<img src=x" not in page and '<img src="x"' not in page, p
        assert "<iframe" not in page, p
        assert "<b>tebal</b>" not in page and 'id="jahat"' not in page, p
    summary = halaman(root, "dinas-jahat/2024")
    assert "Templat {{ 7*7 }} dan {% if true %}ya{% endif %} tetap teks." in html.unescape(summary)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in summary
    bab3 = halaman(root, "dinas-jahat/2024/bab-3")
    assert "Sasaran &lt;b&gt;tebal&lt;/b&gt; {{ 7*7 }} [a](javascript:x) {: #jahat }" in bab3
    assert "N/A (target belum ditetapkan)" in bab3
    assert "alert(9)" not in bab3  # the photo has no file: left out, its alt text too
    nav = (root / "build" / "mkdocs-situs.yml").read_text(encoding="utf-8")
    assert "<script>" not in nav
    agency = halaman(root, "dinas-jahat")
    assert "javascript:alert(8)" in agency and 'href="javascript:alert(8)"' not in agency


def test_hidden_findings_remove_marks_and_findings_page(tmp_path):
    laporan = JAHAT_LAPORAN.replace("tahun: 2024\n", "tahun: 2024\nmetode:\n  tampilkan_catatan_pemeriksaan: false\n", 1)
    root = _repo_mini(tmp_path, laporan)
    stats = _render(root)
    docs = root / "build" / "docs" / "dinas-jahat" / "2024"
    assert not (docs / "catatan-pemeriksaan.md").exists()
    for p in docs.glob("*.md"):
        assert "tanda-periksa" not in p.read_text(encoding="utf-8")
    assert "catatan-pemeriksaan" not in (root / "build" / "mkdocs-situs.yml").read_text(encoding="utf-8")
    assert stats["laporan"] == 1


def test_empty_sections_and_pages_do_not_appear(tmp_path):
    root = _repo_mini(tmp_path)
    _render(root)
    docs = root / "build" / "docs" / "dinas-jahat" / "2024"
    assert not (docs / "bab-4.md").exists()  # no conclusion written
    bab1 = (docs / "bab-1.md").read_text(encoding="utf-8")
    assert "Latar Belakang" in bab1 and "Maksud dan Tujuan" not in bab1 and "Dasar Hukum" not in bab1
    bab2 = (docs / "bab-2.md").read_text(encoding="utf-8")
    assert "Visi" not in bab2  # no Renstra in this report
    for p in docs.glob("*.md"):
        lines = p.read_text(encoding="utf-8").splitlines()
        heads = [i for i, ln in enumerate(lines) if ln.startswith("#")]
        for a, b in zip(heads, heads[1:]):
            # a heading is never directly followed by a heading of the same or a higher level
            la, lb = len(lines[a]) - len(lines[a].lstrip("#")), len(lines[b]) - len(lines[b].lstrip("#"))
            assert lb > la or any(x.strip() for x in lines[a + 1 : b]), (p.name, lines[a])


# --- helpers ----------------------------------------------------------------------------------------


def test_markdown_narrative_escapes_html_and_drops_unsafe_links():
    out = str(markdown_html("<b>x</b> [a](javascript:alert(1)) [b](https://contoh.go.id) # judul"))
    assert "&lt;b&gt;x&lt;/b&gt;" in out
    assert "javascript:" not in out.split("[a]")[0] and 'href="javascript' not in out
    assert '<a href="https://contoh.go.id">b</a>' in out
    assert str(markdown_html("# Judul", tingkat=4)) == "<h4>Judul</h4>"


@pytest.mark.parametrize(
    "src,dst,anchor,expected",
    [
        ("a/2024/bab-3.md", "a/2024/catatan-pemeriksaan.md", "catatan-1", "../catatan-pemeriksaan/#catatan-1"),
        ("a/2024/index.md", "a/2024/bab-3.md", "x", "bab-3/#x"),
        ("a/2024/bab-3.md", "a/2024/index.md", None, "../"),
        ("a/2024/bab-3.md", "a/2024/bab-3.md", "x", "#x"),
        ("index.md", "a/index.md", None, "a/"),
        ("a/index.md", "a/2024/index.md", None, "2024/"),
    ],
)
def test_relative_urls_for_directory_urls(src, dst, anchor, expected):
    assert rel_url(src, dst, anchor) == expected


def test_templates_exist_one_per_page_type():
    names = {p.name for p in (ROOT / "theme" / "templates").glob("*.md.j2")}
    for page in ("index", "kata_pengantar", "bab_1", "bab_2", "bab_3", "bab_4", "lampiran", "catatan_pemeriksaan", "instansi", "beranda"):
        assert f"{page}.md.j2" in names


def test_photo_and_logo_files_are_copied_and_linked_relative_to_the_page(tmp_path):
    png = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                        "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082")
    # append a photo with a file to the report's foto list (which is followed by bagian_tambahan)
    laporan = JAHAT_LAPORAN.replace("bagian_tambahan:", "  - keterangan: Foto pelatihan\n    alt: Peserta pelatihan las\n    posisi: lampiran\n    berkas: foto/2024/las.png\nbagian_tambahan:", 1)
    root = _repo_mini(tmp_path, laporan, JAHAT_PROFIL + "logo: logo.png\n")
    folder = root / "agencies" / "dinas-jahat"
    (folder / "foto" / "2024").mkdir(parents=True)
    (folder / "foto" / "2024" / "las.png").write_bytes(png)
    (folder / "logo.png").write_bytes(png)
    _render(root)
    docs = root / "build" / "docs" / "dinas-jahat"
    assert (docs / "foto" / "2024" / "las.png").read_bytes() == png
    assert (docs / "logo.png").read_bytes() == png
    lampiran = (docs / "2024" / "lampiran.md").read_text(encoding="utf-8")
    assert '<img src="../../foto/2024/las.png" alt="Peserta pelatihan las" loading="lazy">' in lampiran
    assert '<img src="logo.png"' in (docs / "index.md").read_text(encoding="utf-8")


# --- charts in the built pages (issue: charts)

def _figures(page: str) -> list[str]:
    return re.findall(r'<figure class="grafik".*?</figure>', page, re.S)


def test_sample_reports_carry_their_charts_as_accessible_figures(situs):
    import xml.etree.ElementTree as ET

    counts = {}
    for rel in ("disnakertrans-ppu/2024", "disnaker-pasaman-barat/2022", "disnaker-jember/2023"):
        page = halaman(situs, f"{rel}/bab-3")
        figs = _figures(page)
        counts[rel] = len(figs)
        for fig in figs:
            cap = re.search(r"<figcaption>(.*?)</figcaption>", fig, re.S)
            assert cap and teks(cap.group(1)).startswith("Gambar 3."), fig[:200]
            img = re.search(r'<img class="grafik-svg" src="([^"]+)" alt="([^"]+)"', fig)
            if img is None:  # a YAML chart with too few values: its data table is the figure
                assert "grafik-menunggu" in fig
                continue
            svg_path = (situs / "site" / rel / "bab-3" / img.group(1)).resolve()
            assert svg_path.is_file(), svg_path
            root = ET.fromstring(svg_path.read_bytes())
            title = root.find("{http://www.w3.org/2000/svg}title")
            assert title is not None and title.text == html.unescape(img.group(2))
            assert "<table" in fig, "every chart is followed by the data it was drawn from"
    assert counts == {"disnakertrans-ppu/2024": 11, "disnaker-pasaman-barat/2022": 11, "disnaker-jember/2023": 5}


def test_chart_text_alternatives_state_the_seeds_figures(situs):
    ppu = halaman(situs, "disnakertrans-ppu/2024/bab-3")
    capaian = next(f for f in _figures(ppu) if 'data-grafik="capaian-iku"' in f)
    assert "4 dari 7 indikator mencapai atau melampaui 100%" in teks(capaian)
    assert "rata-rata capaian 87,46%" in teks(capaian)
    anggaran = next(f for f in _figures(ppu) if 'data-grafik="anggaran-program"' in f)
    assert "Rp 24.055.983.237" in html.unescape(anggaran) and "94,36%" in teks(anggaran)
    jember = halaman(situs, "disnaker-jember/2023/bab-3")
    anggaran = next(f for f in _figures(jember) if 'data-grafik="anggaran-program"' in f)
    assert "87,26%" in teks(anggaran) and "Rp 13.359.116.248" in html.unescape(anggaran)


def test_charts_are_listed_in_the_report_list_of_figures(situs):
    ringkasan = halaman(situs, "disnakertrans-ppu/2024")
    daftar = ringkasan[ringkasan.index('id="daftar-gambar"'):]
    assert "Gambar 3.1" in daftar and "Capaian indikator kinerja 2024" in teks(daftar)


def test_field_and_method_reference_are_built_into_the_site_with_real_examples(situs):
    ref = halaman(situs, "panduan/format-data")
    # every key of the year file is documented, with a value taken from the sample agencies' own YAML
    row = re.search(r"<tr>\s*<td><code>target_akhir_renstra</code></td>.*?</tr>", ref, re.S)
    assert row, "indicator keys are documented"
    assert re.search(r"<code>\d+(\.\d+)?</code>", row.group(0)), teks(row.group(0))
    assert "<caption>Kunci teratas agencies/SLUG/TAHUN.yaml</caption>" in ref
    metode = halaman(situs, "panduan/pengaturan-metode")
    for preset in ("ppu-2024", "pasaman-barat", "jember"):
        assert f"<code>{preset}</code>" in metode
    assert "Sangat Memuaskan" in metode and "<caption>Skala " in metode
