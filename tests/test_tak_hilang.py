"""Nothing accepted is lost (issue 13): every field of the data model appears in at least one output — a page,
a CSV or the JSON of its report — for the sample reports plus ``tests/fixtures/lengkap`` (one agency that fills
every field the samples leave empty).

The test walks the pydantic schema from ``Laporan`` and ``Profil``, collects every value the data gives each
field, and looks for it in the generated Markdown (HTML stripped), CSV and JSON text: strings by their first
words, numbers in any of their printed forms. A field counts as shown when at least one of its values is found;
a field holding models counts through its children. Settings whose value is a choice (a Literal or a boolean) are
shown by their effect, which other tests check; they are listed in ``PILIHAN`` with that effect.
"""

from __future__ import annotations

import html
import re
import shutil
import typing
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import BaseModel

from generator import model as M
from generator import pipeline
from generator.validate import load_repo

ROOT = Path(__file__).resolve().parents[1]
LENGKAP = ROOT / "tests" / "fixtures" / "lengkap"


def _jenis_model(ann) -> list[type[BaseModel]]:
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return [ann]
    return [m for a in typing.get_args(ann) for m in _jenis_model(a)]


def _pemilik(cls: type[BaseModel], nama: str) -> str:
    """The class that declares a field (``Program.pagu`` and ``Kegiatan.pagu`` are ``SubKegiatan.pagu``)."""
    for c in reversed(cls.__mro__):
        if isinstance(c, type) and issubclass(c, BaseModel) and nama in c.__dict__.get("__annotations__", {}):
            return f"{c.__name__}.{nama}"
    return f"{cls.__name__}.{nama}"


def skema() -> dict[str, typing.Any]:
    """Every field reachable from a report or a profile: ``Kelas.bidang`` → its annotation."""
    out: dict[str, typing.Any] = {}
    seen: set[type] = set()
    stack = [M.Laporan, M.Profil]
    while stack:
        c = stack.pop()
        if c in seen:
            continue
        seen.add(c)
        for n, f in c.model_fields.items():
            out.setdefault(_pemilik(c, n), f.annotation)
            stack += _jenis_model(f.annotation)
    return out


def _daun(v) -> list:
    if isinstance(v, BaseModel):
        return []
    if isinstance(v, dict):
        return [x for k, val in v.items() for x in [k, *_daun(val)]] if not isinstance(v, BaseModel) else []
    if isinstance(v, (list, tuple)):
        return [x for item in v for x in _daun(item)]
    return [v]


def nilai_data(objs) -> dict[str, list]:
    """``Kelas.bidang`` → the values the data gives it (scalars; models are walked)."""
    out: dict[str, list] = {}

    def walk(o):
        if isinstance(o, BaseModel):
            for n in type(o).model_fields:
                v = getattr(o, n)
                if v is None or v == [] or v == {}:
                    continue
                out.setdefault(_pemilik(type(o), n), []).append(v)
                walk(v)
        elif isinstance(o, (list, tuple)):
            for x in o:
                walk(x)
        elif isinstance(o, dict):
            for x in o.values():
                walk(x)

    for o in objs:
        walk(o)
    return out


# --- looking for a value in the outputs

_MD = re.compile(r"\[([^\]]*)\]\([^)]*\)|[*_`#>|]")


