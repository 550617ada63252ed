"""Data model of an agency profile (``profil.yaml``) and a report year (``<tahun>.yaml``).

Keys are Indonesian, the users' language. Every model forbids unknown keys so that a typo becomes an
error with a did-you-mean suggestion instead of silently lost data. Numbers arrive from the YAML loader
as ``int`` or ``Decimal`` (never ``float``), so ``92.90`` keeps its two printed decimals.

Rules that need more than one field (references, sums, scale coverage) live in ``validate.py``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any, Literal, Union
from urllib.parse import urlsplit

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from .model_dasar import (  # noqa: F401  (re-exported: scalar types live in model_dasar.py)
    Angka,
    SelGabung,
    Id,
    Jumlah,
    Model,
    Nilai,
    Rupiah,
    Tahun,
    Tanggal,
    TanggalField,
    Teks,
    _to_tanggal,
    indonesian_to_yaml_number,
)


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


Sel = Union[str, int, Decimal, SelGabung, None]


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

    besaran: Literal["capaian", "realisasi", "target", "predikat", "penyerapan", "efisiensi"] = Field("capaian", description="penyerapan/efisiensi: nilai di tabel efisiensi kedua (mis. di Lampiran)")
    tahun: Tahun | None = Field(None, description="Tahun nilai itu; kosong = tahun laporan")
    nilai: Nilai
    lokasi: str = Field(description="Di mana tercetak, mis. 'Tabel 3.3.7'")


class TercetakIndikator(Model):
    """Values the source report printed for the report year, compared with the computed ones."""

    capaian: Angka | None = None
    predikat: str | None = None
    capaian_renstra: Angka | None = Field(None, description="Capaian terhadap target akhir Renstra")
    penyerapan: Angka | None = Field(None, description="% penyerapan anggaran yang dipakai tabel efisiensi")
    capaian_efisiensi: Angka | None = Field(None, description="% capaian yang tercetak di tabel efisiensi, bila berbeda dengan `capaian` (mis. rata-rata capaian sasaran)")
    efisiensi: Angka | None = None
    efisiensi_teks: str | None = Field(None, description="Kesimpulan efisiensi verbal, mis. 'Efisien'")
    perubahan: Angka | None = Field(None, description="Kemajuan realisasi dari tahun lalu (poin), tanda dibalik untuk indikator turun: negatif = memburuk")
    lain: list[NilaiLain] = Field(default_factory=list, description="Nilai yang sama tercetak lagi di tempat lain (dibandingkan dengan data)")


class TahunTercetak(Model):
    """Printed capaian of an earlier year (kept as printed, e.g. Tabel 3.1.2 'Capaian Th. 2023')."""

    capaian: Angka | None = None
    predikat: str | None = None


def _to_tw(value: Any) -> Any:
    if isinstance(value, str) and value.strip().upper() in _TW_ROMAWI:
        return _TW_ROMAWI[value.strip().upper()]
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)) or value not in (1, 2, 3, 4):
        raise PydanticCustomError("triwulan", "triwulan harus 1, 2, 3 atau 4 (TW I–IV), tertulis {nilai}", {"nilai": str(value)})
    return int(value)


_TW_ROMAWI = {"I": 1, "II": 2, "III": 3, "IV": 4, "TW I": 1, "TW II": 2, "TW III": 3, "TW IV": 4}


class Triwulan(Model):
    """Target dan realisasi satu triwulan (TW I–IV) tahun laporan; capaiannya dihitung dengan rumus indikator."""

    tw: Annotated[int, BeforeValidator(_to_tw, json_schema_input_type=Union[Literal[1, 2, 3, 4], Literal["I", "II", "III", "IV"]])] = Field(description="Nomor triwulan: 1, 2, 3 atau 4 (boleh ditulis I–IV)")
    target: Nilai | None = Field(None, description="Target triwulan ini sebagaimana tercetak (angka atau tingkat nilai)")
    realisasi: Nilai | None = Field(None, description="Realisasi triwulan ini; kosong bila belum ada")


class Analisis(Model):
    """The seven analyses of PermenPAN-RB 53/2014 for one indicator (Markdown)."""

    target_realisasi: Teks | None = Field(None, description="1. Target vs realisasi tahun ini")
    tahun_sebelumnya: Teks | None = Field(None, description="2. Dibandingkan tahun lalu dan tahun-tahun sebelumnya")
    renstra: Teks | None = Field(None, description="3. Dibandingkan target akhir Renstra")
    nasional: Teks | None = Field(None, description="4. Dibandingkan standar nasional/provinsi")
    penyebab: Teks | None = Field(None, description="5a. Penyebab keberhasilan/kegagalan sebagai satu teks (bila laporan tidak memisahkan faktor pendorong dan penghambat)")
    faktor_pendorong: Teks | None = Field(None, description="5a. Faktor pendorong: yang membuat target tercapai atau membantu pencapaiannya")
    faktor_penghambat: Teks | None = Field(None, description="5a. Faktor penghambat: kendala yang membuat target tidak tercapai atau menghambatnya")
    solusi: Teks | None = Field(None, description="5b. Alternatif solusi (langkah yang diambil atau direncanakan atas faktor penghambat)")
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
    triwulan: list[Triwulan] = Field(default_factory=list, description="Target dan realisasi per triwulan (TW I–IV) tahun laporan; capaian per triwulan dihitung dengan rumus dan pembulatan indikator ini")


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
    rincian: list[str] = Field(default_factory=list, description="Baris subtotal: 'jenis' baris-baris lain yang dijumlahkan menjadi baris ini (mis. Belanja Operasi = [Belanja Pegawai, Belanja Barang dan Jasa]); pagu dan realisasinya dihitung, tidak ditulis")


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
    program: Id | None = Field(None, description="Id program, kegiatan atau sub-kegiatan anggaran yang dicantumkan di PK, bila ada")
    sasaran: Id | None = Field(None, description="Id sasaran, bila PK mencantumkan anggaran per sasaran")
    nama: str | None = Field(None, description="Nama program/kegiatan/sasaran sebagaimana tercetak di PK")
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
    perubahan: VersiPK | None = Field(None, description="Perjanjian Kinerja perubahan yang berlaku (yang terakhir), bila ada")
    perubahan_sebelumnya: list[VersiPK] = Field(default_factory=list, description="Perubahan PK terdahulu bila PK diubah lebih dari sekali, urut waktu")

    def semua_versi(self) -> list[tuple[tuple, "VersiPK", str]]:
        """Every version in order, with its data path and label: PK, earlier revisions, the revision in force."""
        out: list[tuple[tuple, VersiPK, str]] = [(("perjanjian_kinerja",), self, "PK")]
        n = len(self.perubahan_sebelumnya) + (1 if self.perubahan else 0)
        out += [(("perjanjian_kinerja", "perubahan_sebelumnya", i), v, f"PK perubahan {i + 1}") for i, v in enumerate(self.perubahan_sebelumnya)]
        if self.perubahan:
            out.append((("perjanjian_kinerja", "perubahan"), self.perubahan, f"PK perubahan {n}" if n > 1 else "PK perubahan"))
        return out


class BarisPKIndividu(Model):
    """One row of an official's Perjanjian Kinerja: sasaran, indicator, target."""

    sasaran: str = Field(description="Sasaran sebagaimana tercetak di PK pejabat itu")
    indikator: str = Field(description="Indikator kinerja sebagaimana tercetak")
    target: Nilai | None = Field(None, description="Target tahun laporan (angka atau tingkat nilai)")
    satuan: str | None = Field(None, description="Satuan target, mis. 'Persen', 'Dokumen', 'Orang'")


