"""lkip templat / lkip impor: workbook round trips on the samples, Indonesian cells, errors that name the cell."""

import argparse
import dataclasses
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from pydantic import BaseModel

from generator.compute import hitung
from generator.lembar import angka as A
from generator.lembar.perintah import daftarkan
from generator.load import load_file
from generator.validate import load_repo

ROOT = Path(__file__).resolve().parents[1]
FIX = Path(__file__).parent / "fixtures" / "lembar"
SAMPLES = [("disnakertrans-ppu", 2024), ("disnaker-jember", 2023), ("disnaker-pasaman-barat", 2022)]


def lkip(root: Path, *args: str) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--root", type=Path)
    sub = p.add_subparsers(dest="cmd", required=True)
    daftarkan(sub)
    a = p.parse_args(["--root", str(root), *args])
    return a.func(a)


@pytest.fixture
def repo(tmp_path):
    dst = tmp_path / "repo"
    dst.mkdir()
    shutil.copytree(ROOT / "agencies", dst / "agencies")
    shutil.copytree(ROOT / "site_config", dst / "site_config")
    return dst


def _bytes(root: Path) -> dict:
    return {p.relative_to(root): p.read_bytes() for p in sorted((root / "agencies").rglob("*")) if p.is_file()}


def _tanpa_model(x):
    if isinstance(x, BaseModel):
        return None
    if dataclasses.is_dataclass(x):
        return {f.name: _tanpa_model(getattr(x, f.name)) for f in dataclasses.fields(x) if f.name not in ("model", "sumber", "sasaran")}
    if isinstance(x, (list, tuple)):
        return [_tanpa_model(v) for v in x]
    if isinstance(x, dict):
        return {k: _tanpa_model(v) for k, v in x.items()}
    return x


def _hitung(root: Path, slug: str) -> dict:
    r, masalah = load_repo(root, only={slug})
    assert r is not None, [str(m) for m in masalah if m.tingkat == "galat"]
    return {y: _tanpa_model(hitung(b.model, b.metode)) for y, b in r.instansi[0].laporan.items()}


# ---------------------------------------------------------------------------------------------------
# Round trips


@pytest.mark.parametrize("slug,tahun", SAMPLES)
def test_ekspor_then_impor_unmodified_changes_no_byte(repo, tmp_path, capsys, slug, tahun):
    before = _bytes(repo)
    xlsx = tmp_path / f"{slug}.xlsx"
    assert lkip(repo, "ekspor", slug, str(tahun), "--out", str(xlsx)) == 0
    assert capsys.readouterr().out == f"Data {slug} {tahun} diekspor ke {xlsx}. Ubah di Excel/LibreOffice, lalu: lkip impor {xlsx}\n"
    assert lkip(repo, "impor", str(xlsx)) == 0
    assert "Tidak ada perubahan" in capsys.readouterr().out
    assert _bytes(repo) == before


@pytest.mark.parametrize("slug,tahun", SAMPLES)
def test_workbook_alone_rebuilds_the_same_computed_report(repo, tmp_path, slug, tahun):
    """ekspor, then plan, measurement, budget, staff and signatory removed from the YAML: importing the workbook
    computes the same report (every indicator's capaian, predikat, budget figure and total)."""
    from ruamel.yaml import YAML

    xlsx = tmp_path / "t.xlsx"
    assert lkip(repo, "ekspor", slug, str(tahun), "--out", str(xlsx)) == 0
    f = repo / "agencies" / slug / f"{tahun}.yaml"
    y = YAML()
    y.preserve_quotes = True
    y.width = 4096
    d = y.load(f.read_text(encoding="utf-8"))
    for k in ("sasaran", "pegawai", "penandatangan"):
        d.pop(k, None)
    for k in ("program", "belanja_per_jenis", "tercetak"):
        d["anggaran"].pop(k, None)
    for t in d.get("renstra", {}).get("tujuan", []):
        t.pop("indikator", None)
    with f.open("w", encoding="utf-8") as out:
        y.dump(d, out)
    assert lkip(repo, "impor", str(xlsx)) == 0
    assert _hitung(repo, slug) == _hitung(ROOT, slug)