def _polos(teks: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", teks)).split())


def _bentuk_angka(v) -> list[str]:
    """A number as the outputs print it: JSON (``25493311518``, ``94.36``) or Indonesian (``25.493.311.518``, ``94,36``)."""
    d = Decimal(str(v))
    polos = format(d.normalize(), "f") if d == d.to_integral() else format(d, "f")
    bulat, _, pecahan = polos.partition(".")
    tanda = "-" if bulat.startswith("-") else ""
    bulat = bulat.lstrip("-")
    ribuan = f"{int(bulat):,}".replace(",", ".")
    bentuk = {polos, tanda + ribuan + ("," + pecahan if pecahan else "")}
    if pecahan:
        bentuk |= {tanda + ribuan + "," + pecahan.ljust(2, "0")[:2], format(d.normalize(), "f")}
    else:
        bentuk.add(tanda + ribuan + ",00")
    return sorted(bentuk)


def ditemukan(v, polos: str, mentah: str) -> bool:
    if isinstance(v, bool):
        return True  # a switch: shown by its effect (see PILIHAN)
    if isinstance(v, (int, Decimal)) or (isinstance(v, float)):
        return any(b in mentah or b in polos for b in _bentuk_angka(v))
    for teks in (" ".join(str(v).split()), " ".join(_MD.sub(lambda m: m.group(1) or " ", str(v)).split())):  # as written; Markdown read
        awal = " ".join(teks.split()[:6])
        if not awal or awal in polos or awal in mentah or html.escape(awal, quote=False) in mentah:
            return True
    return False


@pytest.fixture(scope="module")
def keluaran(tmp_path_factory):
    repo = tmp_path_factory.mktemp("tak-hilang") / "repo"
    for d in ("agencies", "content", "site_config"):
        shutil.copytree(ROOT / d, repo / d)
    if LENGKAP.is_dir():
        shutil.copytree(LENGKAP / "agencies", repo / "agencies", dirs_exist_ok=True)
    pipeline.generate(repo, pipeline.Timer(False), progress=False)
    docs = repo / "build" / "docs"
    # the report outputs only: the guides (the field reference prints an example value of every field) do not count
    teks = [p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*")) if p.suffix in (".md", ".csv", ".json")
            and not p.relative_to(docs).as_posix().startswith("panduan/")]
    mentah = "\n".join(teks)
    data, masalah = load_repo(repo)
    assert data is not None, masalah
    objs = [i.profil for i in data.instansi] + [b.model for i in data.instansi for b in i.laporan.values()]
    return {"polos": _polos(mentah), "mentah": mentah, "nilai": nilai_data(objs)}


def test_every_field_given_a_value_appears_in_an_output(keluaran):
    hilang = []
    for bidang, daftar in sorted(keluaran["nilai"].items()):
        daun = [x for v in daftar for x in _daun(v)]
        if not daun or bidang in PILIHAN or bidang in STRUKTUR:
            continue  # holds models (its children are checked) or is a choice (shown by its effect)
        if not any(ditemukan(x, keluaran["polos"], keluaran["mentah"]) for x in daun):
            hilang.append(f"{bidang}: {str(daun[0])[:60]!r}")
    assert not hilang, "diterima validasi tetapi tidak tampil di halaman, CSV atau JSON:\n" + "\n".join(hilang)


# Choices (a Literal or a boolean): what shows each one. Their effect is tested where it is computed.
PILIHAN = {
    "Indikator.arah": "rumus capaian 'makin rendah makin baik' di tabel metode dan di JSON (arah)",
    "Indikator.iku": "kolom IKU, catatan 'indikator pendukung, tidak dirata-rata'",
    "Tujuan.tingkat": "'Tujuan RPJMD yang dirujuk Renstra' di BAB II",
    "Sasaran.tingkat": "JSON sasaran[].tingkat",
    "Komponen.peran": "rumus komponen (pembilang/penyebut) di tabel komponen",
    "Pembanding.tingkat": "kolom tingkat di tabel pembanding",
    "Grafik.jenis": "bentuk grafik (SVG)",
    "Kolom.rata": "perataan kolom tabel bebas (kelas CSS)",
    "Pita.bawah_inklusif": "simbol ≥/> di tabel skala",
    "Pita.atas_inklusif": "simbol ≤/< di tabel skala",
    "BarisMultiTahun.total": "baris tebal (kelas total) di tabel pagu multi-tahun",
    "NilaiLain.besaran": "kata capaian/realisasi/target di Catatan Pemeriksaan",
    "MetodeParsial.efisiensi": "tabel Metode perhitungan dan rumus di bawah tabel efisiensi",
    "MetodeParsial.tampilkan_catatan_pemeriksaan": "tanda catatan dan halaman Catatan Pemeriksaan ditampilkan atau tidak",
    "MetodeParsial.hitungan_portal": "tanda P atau baris yang disembunyikan (tests/test_asal.py)",
    "Agregasi.dasar": "tabel Metode perhitungan (rata-rata dari indikator atau sasaran)",
    "Agregasi.cakupan": "tabel Metode perhitungan (IKU atau semua indikator)",
    "Agregasi.nilai_kosong": "tabel Metode perhitungan",
    "Agregasi.batas": "tabel Metode perhitungan",
    "Pembulatan.mode": "tabel Metode perhitungan (dibulatkan/dipotong)",
}


# Structural fields: what shows them is where a block appears or what links to what, not their text.
STRUKTUR = {
    "Tabel.posisi": "tempat tabel di halaman (tests/test_render.py)",
    "Grafik.posisi": "tempat grafik di halaman",
    "Foto.posisi": "tempat foto di halaman",
    "BagianTambahan.posisi": "tempat bagian tambahan di halaman",
    "SasaranRenstra.id": "kunci rujukan internal (tujuan dan sasaran Renstra)",
}


def _pilihan(ann) -> bool:
    if ann is bool or typing.get_origin(ann) is typing.Literal:
        return True
    args = [a for a in typing.get_args(ann) if a is not type(None)]
    return bool(args) and typing.get_origin(ann) is not None and all(_pilihan(a) for a in args)


def test_every_field_of_the_schema_is_given_a_value_by_the_samples_or_the_fixture(keluaran):
    """With tests/fixtures/lengkap, every field reachable from a report or profile has a value somewhere (so the
    test above covers it), except choices listed in PILIHAN with what shows them."""
    sk = skema()
    tanpa = sorted(b for b in sk if b not in keluaran["nilai"] and not (b in PILIHAN and _pilihan(sk[b])))
    assert not tanpa, "bidang tanpa nilai di contoh maupun tests/fixtures/lengkap (tambahkan ke fixture):\n" + "\n".join(tanpa)


def test_choices_listed_are_real_choice_fields():
    sk = skema()
    salah = [b for b in PILIHAN if b not in sk or not _pilihan(sk[b])]
    assert not salah, salah
    assert all(b in sk for b in STRUKTUR), [b for b in STRUKTUR if b not in sk]


def test_the_check_finds_a_value_that_is_shown_nowhere(keluaran):
    assert not ditemukan("Nilai yang tidak pernah ditampilkan ZQX-7", keluaran["polos"], keluaran["mentah"])
    assert not ditemukan(Decimal("98765.4321"), keluaran["polos"], keluaran["mentah"])
    assert ditemukan("Sisa anggaran karena efisiensi pengadaan formulir.", keluaran["polos"], keluaran["mentah"])  # a kegiatan's keterangan