class PKIndividu(Model):
    """The Perjanjian Kinerja of one eselon III/IV official (attached in the Lampiran)."""

    id: Id | None = Field(None, description="Id untuk nama berkas CSV; bila kosong dipakai NIP, lalu nama pejabat")
    pejabat: Orang = Field(description="Pejabat yang berjanji: nama, jabatan, NIP (pangkat/golongan boleh)")
    eselon: str | None = Field(None, description="Eselon jabatan sebagaimana tercetak, mis. 'III.a', 'IV.a'")
    atasan: Orang | None = Field(None, description="Atasan langsung (pihak kedua), bila tercetak")
    baris: list[BarisPKIndividu] = Field(description="Sasaran, indikator dan target dalam PK pejabat itu")

    @property
    def kunci(self) -> str:
        """Its name in CSV files and table lookups: the id, else the NIP digits, else the official's name."""
        return self.id or (self.pejabat.nip or "").replace(" ", "") or self.pejabat.nama


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


def _to_tautan(value: Any) -> Any:
    """A link from YAML: only an absolute http(s) address (never ``javascript:``, ``data:`` or a relative path)."""
    if not isinstance(value, str):
        raise PydanticCustomError("tautan", "tautan harus berupa teks alamat web, mis. https://contoh.go.id/lhe.pdf")
    v = value.strip()
    parts = urlsplit(v) if not any(c.isspace() or ord(c) < 32 for c in v) else None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise PydanticCustomError("tautan", "tautan harus alamat web lengkap yang dimulai dengan http:// atau https:// dan tanpa spasi, tertulis '{nilai}'", {"nilai": v[:80]})
    return v