def test_ekspor_writes_the_same_cells_as_templat_on_an_existing_year(repo, tmp_path):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert lkip(repo, "ekspor", "disnaker-jember", "2023", "--out", str(a)) == 0
    assert lkip(repo, "templat", "disnaker-jember", "2023", "--out", str(b)) == 0

    def sel(path):
        wb = openpyxl.load_workbook(path)
        return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in wb}

    wa, wb_ = sel(a), sel(b)
    assert wa == wb_ and wa["Anggaran"][1][1:3] == ["program", "prog-penunjang"]


def test_ekspor_of_a_year_without_data_points_to_templat(repo, tmp_path, capsys):
    out = tmp_path / "x.xlsx"
    assert lkip(repo, "ekspor", "disnakertrans-ppu", "2025", "--out", str(out)) == 1
    assert capsys.readouterr().err == ("galat: belum ada data tahun 2025 di agencies/disnakertrans-ppu/; untuk tahun baru buat lembar isian "
                                       "dengan: lkip templat disnakertrans-ppu 2025\n")
    assert not out.exists()
    assert lkip(repo, "ekspor", "dinas-tidak-ada", "2024", "--out", str(out)) == 1
    assert "instansi 'dinas-tidak-ada' tidak ada" in capsys.readouterr().err
    assert lkip(repo, "ekspor", "disnakertrans-ppu", "2024", "--out", str(tmp_path / "x.ods")) == 2


def test_new_year_template_from_previous_year_then_import(repo, tmp_path, capsys):
    xlsx = tmp_path / "2025.xlsx"
    assert lkip(repo, "templat", "disnakertrans-ppu", "2025", "--out", str(xlsx)) == 0
    wb = openpyxl.load_workbook(xlsx)
    ws = wb["Pengukuran"]
    heads = {c.value: c.column for c in ws[1]}
    assert "Realisasi 2025" in heads and "Realisasi 2024" in heads
    assert ws.cell(row=2, column=heads["Id Indikator"]).value == "iku-pelatihan"
    assert ws.cell(row=2, column=heads["Realisasi 2024"]).value == 33  # last year's value carried as history
    assert ws.cell(row=2, column=heads["Realisasi 2025"]).value is None
    ws.cell(row=2, column=heads["Realisasi 2025"]).value = "35,5"
    wb.save(xlsx)
    assert lkip(repo, "impor", str(xlsx)) == 0
    data = load_file(repo / "agencies/disnakertrans-ppu/2025.yaml").data
    ind = data["sasaran"][0]["indikator"][0]
    assert ind["realisasi"][2025] == Decimal("35.5")
    assert ind["target"] == {2024: 25}
    assert (repo / "agencies/disnakertrans-ppu/2024.yaml").read_bytes() == (ROOT / "agencies/disnakertrans-ppu/2024.yaml").read_bytes()


# ---------------------------------------------------------------------------------------------------
# Indonesian cells


def _kolom(ws, judul: str) -> int:
    return next(c.column for c in ws[1] if c.value == judul)


