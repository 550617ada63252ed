"""No text from YAML becomes markup that runs: payloads in every kind of field, checked in every output file
(HTML, SVG, CSV, JSON, search index) and in a real browser."""

from __future__ import annotations

import html.parser
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "mini"

PAYLOADS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "[klik](javascript:window.__pwned=1)",
    '<a href="javascript:window.__pwned=1">tautan</a>',
    "{{ 7*7 }}{% raw %}",
    "<div>blok HTML mentah</div>\n\n<iframe src=//contoh.invalid></iframe>",
    "![x](x onerror=window.__pwned=1)",
    '"><svg onload=window.__pwned=1>',
    "</title><script>window.__pwned=1</script>",
    "=HYPERLINK(\"http://contoh.invalid\",\"klik\")",
]


# Cells that a spreadsheet would run as a formula when a CSV download is opened (OWASP CSV injection).
FORMULA = ['=HYPERLINK("http://contoh.invalid","klik")', "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
           '<script>window.__pwned=1</script>']


def _payload(i: int) -> str:
    return f"P{i} " + PAYLOADS[i % len(PAYLOADS)]


def hostile_year() -> dict:
    """The mini fixture's report with a payload in every kind of text field."""
    data = yaml.safe_load((FIXTURE / "agencies/dinas-contoh/2024.yaml").read_text(encoding="utf-8"))
    n = iter(range(1000))
    p = lambda: _payload(next(n))  # noqa: E731
    data["judul"] = p()
    data["penandatangan"].update(nama=p(), jabatan=p(), tempat=p())
    data["renstra"]["visi"] = p()
    data["renstra"]["misi"][0]["teks"] = p()
    data["renstra"]["tujuan"][0]["teks"] = p()
    s = data["sasaran"][0]
    s["nama"], s["narasi"] = p(), p()
    ind = s["indikator"][0]
    ind.update(nama=p(), satuan="Persen", definisi=p(), sumber_data=p(), narasi=p(), alias=[p()])
    ind["analisis"] = {k: p() for k in ("target_realisasi", "tahun_sebelumnya", "renstra", "nasional", "penyebab", "solusi", "efisiensi", "program_pendukung")}
    ind["pembanding"] = [{"tingkat": "nasional", "nama": p(), "tahun": 2024, "nilai": 30, "keterangan": p()}]
    ind["komponen"] = [{"nama": p(), "nilai": 33, "peran": "rincian"}]
    data["anggaran"]["program"][0]["nama"] = p()
    data["anggaran"]["program"][0]["keterangan"] = p()
    data["narasi"] = {k: p() for k in ("kata_pengantar", "ringkasan", "latar_belakang", "isu_strategis", "capaian_kinerja", "realisasi_anggaran", "kesimpulan", "saran")}
    data["isu_strategis"] = [{"judul": p(), "uraian": p()}]
    data["prestasi"] = [{"nama": p(), "tahun": 2024, "pemberi": p(), "uraian": p()}]
    data["evaluasi_akip"] = {"riwayat": [{"tahun": 2023, "nilai": 60, "predikat": p()}], "rekomendasi": [{"kelompok": p(), "butir": [{"rekomendasi": p(), "tindak_lanjut": p()}]}]}
    data["tabel"] = [{
        "id": "tabel-jahat", "judul": p(), "posisi": "indikator:iku-a", "sumber": p(), "catatan": p(),
        "kolom": [{"judul": p()}, {"judul": p(), "sub": [{"judul": p()}, {"judul": p()}]}],
        "baris": [[p(), 10, 20], [p(), 30, 40], *[[f, 1, 2] for f in FORMULA]],
    }]
    data["grafik"] = [{"id": "grafik-jahat", "judul": p(), "posisi": "indikator:iku-a", "tabel": "tabel-jahat", "label_kolom": 1,
                       "seri": [{"nama": p(), "kolom": 2}, {"nama": p(), "kolom": 3}], "satuan": p(), "sumber": p()}]
    data["foto"] = [{"keterangan": p(), "alt": p(), "posisi": "lampiran"}]
    data["bagian_tambahan"] = [{"id": "bagian-jahat", "judul": p(), "posisi": "bab4", "isi": p()}]
    data["errata"] = [p()]
    return data


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    repo = tmp_path_factory.mktemp("jahat") / "repo"
    for item in ("theme", "content"):
        shutil.copytree(ROOT / item, repo / item)
    shutil.copy2(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    shutil.copytree(FIXTURE / "site_config", repo / "site_config")
    folder = repo / "agencies" / "dinas-contoh"
    folder.mkdir(parents=True)
    profil = {"nama": _payload(100), "pemda": _payload(101), "alamat": _payload(102), "tugas_pokok": _payload(103),
              "fungsi": [_payload(104)], "struktur_organisasi": [{"nama": _payload(105), "unit": [{"nama": _payload(106)}]}]}
    (folder / "profil.yaml").write_text(yaml.safe_dump(profil, allow_unicode=True), encoding="utf-8")
    (folder / "2024.yaml").write_text(yaml.safe_dump(hostile_year(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = repo / "site"
    assert main(["--root", str(repo), "build", "--out", str(out)]) == 0
    return out


class _Scan(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on") and value and "__pwned" in value:
                self.problems.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "xlink:href", "action", "formaction") and value and value.strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value[:40]}>")
        if tag in ("script", "iframe") and not any(n == "src" and v and not v.startswith("//contoh") for n, v in attrs):
            self.in_script = tag == "script"
        if tag == "iframe":
            self.problems.append("<iframe>")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script and "__pwned" in data:
            self.problems.append("<script> with payload")


def test_no_payload_becomes_markup_in_any_output_file(hostile_site):
    checked = 0
    for path in sorted(hostile_site.rglob("*")):
        if path.suffix not in (".html", ".svg", ".xml") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        scan = _Scan()
        scan.feed(text)
        assert scan.problems == [], f"{path.relative_to(hostile_site)}: {scan.problems}"
        checked += 1
    assert checked > 10


def test_payload_text_is_shown_literally(hostile_site):
    page = (hostile_site / "dinas-contoh/2024/bab-3/index.html").read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in page  # never evaluated as a template
    assert "&lt;script&gt;" in page or "&lt;img" in page


def test_downloads_do_not_carry_formulas_or_markup(hostile_site):
    import csv
    import json

    csvs = list(hostile_site.rglob("*.csv"))
    assert len(csvs) > 10 and any(p.name == "bebas--tabel-jahat.csv" for p in csvs)
    for path in csvs:
        for line in path.read_text(encoding="utf-8-sig").splitlines():
            for cell in re.split(r",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", line):
                cell = cell.strip('"')
                assert not re.match(r"^[=+@-]", cell), f"{path.name}: spreadsheet formula {cell[:40]}"
    # the formula cells are kept as text (a leading '), not dropped
    jahat = next(p for p in csvs if p.name == "bebas--tabel-jahat.csv")
    cells = [c for row in csv.reader(jahat.read_text(encoding="utf-8-sig").splitlines()) for c in row]
    for f in FORMULA:
        assert (f if f[0] == "<" else "'" + f) in cells
    # the report's JSON: every payload kept as data, none as markup (< > & escaped), and a file of its own
    data = list(hostile_site.rglob("laporan.json"))
    assert data
    for path in data:
        raw = path.read_text(encoding="utf-8")
        assert not re.search(r"[<>&]", raw), path
        text = json.dumps(json.loads(raw), ensure_ascii=False)
        assert "<script>window.__pwned=1</script>" in text and "{{ 7*7 }}" in text


def test_payloads_do_not_run_in_the_browser(hostile_site):
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.skip("Chromium tidak ada")
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(hostile_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    pages = sorted(p.relative_to(hostile_site).parent.as_posix() for p in hostile_site.rglob("index.html"))
    try:
        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            pg = b.new_page()
            dialogs: list[str] = []
            pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            for rel in pages:
                pg.goto(f"{base}/{'' if rel == '.' else rel + '/'}", wait_until="load")
                for a in pg.query_selector_all("a[href^='javascript:' i]"):
                    raise AssertionError(f"{rel}: javascript: link {a.get_attribute('href')}")
                assert pg.evaluate("window.__pwned") is None, rel
            assert dialogs == []
            b.close()
    finally:
        server.shutdown()
    assert len(pages) >= 8