Tautan = Annotated[str, BeforeValidator(_to_tautan), Field(max_length=2000)]
"""An absolute http/https link from YAML (escaped when shown)."""


class Bukti(Model):
    """Output or evidence of a follow-up: a text, optionally with a link to the document."""

    teks: str = Field(description="Output/bukti tindak lanjut, mis. 'Renstra Perubahan 2021–2026 (Perbup No. 12/2024)'")
    tautan: Tautan | None = Field(None, description="Alamat dokumen bukti; hanya http:// atau https://")


def _to_bukti(value: Any) -> Any:
    """``bukti:`` may be one text, one {teks, tautan}, or a list of either."""
    items = value if isinstance(value, list) else [value]
    return [{"teks": x} if isinstance(x, str) else x for x in items]


def _to_batas_waktu(value: Any) -> Any:
    """A deadline: a date (2024-12-31 or 2024-12) or a text as printed ('Triwulan II 2024')."""
    if isinstance(value, str) and not _TANGGAL_TEKS.match(value.strip()):
        return value.strip()
    return _to_tanggal(value)


_TANGGAL_TEKS = re.compile(r"^\d{4}-\d")


class Rekomendasi(Model):
    rekomendasi: Teks
    tindak_lanjut: Teks | None = None
    bukti: Annotated[list[Bukti], BeforeValidator(_to_bukti, json_schema_input_type=Union[str, Bukti, list[Union[str, Bukti]]])] = Field(default_factory=list, description="Output/bukti tindak lanjut: teks, atau {teks, tautan}, atau daftar keduanya")
    batas_waktu: Annotated[Union[Tanggal, str], BeforeValidator(_to_batas_waktu)] | None = Field(None, description="Batas waktu tindak lanjut: tanggal (2024-12-31 atau 2024-12) atau teks sebagaimana tercetak ('Triwulan II 2024')")
    penanggung_jawab: str | None = Field(None, description="Unit/pejabat yang menindaklanjuti, mis. 'Sekretaris / Subbag Perencanaan'")
    status: Literal["belum", "proses", "selesai"] | None = Field(None, description="Status tindak lanjut: belum, proses (sedang berjalan) atau selesai")


class KelompokRekomendasi(Model):
    kelompok: str | None = None
    butir: list[Rekomendasi]


class KomponenEvaluasi(Model):
    """One component of the SAKIP evaluation (PermenPAN-RB 88/2021): its weight and the score given."""

    nama: str = Field(description="Nama komponen, mis. 'Perencanaan Kinerja', 'Pengukuran Kinerja', 'Pelaporan Kinerja', 'Evaluasi Akuntabilitas Kinerja Internal'")
    bobot: Angka = Field(description="Bobot komponen sebagaimana tercetak, mis. 30")
    nilai: Angka | None = Field(None, description="Nilai yang diperoleh (paling besar sama dengan bobot); kosong bila tidak tercetak")