def test_indonesian_formatted_cells_import_to_exact_decimals(repo, tmp_path):
    xlsx = tmp_path / "isi.xlsx"
    assert lkip(repo, "templat", "disnakertrans-ppu", "2024", "--out", str(xlsx)) == 0
    wb = openpyxl.load_workbook(xlsx)
    ws = wb["Pengukuran"]
    ws.cell(row=2, column=_kolom(ws, "Realisasi 2024")).value = " 33,25 "
    ws.cell(row=2, column=_kolom(ws, "Pembilang")).value = "1.234"
    ws.cell(row=2, column=_kolom(ws, "Penyebut")).value = "3.711"
    cap = ws.cell(row=2, column=_kolom(ws, "Capaian Tercetak (%)"))
    cap.value, cap.number_format = 1.33, "0.00%"  # percent-formatted number: 133,00%
    ws.cell(row=3, column=_kolom(ws, "Realisasi 2024")).value = "60,23%"
    wa = wb["Anggaran"]
    wa.cell(row=3, column=_kolom(wa, "Realisasi")).value = "Rp 14.340.365.473,50"
    wa.cell(row=3, column=_kolom(wa, "Pagu Perubahan")).value = "15,436,201,600.00"
    wb.save(xlsx)
    before = (repo / "agencies/disnakertrans-ppu/2024.yaml").read_text(encoding="utf-8")
    assert lkip(repo, "impor", str(xlsx)) == 0
    text = (repo / "agencies/disnakertrans-ppu/2024.yaml").read_text(encoding="utf-8")
    data = load_file(repo / "agencies/disnakertrans-ppu/2024.yaml").data
    ind = data["sasaran"][0]["indikator"][0]
    assert ind["realisasi"][2024] == Decimal("33.25")
    assert ind["tercetak"]["capaian"] == Decimal("133.00")
    assert [k for k in ind["komponen"] if k.get("peran") == "pembilang"][0]["nilai"] == 1234
    assert data["sasaran"][0]["indikator"][1]["realisasi"][2024] == Decimal("60.23")
    prog = data["anggaran"]["program"][1]
    assert prog["realisasi"] == Decimal("14340365473.50") and prog["pagu_perubahan"] == 15436201600
    # minimal diff: comments kept, few lines changed
    import difflib

    changed = [line for line in difflib.unified_diff(before.splitlines(), text.splitlines(), lineterm="", n=0) if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert len(changed) <= 14, changed
    assert "# tercetak 133, 33/25 = 132" in text
    # importing again changes nothing
    assert lkip(repo, "impor", str(xlsx)) == 0
    assert (repo / "agencies/disnakertrans-ppu/2024.yaml").read_text(encoding="utf-8") == text


@pytest.mark.parametrize("teks,nilai", [
    ("1.234.567,89", Decimal("1234567.89")), ("92,9%", Decimal("92.9")), ("Rp 1.234", Decimal("1234")),
    ("Rp. 293.450.307,-", Decimal("293450307")), ("92.90", Decimal("92.90")), ("0.929", Decimal("0.929")),
    ("1,234,567", Decimal("1234567")), ("(1.000)", Decimal("-1000")), ("\u00a033 ", Decimal("33")),
])
def test_angka_indonesia(teks, nilai):
    assert A.angka(A.Sel(teks)) == nilai


def test_percent_and_fixed_decimal_formats_keep_printed_precision():
    assert A.angka(A.Sel(0.929, "0.00%", True)) == Decimal("92.90")
    assert A.angka(A.Sel(92.9, "#,##0.00")) == Decimal("92.90")
    assert A.angka(A.Sel(15436201600.0)) == Decimal("15436201600")
    assert A.nilai(A.Sel("14 Orang")) == 14 and A.nilai(A.Sel("B")) == "B" and A.angka(A.Sel("-")) is None


# ---------------------------------------------------------------------------------------------------
# Errors name the cell and write nothing


def test_error_names_sheet_and_cell_and_writes_nothing(repo, tmp_path, capsys):
    xlsx = tmp_path / "pengukuran.xlsx"
    assert lkip(repo, "templat", "disnakertrans-ppu", "2024", "--out", str(xlsx)) == 0
    wb = openpyxl.load_workbook(xlsx)
    ws = wb["Pengukuran"]
    col = _kolom(ws, "Realisasi 2024")
    ws.cell(row=3, column=col).value = "tiga puluh"
    ws.cell(row=2, column=col).value = "33"  # a valid change elsewhere: must not be written either
    wa = wb["Anggaran"]
    wa.cell(row=2, column=_kolom(wa, "Pagu Murni")).value = "-5.000"
    wb.save(xlsx)
    before = _bytes(repo)
    assert lkip(repo, "impor", str(xlsx)) == 1
    err = capsys.readouterr().err
    letter = openpyxl.utils.get_column_letter(col)
    assert f"pengukuran.xlsx!Pengukuran!{letter}3: kolom 'Realisasi 2024': 'tiga puluh' bukan angka; satuan indikator ini 'Persen'" in err
    assert "pengukuran.xlsx!Anggaran!F2: kolom 'Pagu Murni': jumlah rupiah tidak boleh negatif" in err
    assert "tidak ada berkas yang ditulis" in err
    assert _bytes(repo) == before


def test_unknown_indicator_and_validation_error_mapped_to_cell(repo, tmp_path, capsys):
    xlsx = tmp_path / "t.xlsx"
    assert lkip(repo, "templat", "disnakertrans-ppu", "2024", "--out", str(xlsx)) == 0
    wb = openpyxl.load_workbook(xlsx)
    ws = wb["Pengukuran"]
    ws.cell(row=2, column=_kolom(ws, "Anggaran (id)")).value = "prog-tidak-ada"
    wb.save(xlsx)
    before = _bytes(repo)
    assert lkip(repo, "impor", str(xlsx)) == 1
    err = capsys.readouterr().err
    assert "t.xlsx!Pengukuran!" in err and "prog-tidak-ada" in err
    assert _bytes(repo) == before


def test_bad_files_get_clear_errors(repo, tmp_path, capsys):
    bukan = tmp_path / "bukan.xlsx"
    bukan.write_bytes(b"ini bukan zip")
    assert lkip(repo, "impor", str(bukan)) == 1
    assert "bukan arsip zip" in capsys.readouterr().err
    makro = tmp_path / "makro.xlsm"
    makro.write_bytes(b"PK")
    assert lkip(repo, "impor", str(makro)) == 1
    assert "makro" in capsys.readouterr().err
    bom = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(bom, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"<x>" + b" " * (90 * 1024 * 1024) + b"</x>")
    assert lkip(repo, "impor", str(bom)) == 1
    assert "terlalu besar" in capsys.readouterr().err
    wb = openpyxl.Workbook()
    wb.active.title = "Lembar1"
    wb.active["A1"] = "apa saja"
    wb.save(tmp_path / "asing.xlsx")
    assert lkip(repo, "impor", str(tmp_path / "asing.xlsx"), "--instansi", "disnakertrans-ppu", "--tahun", "2024") == 1
    assert "tidak ada lembar yang dikenali" in capsys.readouterr().err


def test_formula_cells_use_cached_value_never_formula_text(repo, tmp_path, capsys):
    xlsx = tmp_path / "rumus.xlsx"
    assert lkip(repo, "templat", "disnakertrans-ppu", "2024", "--out", str(xlsx)) == 0
    wb = openpyxl.load_workbook(xlsx)
    ws = wb["Pengukuran"]
    ws.cell(row=2, column=_kolom(ws, "Pembilang (uraian)")).value = "=HYPERLINK(\"http://x\",\"klik\")"  # no cached value
    wb.save(xlsx)
    assert lkip(repo, "impor", str(xlsx)) == 0
    text = (repo / "agencies/disnakertrans-ppu/2024.yaml").read_text(encoding="utf-8")
    assert "HYPERLINK" not in text and "=" not in "".join(line.split("#")[0] for line in text.splitlines() if "nama:" in line)


# ---------------------------------------------------------------------------------------------------
# The regional financial system's export


def test_financial_export_builds_the_samples_tree_and_reports_wrong_total(repo, capsys):
    xlsx = FIX / "realisasi-anggaran-jember-2023.xlsx"
    assert lkip(repo, "impor", str(xlsx), "--instansi", "disnaker-jember", "--tahun", "2023") == 0
    out = capsys.readouterr().out
    assert "realisasi-anggaran-jember-2023.xlsx!LRA!D54: realisasi tercetak Rp 13.360.116.248, jumlah semua program Rp 13.359.116.248 (selisih Rp 1.000.000)" in out
    new = load_file(repo / "agencies/disnaker-jember/2023.yaml").data["anggaran"]
    old = load_file(ROOT / "agencies/disnaker-jember/2023.yaml").data["anggaran"]

    def pohon(a):
        return [(p["id"], [(k["id"], [(s["id"], s["pagu"], s["realisasi"]) for s in k["sub_kegiatan"]]) for k in p["kegiatan"]]) for p in a["program"]]

    assert pohon(new) == pohon(old)
    assert [p["kode"] for p in new["program"]] == ["2.07.01", "2.07.03", "2.07.04", "2.07.05"]
    assert new["program"][0]["kegiatan"][0]["sub_kegiatan"][0]["kode"] == "2.07.01.2.01.0001"
    assert new["program"][0]["nama"] == "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"  # not the export's capitals
    assert new["tercetak"]["realisasi"] == 13360116248  # printed (wrong) total kept as printed, for lkip check
    assert lkip(repo, "impor", str(xlsx), "--instansi", "disnaker-jember", "--tahun", "2023") == 0
    assert "Tidak ada perubahan" in capsys.readouterr().out


def test_financial_export_as_csv_with_semicolons(repo, tmp_path, capsys):
    rows = [
        "LAPORAN REALISASI ANGGARAN;;;;",
        "Kode Rekening;Uraian;Anggaran;Realisasi;%",
        "2.07.03;Program Pelatihan Kerja Dan Produktivitas Tenaga Kerja;15.436.201.600,00;14.340.365.473,00;92,90",
        "2.07.03.2.01;Pelaksanaan Pelatihan berdasarkan Unit Kompetensi;15.436.201.600,00;14.340.365.473,00;92,90",
        "2.07.03.2.01.0001;Proses Pelaksanaan Pendidikan dan Pelatihan Keterampilan bagi Pencari Kerja berdasarkan Klaster Kompetensi;15.000.000.000,00;13.950.000.000,00;93,00",
        "2.07.03.2.01.0002;Koordinasi Lintas Lembaga dan Kerja Sama dengan Sektor Swasta;436.201.600,00;390.365.473,00;89,49",
    ]
    csv = tmp_path / "lra.csv"
    csv.write_text("\n".join(rows + [";Jumlah;15.436.201.600,00;14.340.365.473,00;92,90"]) + "\n", encoding="utf-8")
    before = _bytes(repo)
    # programs the indicators refer to would disappear: validation fails in the temporary copy, nothing written
    assert lkip(repo, "impor", str(csv), "--instansi", "disnakertrans-ppu", "--tahun", "2025") == 1
    assert "anggaran 'prog-penempatan' tidak ditemukan" in capsys.readouterr().err
    assert _bytes(repo) == before
    rows += [
        "2.07.01;Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota;7.086.715.518;6.839.403.520;96,51",
        "2.07.04;Program Penempatan Tenaga Kerja;279.000.000;277.109.879;99,32",
        "2.07.05;Program Hubungan Industrial;2.413.500.000;2.357.181.478;97,67",
        "3.29.03;Program Perencanaan Kawasan Transmigrasi;277.894.400;241.922.887;87,06",
        ";Jumlah;25.493.311.518;24.055.983.237;94,36",
    ]
    csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert lkip(repo, "impor", str(csv), "--instansi", "disnakertrans-ppu", "--tahun", "2025") == 0
    data = load_file(repo / "agencies/disnakertrans-ppu/2025.yaml").data
    progs = data["anggaran"]["program"]
    p = next(x for x in progs if x.get("kode") == "2.07.03")
    assert p["id"] == "prog-pelatihan-kerja"  # matched by name: the id the indicators refer to
    assert [s["pagu"] for s in p["kegiatan"][0]["sub_kegiatan"]] == [15000000000, 436201600]
    assert p["tercetak"]["pagu"] == 15436201600
    assert next(x for x in progs if x["id"] == "prog-penempatan")["realisasi"] == 277109879
    assert data["anggaran"]["tercetak"]["realisasi"] == 24055983237


def test_cli_has_templat_ekspor_and_impor(repo, tmp_path, capsys):
    from generator.cli import main

    xlsx = tmp_path / "cli.xlsx"
    assert main(["--root", str(repo), "templat", "disnakertrans-ppu", "2025", "--out", str(tmp_path / "baru.xlsx")]) == 0
    assert main(["--root", str(repo), "ekspor", "disnakertrans-ppu", "2024", "--out", str(xlsx)]) == 0
    assert main(["--root", str(repo), "impor", str(xlsx)]) == 0
    assert "Tidak ada perubahan" in capsys.readouterr().out


def _ods(path: Path, nama: str, rows: list[list[tuple[str, str, str]]]) -> None:
    """A minimal OpenDocument spreadsheet; each cell is (value-type, office:value, shown text)."""
    cells = []
    for row in rows:
        xs = []
        for vt, val, teks in row:
            if vt == "string":
                xs.append(f'<table:table-cell office:value-type="string"><text:p>{teks}</text:p></table:table-cell>')
            elif vt == "empty":
                xs.append('<table:table-cell table:number-columns-repeated="2"/>')
            else:
                xs.append(f'<table:table-cell office:value-type="{vt}" office:value="{val}"><text:p>{teks}</text:p></table:table-cell>')
        cells.append("<table:table-row>" + "".join(xs) + "</table:table-row>")
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
               f'<office:body><office:spreadsheet><table:table table:name="{nama}">' + "".join(cells)
               + '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
               + "</table:table></office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)


def test_ods_percentages_and_repeated_empty_rows(repo, tmp_path):
    ods = tmp_path / "pengukuran.ods"
    _ods(ods, "Pengukuran", [
        [("string", "", "Id Indikator"), ("string", "", "Realisasi 2024"), ("string", "", "Capaian Tercetak (%)")],
        [("string", "", "iku-penempatan"), ("float", "60.5", "60,50"), ("percentage", "0.6368", "63,68%")],
    ])
    assert lkip(repo, "impor", str(ods), "--instansi", "disnakertrans-ppu", "--tahun", "2024") == 0
    ind = load_file(repo / "agencies/disnakertrans-ppu/2024.yaml").data["sasaran"][0]["indikator"][1]
    assert ind["id"] == "iku-penempatan"
    assert ind["realisasi"][2024] == Decimal("60.50") and ind["tercetak"]["capaian"] == Decimal("63.68")


# ---------------------------------------------------------------------------------------------------
# Narrative files (TAHUN/narasi/*.md) are never touched by an import


def test_impor_keeps_narrative_files_and_validates_with_them(repo, tmp_path, capsys):
    md = repo / "agencies/disnakertrans-ppu/2024/narasi/bab-1-latar-belakang.md"
    md.parent.mkdir(parents=True)
    md.write_text("Latar belakang dari berkas Markdown.\n", encoding="utf-8")
    before = _bytes(repo)
    xlsx = tmp_path / "e.xlsx"
    assert lkip(repo, "ekspor", "disnakertrans-ppu", "2024", "--out", str(xlsx)) == 0
    assert lkip(repo, "impor", str(xlsx)) == 0
    assert "Tidak ada perubahan" in capsys.readouterr().out
    assert _bytes(repo) == before
    (md.parent / "bab-4-kesimpulan.md").write_text("Kesimpulan kedua.\n", encoding="utf-8")  # also in the YAML
    assert lkip(repo, "impor", str(xlsx)) == 1
    assert ("agencies/disnakertrans-ppu/2024/narasi/bab-4-kesimpulan.md:1:1: narasi.kesimpulan: narasi 'kesimpulan' ditulis dua kali: "
            "di berkas ini dan di agencies/disnakertrans-ppu/2024.yaml:") in capsys.readouterr().err


def test_new_year_whose_narrative_files_were_written_before_the_first_import(repo, tmp_path, capsys):
    """2025/narasi/ exists before 2025.yaml: the year file is made beside it, without the scaffold's placeholder."""
    folder = repo / "agencies/disnakertrans-ppu"
    (folder / "2024.yaml").unlink()  # no earlier year: the scaffold writes a placeholder kata_pengantar
    (folder / "2025/narasi").mkdir(parents=True)
    (folder / "2025/narasi/kata-pengantar.md").write_text("Puji syukur.\n", encoding="utf-8")
    xlsx = tmp_path / "2025.xlsx"
    assert lkip(repo, "templat", "disnakertrans-ppu", "2025", "--out", str(xlsx)) == 0
    assert lkip(repo, "impor", str(xlsx)) == 0
    assert "Ditulis agencies/disnakertrans-ppu/2025.yaml." in capsys.readouterr().out
    assert "narasi" not in load_file(folder / "2025.yaml").data
    r, masalah = load_repo(repo, only={"disnakertrans-ppu"})
    assert r is not None, [str(m) for m in masalah]
    assert r.instansi[0].laporan[2025].model.narasi.kata_pengantar == "Puji syukur."


# ---------------------------------------------------------------------------------------------------
# The picture of the template in the docs (content/panduan/mengisi-dari-excel.md)


def test_docs_picture_of_the_template_is_small_referenced_with_alt_text_and_drawn_from_the_workbook(tmp_path):
    import importlib.util
    import re

    png = ROOT / "content/panduan/gambar/templat-pengukuran.png"
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) < 150 * 1024
    page = (ROOT / "content/panduan/mengisi-dari-excel.md").read_text(encoding="utf-8")
    alt = re.search(r"!\[([^\]]+)\]\(gambar/templat-pengukuran\.png\)", page)
    assert alt and "Realisasi 2024" in alt[1] and len(alt[1]) > 80
    spec = importlib.util.spec_from_file_location("gambar_templat", ROOT / "scripts/gambar_templat.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    xlsx = tmp_path / "p.xlsx"
    assert lkip(ROOT, "ekspor", "disnakertrans-ppu", "2024", "--out", str(xlsx)) == 0
    html = mod.halaman_html(xlsx, "disnakertrans-ppu-2024.xlsx")
    for text in ("Id Indikator", "Realisasi 2024", "iku-pelatihan", "8,36", '<td class="angka pilih" style="">33</td>', "Realisasi tahun itu",
                 '<span class="aktif">Pengukuran</span>', "<span class=\"\">Anggaran</span>"):
        assert text in html, text
    assert "Daftar" not in re.findall(r"<span[^>]*>([^<]+)</span>", html)  # the hidden list sheet has no tab
