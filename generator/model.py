"""Data model of an agency profile (``profil.yaml``) and a report year (``<tahun>.yaml``).

Keys are Indonesian, the users' language. Every model forbids unknown keys so that a typo becomes an
error with a did-you-mean suggestion instead of silently lost data. Numbers arrive from the YAML loader
as ``int`` or ``Decimal`` (never ``float``), so ``92.90`` keeps its two printed decimals.

Rules that need more than one field (references, sums, scale coverage) live in ``validate.py``.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

# ---------------------------------------------------------------------------------------------------
# Scalar types


_ID_NUMBER = re.compile(r"^\s*(Rp\.?\s*)?[-+]?\d{1,3}(\.\d{3})+(,\d+)?\s*%?\s*$|^\s*(Rp\.?\s*)?[-+]?\d+,\d+\s*%?\s*$")
_PLAIN_NUMBER = re.compile(r"^\s*[-+]?\d+(\.\d+)?\s*$")


def indonesian_to_yaml_number(text: str) -> str | None:
    """``"84,16"`` → ``"84.16"``; ``"1.159"`` → ``"1159"``; ``"Rp 15.436.201.600"`` → ``"15436201600"``."""
    if not _ID_NUMBER.match(text):
        return None
    t = text.strip().removeprefix("Rp.").removeprefix("Rp").strip().rstrip("%").strip()
    return t.replace(".", "").replace(",", ".")


def _to_decimal(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("angka_bool", "harus berupa angka, bukan ya/tidak (true/false)")
    if isinstance(value, int):
        value = Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise PydanticCustomError("angka_tak_hingga", "harus berupa angka terhingga, bukan {nilai}", {"nilai": str(value)})
        if value.adjusted() > 18 or (value != 0 and value.adjusted() < -12):
            raise PydanticCustomError("angka_terlalu_besar", "angka terlalu besar atau terlalu kecil ({nilai}); periksa penulisannya", {"nilai": str(value)})
        return value
    if isinstance(value, float):  # only reachable when models are fed from Python, not from our loader
        return Decimal(repr(value))
    if isinstance(value, str):
        saran = indonesian_to_yaml_number(value)
        if saran is not None:
            raise PydanticCustomError(
                "angka_format_indonesia",
                'angka ditulis sebagai teks berformat Indonesia "{teks}"; di YAML tulis {saran} '
                "(titik untuk desimal, tanpa pemisah ribuan, tanpa tanda kutip)",
                {"teks": value, "saran": saran},
            )
        if _PLAIN_NUMBER.match(value):
            raise PydanticCustomError(
                "angka_dalam_kutip",
                'angka ditulis di dalam tanda kutip "{teks}"; tulis {saran} tanpa tanda kutip',
                {"teks": value, "saran": value.strip()},
            )
    raise PydanticCustomError("angka", "harus berupa angka (contoh: 92.90 atau 25493311518)")


Angka = Annotated[Decimal, BeforeValidator(_to_decimal)]
"""A number as the report prints it: exact decimal, printed precision kept."""


def _to_rupiah(value: Any) -> Any:
    d = _to_decimal(value)
    if d != d.quantize(Decimal("0.01")):
        raise PydanticCustomError("rupiah_desimal", "jumlah rupiah paling banyak 2 angka di belakang koma, tertulis {nilai}", {"nilai": str(d)})
    if d < 0:
        raise PydanticCustomError("rupiah_negatif", "jumlah rupiah tidak boleh negatif, tertulis {nilai}", {"nilai": str(d)})
    return d


Rupiah = Annotated[Decimal, BeforeValidator(_to_rupiah)]
"""Money in rupiah: non-negative, at most two decimals; sums are exact."""


def _to_count(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, str) and indonesian_to_yaml_number(value):
            return _to_decimal(value)  # raises the friendly message
        if isinstance(value, Decimal) and value == value.to_integral_value():
            return int(value)
        raise PydanticCustomError("bilangan_bulat", "harus berupa bilangan bulat (contoh: 46)")
    if value < 0:
        raise PydanticCustomError("bilangan_negatif", "tidak boleh negatif, tertulis {nilai}", {"nilai": value})
    return value


Jumlah = Annotated[int, BeforeValidator(_to_count)]
"""A head count or other whole number."""


def _to_value(value: Any) -> Any:
    """A target or realisasi: a number, or a grade/level text such as ``"B"`` (ordinal target)."""
    if isinstance(value, str):
        if indonesian_to_yaml_number(value) is not None or _PLAIN_NUMBER.match(value):
            return _to_decimal(value)  # raises the friendly message
        if not value.strip():
            raise PydanticCustomError("nilai_kosong", "nilai kosong; hapus baris ini atau tulis null")
        return value.strip()
    return _to_decimal(value)


Nilai = Annotated[Union[Decimal, str], BeforeValidator(_to_value)]
"""A target or realisasi: a number, or a grade such as ``"B"`` (see ``metode.tingkat_nilai``)."""


_TANGGAL = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


class Tanggal(BaseModel):
    """A date that may be month-only (``2024-01``) as printed in "Penajam, Januari 2024"."""

    model_config = ConfigDict(frozen=True)
    tahun: int
    bulan: int
    hari: int | None = None


def _to_tanggal(value: Any) -> Any:
    if isinstance(value, Tanggal):
        return value
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return Tanggal(tahun=value.year, bulan=value.month, hari=value.day)
    if isinstance(value, str):
        m = _TANGGAL.match(value.strip())
        if m:
            y, mo, d = int(m[1]), int(m[2]), m[3]
            try:
                _dt.date(y, mo, int(d) if d else 1)
            except ValueError:
                pass
            else:
                return Tanggal(tahun=y, bulan=mo, hari=int(d) if d else None)
    raise PydanticCustomError(
        "tanggal",
        "tanggal harus ditulis TTTT-BB-HH (contoh: 2025-02-10) atau TTTT-BB bila hanya bulan (contoh: 2024-01)",
    )


TanggalField = Annotated[Tanggal, BeforeValidator(_to_tanggal)]

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=80)]
"""A stable identifier: lower-case letters, digits, ``-``, ``_``, ``.`` (e.g. ``iku-pelatihan``)."""

Teks = Annotated[str, Field(max_length=200_000)]
"""Markdown text (paragraphs, lists, emphasis). Raw HTML is shown as text, never executed."""

Tahun = Annotated[int, Field(ge=1945, le=2100)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, str_strip_whitespace=True)


# ---------------------------------------------------------------------------------------------------
# People, signatures, documents


class Orang(Model):
    """A person as printed in a signature block."""

    nama: str = Field(description="Nama lengkap dengan gelar, bentuk baku (mis. 'Marijani, S.Sos., M.Si.')")
    jabatan: str | None = Field(None, description="Jabatan, mis. 'Kepala Dinas'")
    pangkat: str | None = Field(None, description="Pangkat, mis. 'Pembina Utama Muda'")
    golongan: str | None = Field(None, description="Golongan ruang, mis. 'IV/c'")
    nip: str | None = Field(None, pattern=r"^\d{8} ?\d{6} ?\d ?\d{3}$", description="NIP 18 digit, boleh dengan spasi")
    varian_nama: list[str] = Field(default_factory=list, description="Ejaan lain yang tercetak di laporan")


class TandaTangan(Orang):
    tempat: str | None = None
    tanggal: TanggalField | None = None


class Paraf(Model):
    nama: str
    jabatan: str


class DasarHukum(Model):
    jenis: str | None = Field(None, description="UU, PP, Perpres, Permen, Perda, Perbup, …")
    nomor: str | None = None
    tahun: Tahun | None = None
    tentang: str | None = None
    teks: str | None = Field(None, description="Teks lengkap sebagaimana tercetak, bila tidak dipecah")


class UnitOrganisasi(Model):
    nama: str
    jenis: str | None = Field(None, description="kepala, sekretariat, subbagian, bidang, seksi, sub-koordinator, uptd, fungsional")
    pejabat: str | None = None
    tugas: Teks | None = None
    fungsi: list[str] = Field(default_factory=list)
    unit: list[UnitOrganisasi] = Field(default_factory=list, description="Unit di bawahnya")


# ---------------------------------------------------------------------------------------------------
# Generic blocks: tables, charts, photos, narrative sections


Posisi = Annotated[str, Field(pattern=r"^(bab[1-4](\.[a-z0-9_]+)?|ringkasan|kata_pengantar|lampiran(\.[a-z0-9_]+)?|(sasaran|indikator|tujuan):[a-z0-9][a-z0-9_.-]*)$")]
"""Where a block appears: ``bab1.sumber_daya_aparatur``, ``indikator:iku-a``, ``sasaran:ss1``, ``lampiran``."""


class Kolom(Model):
    judul: str
    sub: list[Kolom] = Field(default_factory=list, description="Sub-kolom (header bertingkat)")
    rata: Literal["kiri", "kanan", "tengah"] | None = None


Sel = Union[str, int, Decimal, None]


class Jumlahkan(Model):
    """Which columns a printed total row should equal the sum of (for `lkip check`)."""

    kolom: list[int] = Field(description="Nomor kolom daun (mulai 1) yang dijumlahkan")
    baris_total: list[Sel] = Field(description="Baris total sebagaimana tercetak")


class Tabel(Model):
    """A free-form table rendered as stored, attached where it belongs."""

    id: Id
    judul: str
    posisi: Posisi
    nomor_tercetak: str | None = Field(None, description="Nomor tabel di laporan asli, mis. '3.1.3'")
    kolom: list[Kolom]
    baris: list[list[Sel]]
    baris_total: list[list[Sel]] = Field(default_factory=list, description="Baris jumlah, ditampilkan tebal di akhir")
    jumlahkan: Jumlahkan | None = None
    sumber: str | None = None
    catatan: Teks | None = None


class SeriGrafik(Model):
    nama: str
    kolom: int | None = Field(None, description="Nomor kolom daun tabel (mulai 1) sebagai sumber nilai")
    nilai: list[Angka] | None = Field(None, description="Nilai langsung bila tidak diambil dari tabel")


class Grafik(Model):
    """A chart declared in data; drawn by the chart stage."""

    id: Id
    judul: str
    posisi: Posisi
    jenis: Literal["batang", "garis", "batang_bertumpuk"] = "batang"
    tabel: Id | None = Field(None, description="Id tabel sumber data")
    label_kolom: int | None = Field(None, description="Kolom tabel yang menjadi label sumbu X")
    label: list[str] | None = Field(None, description="Label sumbu X bila data langsung")
    seri: list[SeriGrafik]
    satuan: str | None = None
    nomor_tercetak: str | None = None
    sumber: str | None = None


class Foto(Model):
    berkas: str | None = Field(None, description="Path relatif terhadap folder instansi, mis. 'foto/2024/bubut.jpg'; kosong bila gambar tidak tersedia")
    keterangan: str
    alt: str = Field(description="Teks alternatif untuk pembaca layar")
    posisi: Posisi = "lampiran"


class BagianTambahan(Model):
    """An extra section the standard outline does not have."""

    id: Id
    judul: str
    posisi: Posisi
    isi: Teks


# ---------------------------------------------------------------------------------------------------
# Indicators, sasaran, tujuan, renstra


class Komponen(Model):
    """A raw component of an indicator, e.g. 571 placed / 948 registered."""

    nama: str
    nilai: Angka
    satuan: str | None = None
    peran: Literal["pembilang", "penyebut", "rincian"] = "rincian"
    tahun: Tahun | None = None


class Pembanding(Model):
    """A provincial/national (or other) comparison value."""

    tingkat: Literal["provinsi", "nasional", "kabupaten", "lainnya"]
    nama: str | None = Field(None, description="Mis. 'Provinsi Jawa Timur'")
    tahun: Tahun | None = None
    nilai: Nilai | None = None
    keterangan: str | None = None


class NilaiLain(Model):
    """The same quantity printed again elsewhere in the report, possibly differently."""

    besaran: Literal["capaian", "realisasi", "target", "predikat"] = "capaian"
    tahun: Tahun | None = Field(None, description="Tahun nilai itu; kosong = tahun laporan")
    nilai: Nilai
    lokasi: str = Field(description="Di mana tercetak, mis. 'Tabel 3.3.7'")


class TercetakIndikator(Model):
    """Values the source report printed for the report year, compared with the computed ones."""

    capaian: Angka | None = None
    predikat: str | None = None
    capaian_renstra: Angka | None = Field(None, description="Capaian terhadap target akhir Renstra")
    penyerapan: Angka | None = Field(None, description="% penyerapan anggaran yang dipakai tabel efisiensi")
    efisiensi: Angka | None = None
    efisiensi_teks: str | None = Field(None, description="Kesimpulan efisiensi verbal, mis. 'Efisien'")
    perubahan: Angka | None = Field(None, description="Kemajuan realisasi dari tahun lalu (poin), tanda dibalik untuk indikator turun: negatif = memburuk")
    lain: list[NilaiLain] = Field(default_factory=list, description="Nilai yang sama tercetak lagi di tempat lain (dibandingkan dengan data)")


class TahunTercetak(Model):
    """Printed capaian of an earlier year (kept as printed, e.g. Tabel 3.1.2 'Capaian Th. 2023')."""

    capaian: Angka | None = None
    predikat: str | None = None


class Analisis(Model):
    """The seven analyses of PermenPAN-RB 53/2014 for one indicator (Markdown)."""

    target_realisasi: Teks | None = Field(None, description="1. Target vs realisasi tahun ini")
    tahun_sebelumnya: Teks | None = Field(None, description="2. Dibandingkan tahun lalu dan tahun-tahun sebelumnya")
    renstra: Teks | None = Field(None, description="3. Dibandingkan target akhir Renstra")
    nasional: Teks | None = Field(None, description="4. Dibandingkan standar nasional/provinsi")
    penyebab: Teks | None = Field(None, description="5a. Penyebab keberhasilan/kegagalan")
    solusi: Teks | None = Field(None, description="5b. Alternatif solusi")
    efisiensi: Teks | None = Field(None, description="6. Efisiensi penggunaan sumber daya")
    program_pendukung: Teks | None = Field(None, description="7. Program/kegiatan penunjang")


class Indikator(Model):
    id: Id
    kode: str | None = Field(None, description="Kode/nomor tercetak, mis. '1.1.2.1' atau 'a'")
    nama: str
    alias: list[str] = Field(default_factory=list, description="Nama lain yang tercetak untuk indikator yang sama")
    satuan: str = Field(description="Persen, Orang, Dokumen, Nilai, Indeks, Predikat, …")
    arah: Literal["naik", "turun"] = Field("naik", description="naik: makin tinggi makin baik; turun: makin rendah makin baik")
    iku: bool = Field(True, description="Indikator Kinerja Utama (dihitung dalam rata-rata bila metode.agregasi.cakupan = iku)")
    definisi: Teks | None = None
    rumus: str | None = None
    sumber_data: str | None = None
    penanggung_jawab: str | None = None
    kondisi_awal: Nilai | None = Field(None, description="Baseline (kondisi awal Renstra/RPJMD)")
    target: dict[Tahun, Nilai | None] = Field(default_factory=dict, description="Target per tahun (Renstra/PK)")
    target_lain: list[VersiTarget] = Field(default_factory=list, description="Versi target lain (Renstra sebelum perubahan, RKT…)")
    target_akhir_renstra: Nilai | None = None
    realisasi: dict[Tahun, Nilai | None] = Field(default_factory=dict, description="Realisasi per tahun, tahun laporan dan sebelumnya")
    riwayat_tercetak: dict[Tahun, TahunTercetak] = Field(default_factory=dict)
    komponen: list[Komponen] = Field(default_factory=list)
    pembanding: list[Pembanding] = Field(default_factory=list)
    anggaran: list[Id] = Field(default_factory=list, description="Id program/kegiatan/sub-kegiatan yang mendanai indikator ini")
    tercetak: TercetakIndikator = Field(default_factory=TercetakIndikator)
    analisis: Analisis = Field(default_factory=Analisis)
    narasi: Teks | None = Field(None, description="Uraian umum indikator (sebelum analisis)")


class VersiTarget(Model):
    label: str = Field(description="Mis. 'Renstra sebelum perubahan'")
    target: dict[Tahun, Nilai | None]
    target_akhir: Nilai | None = None


class Sasaran(Model):
    id: Id
    kode: str | None = None
    nama: str
    alias: list[str] = Field(default_factory=list)
    tingkat: Literal["strategis", "program", "kegiatan"] = "strategis"
    tujuan: Id | None = Field(None, description="Id tujuan Renstra yang didukung")
    induk: Id | None = Field(None, description="Id sasaran di atasnya (untuk sasaran program/kegiatan)")
    program: list[Id] = Field(default_factory=list, description="Id program anggaran pendukung")
    indikator: list[Indikator] = Field(default_factory=list)
    strategi: list[str] = Field(default_factory=list)
    kebijakan: list[str] = Field(default_factory=list)
    narasi: Teks | None = None
    tercetak: TahunTercetak = Field(default_factory=TahunTercetak, description="Rata-rata capaian/predikat sasaran yang tercetak")


class Misi(Model):
    id: Id
    nomor: str | None = None
    teks: str


class Tujuan(Model):
    id: Id
    nomor: str | None = None
    teks: str
    tingkat: Literal["rpjmd", "renstra"] | None = Field(None, description="rpjmd: tujuan RPJMD yang dirujuk Renstra; renstra (atau kosong): tujuan perangkat daerah")
    misi: list[Id] = Field(default_factory=list)
    indikator: list[Indikator] = Field(default_factory=list)


class SasaranRenstra(Model):
    """A Renstra sasaran when its wording differs from the measured (PK) sasaran."""

    id: Id
    nomor: str | None = None
    teks: str
    tujuan: Id | None = None


class Periode(Model):
    awal: Tahun
    akhir: Tahun


class Renstra(Model):
    periode: Periode
    periode_rpjmd: Periode | None = None
    dokumen: str | None = Field(None, description="Dasar penetapan Renstra, mis. 'Perbup No. 12 Tahun 2024'")
    visi: str | None = None
    penjelasan_visi: Teks | None = None
    misi: list[Misi] = Field(default_factory=list)
    tujuan: list[Tujuan] = Field(default_factory=list)
    sasaran: list[SasaranRenstra] = Field(default_factory=list)
    strategi: list[str] = Field(default_factory=list)
    arah_kebijakan: list[str] = Field(default_factory=list)


# ---------------------------------------------------------------------------------------------------
# Budget


class TercetakAnggaran(Model):
    pagu: Rupiah | None = None
    pagu_perubahan: Rupiah | None = None
    realisasi: Rupiah | None = None
    penyerapan: Angka | None = None
    sisa: Rupiah | None = None
    porsi: Angka | None = Field(None, description="% terhadap total anggaran sebagaimana tercetak (mis. Belanja Operasional 99,91%)")
    perubahan: Angka | None = Field(None, description="Kenaikan/penurunan % penyerapan dari tahun lalu sebagaimana tercetak (poin persen)")


class SubKegiatan(Model):
    id: Id
    kode: str | None = None
    nama: str
    sumber_dana: str | None = None
    pagu: Rupiah | None = Field(None, description="Pagu murni (awal)")
    pagu_perubahan: Rupiah | None = Field(None, description="Pagu setelah perubahan")
    realisasi: Rupiah | None = None
    keterangan: Teks | None = None
    tercetak: TercetakAnggaran = Field(default_factory=TercetakAnggaran)


class Kegiatan(SubKegiatan):
    sub_kegiatan: list[SubKegiatan] = Field(default_factory=list)


class Program(SubKegiatan):
    kegiatan: list[Kegiatan] = Field(default_factory=list)


class BelanjaJenis(Model):
    jenis: str = Field(description="Belanja Pegawai, Belanja Barang dan Jasa, Belanja Modal, …")
    kelompok: str | None = Field(None, description="Mis. 'Belanja Operasi'")
    pagu: Rupiah | None = None
    realisasi: Rupiah | None = None
    tercetak: TercetakAnggaran = Field(default_factory=TercetakAnggaran)


class BarisMultiTahun(Model):
    uraian: str
    nilai: dict[Tahun, Rupiah | None]
    total: bool = Field(False, description="true bila baris ini adalah jumlah baris-baris lain")


class PaguMultiTahun(Model):
    judul: str | None = None
    baris: list[BarisMultiTahun]
    catatan: Teks | None = None


class AnggaranSumberDana(Model):
    sumber: str
    pagu: Rupiah | None = None
    realisasi: Rupiah | None = None


class TahunLalu(Model):
    tahun: Tahun
    pagu: Rupiah
    realisasi: Rupiah
    tercetak: TercetakAnggaran = Field(default_factory=TercetakAnggaran)


class Anggaran(Model):
    program: list[Program] = Field(default_factory=list)
    dasar: str | None = Field(None, description="Mis. 'APBD Perubahan 2024'")
    belanja_per_jenis: list[BelanjaJenis] = Field(default_factory=list)
    sumber_dana: list[AnggaranSumberDana] = Field(default_factory=list)
    pagu_multi_tahun: PaguMultiTahun | None = None
    tahun_lalu: TahunLalu | None = Field(None, description="Total anggaran tahun sebelumnya bila file tahun itu tidak ada")
    tercetak: TercetakAnggaran = Field(default_factory=TercetakAnggaran, description="Total yang tercetak")


# ---------------------------------------------------------------------------------------------------
# Perjanjian Kinerja


class AnggaranPK(Model):
    program: Id | None = Field(None, description="Id program anggaran bila ada")
    nama: str | None = Field(None, description="Nama program sebagaimana tercetak di PK")
    pagu: Rupiah
    keterangan: str | None = None


class VersiPK(Model):
    judul: str | None = None
    tanggal: TanggalField | None = None
    tempat: str | None = None
    pihak_pertama: Orang | None = None
    pihak_kedua: Orang | None = None
    paraf: list[Paraf] = Field(default_factory=list)
    teks: Teks | None = None
    target: dict[Id, Nilai] = Field(default_factory=dict, description="Target per id indikator (kosong: target tahun laporan)")
    anggaran: list[AnggaranPK] = Field(default_factory=list)
    jumlah_anggaran_tercetak: Rupiah | None = None


class PerjanjianKinerja(VersiPK):
    perubahan: VersiPK | None = Field(None, description="Perjanjian Kinerja perubahan, bila ada")


# ---------------------------------------------------------------------------------------------------
# BAB I blocks


class BarisPegawai(Model):
    label: str
    nilai: list[Jumlah | None] = Field(description="Jumlah per kolom; null untuk '-'")


class TabelPegawai(Model):
    id: Id
    judul: str
    kolom: list[str] = Field(description="Judul kolom angka (tanpa kolom Jumlah; Jumlah dihitung)")
    judul_label: str = Field("Uraian", description="Judul kolom label baris")
    baris: list[BarisPegawai]
    total_tercetak: list[Jumlah | None] | None = Field(None, description="Baris Jumlah tercetak, termasuk kolom Jumlah di akhir; null untuk sel yang tidak tercetak")
    nomor_tercetak: str | None = None
    keterangan: str | None = None


class Pegawai(Model):
    jumlah_tercetak: Jumlah | None = Field(None, description="Jumlah pegawai yang disebut di teks")
    tabel: list[TabelPegawai] = Field(default_factory=list)


class RiwayatAkip(Model):
    tahun: Tahun
    nilai: Angka | None = None
    predikat: str | None = None


class Rekomendasi(Model):
    rekomendasi: Teks
    tindak_lanjut: Teks | None = None


class KelompokRekomendasi(Model):
    kelompok: str | None = None
    butir: list[Rekomendasi]


class EvaluasiAkip(Model):
    riwayat: list[RiwayatAkip] = Field(default_factory=list)
    rekomendasi: list[KelompokRekomendasi] = Field(default_factory=list)
    tahun_evaluasi: Tahun | None = None


class IsuStrategis(Model):
    judul: str
    uraian: Teks | None = None


class Prestasi(Model):
    nama: str
    tahun: Tahun | None = None
    pemberi: str | None = None
    uraian: Teks | None = None


# ---------------------------------------------------------------------------------------------------
# Method settings


class Pita(Model):
    """One band of a rating scale; bounds may be open (null) and inclusive or not."""

    predikat: str
    kode: str | None = Field(None, description="Kode singkat, mis. 'AA'")
    bawah: Angka | None = Field(None, description="Batas bawah; null = tanpa batas bawah")
    bawah_inklusif: bool = True
    atas: Angka | None = Field(None, description="Batas atas; null = tanpa batas atas")
    atas_inklusif: bool = True


class Skala(Model):
    nama: str
    sumber: str | None = None
    rentang_bawah: Angka | None = Field(None, description="Nilai terendah yang harus tercakup (null: minus tak hingga)")
    rentang_atas: Angka | None = Field(None, description="Nilai tertinggi yang harus tercakup (null: tak hingga)")
    pita: list[Pita]


class CapaianOrdinal(Model):
    tepat: Angka = Field(Decimal(100), description="Capaian bila realisasi sama dengan target")
    per_tingkat: Angka = Field(Decimal(10), description="Tambahan/kurang capaian per tingkat di atas/bawah target")


class BatasCapaian(Model):
    atas: Angka | None = Field(None, description="Capaian di atas nilai ini dihitung sama dengan nilai ini (mis. 100)")
    bawah: Angka | None = Field(None, description="Capaian di bawah nilai ini dihitung sama dengan nilai ini (mis. 0)")


class Agregasi(Model):
    dasar: Literal["indikator", "sasaran"] = Field("indikator", description="Rata-rata keseluruhan dari semua indikator atau dari rata-rata sasaran")
    cakupan: Literal["iku", "semua"] = "iku"
    nilai_kosong: Literal["abaikan", "nol"] = Field("abaikan", description="Indikator tanpa realisasi: dilewati, atau dihitung 0")
    batas: Literal["sebelum", "sesudah"] = Field("sebelum", description="Batas capaian diterapkan sebelum atau sesudah merata-rata")


class Pembulatan(Model):
    desimal: int = Field(2, ge=0, le=6)
    mode: Literal["setengah_ke_atas", "potong"] = "setengah_ke_atas"


class MetodeParsial(Model):
    """Method settings; every field optional so a report can override only what differs."""

    preset: str | None = Field(None, description="Nama preset: ppu-2024, pasaman-barat, jember, …")
    capaian_turun: Literal["dua_t_kurang_r", "t_per_r"] | None = Field(None, description="Rumus capaian bila makin rendah makin baik: (2T−R)/T×100 atau T/R×100")
    tingkat_nilai: list[str] | None = Field(None, description="Urutan nilai ordinal dari terendah, mis. [D, C, CC, B, BB, A, AA]")
    capaian_ordinal: CapaianOrdinal | None = None
    skala: Union[str, Skala, None] = Field(None, description="Nama skala preset atau skala sendiri; 'tanpa' bila laporan tidak memakai predikat")
    batas_capaian: BatasCapaian | None = Field(None, description="Batas capaian untuk penentuan predikat (nilai asli tetap ditampilkan)")
    agregasi: Agregasi | None = None
    efisiensi: Literal["rasio", "selisih", "sisa_anggaran", "verbal"] | None = None
    pembulatan: Pembulatan | None = None
    pembulatan_anggaran: Pembulatan | None = Field(None, description="Pembulatan % penyerapan anggaran bila berbeda")
    tampilkan_catatan_pemeriksaan: bool | None = Field(None, description="Tampilkan tanda selisih angka tercetak vs hitungan kepada pembaca")


# ---------------------------------------------------------------------------------------------------
# Narrative


class Narasi(Model):
    """Narrative Markdown per standard section; any of them may be absent."""

    kata_pengantar: Teks | None = None
    ringkasan: Teks | None = None
    # BAB I
    latar_belakang: Teks | None = None
    maksud_tujuan: Teks | None = None
    dasar_hukum: Teks | None = None
    tugas_fungsi: Teks | None = None
    struktur_organisasi: Teks | None = None
    sumber_daya_aparatur: Teks | None = None
    isu_strategis: Teks | None = None
    evaluasi_akip: Teks | None = None
    sistematika: Teks | None = None
    # BAB II
    renstra: Teks | None = None
    visi_misi: Teks | None = None
    tujuan_sasaran: Teks | None = None
    strategi_kebijakan: Teks | None = None
    iku: Teks | None = None
    rencana_kinerja_tahunan: Teks | None = None
    perjanjian_kinerja: Teks | None = None
    program_anggaran: Teks | None = None
    # BAB III
    akuntabilitas_kinerja: Teks | None = None
    metode_pengukuran: Teks | None = None
    capaian_kinerja: Teks | None = Field(None, description="Uraian setelah tabel pengukuran kinerja")
    prestasi: Teks | None = None
    realisasi_anggaran: Teks | None = None
    efisiensi: Teks | None = None
    # BAB IV
    kesimpulan: Teks | None = None
    saran: Teks | None = None
    penutup: Teks | None = None


# ---------------------------------------------------------------------------------------------------
# Report-level printed claims


class Klaim(Model):
    """A number the prose states ('3 sasaran dan 5 IKU'), checked against the data."""

    nilai: Jumlah
    lokasi: str = Field(description="Di mana tercetak, mis. 'BAB II B'")


class TercetakLaporan(Model):
    capaian_keseluruhan: Angka | None = None
    predikat_keseluruhan: str | None = None
    jumlah_sasaran: list[Klaim] = Field(default_factory=list)
    jumlah_iku: list[Klaim] = Field(default_factory=list)
    jumlah_program: list[Klaim] = Field(default_factory=list)
    jumlah_kegiatan: list[Klaim] = Field(default_factory=list)
    jumlah_sub_kegiatan: list[Klaim] = Field(default_factory=list)
    jumlah_pegawai: list[Klaim] = Field(default_factory=list, description="Jumlah pegawai yang disebut di teks (dibandingkan dengan tabel pegawai)")
    jumlah_per_predikat: dict[str, Jumlah] = Field(default_factory=dict, description="Rekap jumlah indikator per predikat tercetak")


# ---------------------------------------------------------------------------------------------------
# Top-level files


class Profil(Model):
    """``agencies/<slug>/profil.yaml``: what stays the same across report years."""

    nama: str = Field(description="Nama resmi perangkat daerah")
    nama_singkat: str | None = None
    pemda: str = Field(description="Mis. 'Kabupaten Penajam Paser Utara'")
    provinsi: str | None = None
    alamat: str | None = None
    telepon: str | None = None
    email: str | None = None
    situs: str | None = None
    logo: str | None = Field(None, description="Path gambar logo relatif terhadap folder instansi")
    dasar_hukum: list[DasarHukum] = Field(default_factory=list, description="Dasar pembentukan organisasi")
    tugas_pokok: Teks | None = None
    fungsi: list[str] = Field(default_factory=list)
    struktur_organisasi: list[UnitOrganisasi] = Field(default_factory=list)
    gambar_struktur: Foto | None = None


class Laporan(Model):
    """``agencies/<slug>/<tahun>.yaml`` (or a ``<tahun>/`` folder of YAML files): one LKIP."""

    tahun: Tahun = Field(description="Tahun kinerja yang dilaporkan; sama dengan nama berkas")
    judul: str = Field("Laporan Kinerja Instansi Pemerintah", description="Judul laporan sebagaimana di sampul")
    metode: MetodeParsial = Field(default_factory=MetodeParsial, description="Menimpa metode bawaan situs untuk laporan ini")
    penandatangan: TandaTangan | None = Field(None, description="Penanda tangan laporan (Kata Pengantar)")
    narasi: Narasi = Field(default_factory=Narasi, description="Teks naratif per bagian standar")
    dasar_hukum: list[DasarHukum] = Field(default_factory=list, description="Dasar hukum penyusunan LKIP (BAB I)")
    pegawai: Pegawai | None = Field(None, description="Sumber daya aparatur: tabel komposisi pegawai")
    isu_strategis: list[IsuStrategis] = Field(default_factory=list, description="Isu strategis / permasalahan (BAB I)")
    evaluasi_akip: EvaluasiAkip | None = Field(None, description="Riwayat nilai AKIP dan tindak lanjut rekomendasi")
    renstra: Renstra | None = Field(None, description="Rencana Strategis: periode, visi, misi, tujuan")
    sasaran: list[Sasaran] = Field(default_factory=list, description="Sasaran yang diukur (Perjanjian Kinerja), masing-masing dengan indikatornya")
    perjanjian_kinerja: PerjanjianKinerja | None = Field(None, description="Perjanjian Kinerja dan perubahannya")
    anggaran: Anggaran = Field(default_factory=Anggaran, description="Program → kegiatan → sub-kegiatan, belanja per jenis, pagu multi-tahun")
    prestasi: list[Prestasi] = Field(default_factory=list, description="Prestasi/penghargaan")
    tabel: list[Tabel] = Field(default_factory=list, description="Tabel bebas, ditampilkan di 'posisi'-nya")
    grafik: list[Grafik] = Field(default_factory=list, description="Grafik dari tabel bebas atau data langsung")
    foto: list[Foto] = Field(default_factory=list, description="Dokumentasi foto")
    bagian_tambahan: list[BagianTambahan] = Field(default_factory=list, description="Bagian di luar susunan standar")
    tercetak: TercetakLaporan = Field(default_factory=TercetakLaporan, description="Angka ringkasan yang tercetak di laporan asli, untuk diperiksa")
    errata: list[str] = Field(default_factory=list, description="Kesalahan sumber yang dicatat penyusun (teks bebas)")


class PengaturanPdf(Model):
    """``pdf:`` in ``site_config/lkip.yaml``: the signed document built beside each report's pages."""

    aktif: bool = Field(True, description="Bangun PDF setiap laporan (laporan-<instansi>-<tahun>.pdf); false: tanpa PDF")
    catatan_pemeriksaan: bool = Field(True, description="Sertakan tanda dan catatan pemeriksaan data di PDF (false: dokumen yang ditandatangani tanpa catatan audit portal)")


class SiteConfig(Model):
    """``site_config/lkip.yaml``: the pemda portal and the default method."""

    pemda: str
    provinsi: str | None = None
    judul_situs: str = "Laporan Kinerja Perangkat Daerah"
    logo: str | None = None
    kontak: str | None = Field(None, description="Kontak untuk permintaan format alternatif")
    url: str | None = None
    metode: MetodeParsial = Field(default_factory=MetodeParsial)
    pdf: PengaturanPdf = Field(default_factory=PengaturanPdf, description="Dokumen PDF setiap laporan")


UnitOrganisasi.model_rebuild()
Kolom.model_rebuild()
Indikator.model_rebuild()