class EvaluasiAkip(Model):
    riwayat: list[RiwayatAkip] = Field(default_factory=list)
    rekomendasi: list[KelompokRekomendasi] = Field(default_factory=list)
    tahun_evaluasi: Tahun | None = None
    komponen: list[KomponenEvaluasi] = Field(default_factory=list, description="Nilai per komponen evaluasi SAKIP tahun_evaluasi; jumlahnya dihitung")
    jumlah_tercetak: Angka | None = Field(None, description="Jumlah nilai komponen sebagaimana tercetak (dibandingkan dengan jumlah hitungan oleh lkip check)")


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
    celah: Literal["tolak", "tanpa_predikat", "pita_bawah", "pita_atas"] = Field(
        "tolak", description="Skala sebagaimana tercetak yang bercelah antarpita atau tanpa pita di atas 100%: tolak = ditolak lkip validate (bawaan); "
        "tanpa_predikat = nilai di celah/di luar pita tidak diberi predikat; pita_bawah = diberi predikat pita terdekat di bawahnya "
        "(mis. capaian 132% pada skala yang berhenti di 100); pita_atas = pita terdekat di atasnya")


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
    capaian_turun: Union[Literal["dua_t_kurang_r", "t_per_r"], str, None] = Field(None, description="Rumus capaian bila makin rendah makin baik: dua_t_kurang_r = (2T−R)/T×100, t_per_r = T/R×100, atau rumus laporan sendiri dengan T (target) dan R (realisasi), mis. '100 + (T - R)'")
    tingkat_nilai: list[str] | None = Field(None, description="Urutan nilai ordinal dari terendah, mis. [D, C, CC, B, BB, A, AA]")
    capaian_ordinal: CapaianOrdinal | None = None
    skala: Union[str, Skala, None] = Field(None, description="Nama skala preset atau skala sendiri; 'tanpa' bila laporan tidak memakai predikat")
    skala_keseluruhan: Union[str, Skala, None] = Field(None, description="Skala predikat capaian keseluruhan bila laporan memakai skala lain dari skala indikator (nama preset, skala sendiri, atau 'tanpa'); kosong = sama dengan 'skala'")
    skala_efisiensi: Union[str, Skala, None] = Field(None, description="Skala kategori efisiensi (mis. Sangat Efisien, Efisien, Kurang Efisien) yang diterapkan pada nilai efisiensi; kosong = tanpa kategori")
    batas_capaian: BatasCapaian | None = Field(None, description="Batas capaian untuk penentuan predikat (nilai asli tetap ditampilkan)")
    agregasi: Agregasi | None = None
    efisiensi: Literal["rasio", "selisih", "sisa_anggaran", "verbal"] | None = None
    pembulatan: Pembulatan | None = None
    pembulatan_anggaran: Pembulatan | None = Field(None, description="Pembulatan % penyerapan anggaran bila berbeda")
    tampilkan_catatan_pemeriksaan: bool | None = Field(None, description="Tampilkan tanda selisih angka tercetak vs hitungan kepada pembaca")
    hitungan_portal: Literal["tandai", "sembunyikan"] | None = Field(None, description="Angka gabungan yang tidak tercetak di laporan (rata-rata capaian sasaran dan keseluruhan, predikatnya, efisiensi per sasaran): 'tandai' menampilkannya dengan tanda P 'dihitung portal' (bawaan), 'sembunyikan' tidak menampilkannya")


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


class TabelTercetak(Model):  # the number (and title) a table made by the portal has in the signed report
    nomor: str = Field(description="Nomor tabel di laporan asli, mis. '3.4' (tanpa kata 'Tabel')")
    judul: str | None = Field(None, description="Judul tabel di laporan asli; kosong = judul buatan portal")


class TercetakLaporan(Model):
    tabel: dict[str, TabelTercetak] = Field(default_factory=dict, description="Nomor dan judul tabel buatan portal di laporan asli, per nama berkas CSV tabel itu (mis. 'pengukuran', 'efisiensi', 'pk', 'target-realisasi--iku-1'). Tabel yang tidak disebut diberi nomor portal berawalan P bila laporan memakai nomornya sendiri")
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
    singkatan: str | None = Field(None, max_length=40, description="Label pendek instansi dan pemda untuk judul hasil pencarian, mis. 'Disnakertrans PPU'. Bila kosong: nama singkat + nama pemda tanpa 'Kabupaten'/'Kota'")
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
    perjanjian_kinerja_individu: list[PKIndividu] = Field(default_factory=list, description="Perjanjian Kinerja pejabat eselon III/IV, satu tabel per pejabat di Lampiran")
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
