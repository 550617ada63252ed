"""The workbook's sheets and columns: header text, accepted synonyms, explanation (cell comment), choices.

One definition serves both directions: :mod:`.templat` writes these headers and comments, :mod:`.impor`
recognises a column by its header or any synonym (case, spaces, punctuation and a ``(Rp)`` suffix ignored),
so a planner's own sheet or the regional financial system's export is read without renaming columns.
The user documentation (``content/panduan/spreadsheet.md``) lists the same names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Kolom:
    kunci: str
    judul: str
    keterangan: str
    sinonim: tuple[str, ...] = ()
    jenis: str = "teks"  # teks, id, angka, rupiah, nilai, persen, pilihan, ya_tidak, daftar_id, tanggal
    pilihan: tuple[str, ...] = ()
    pilihan_bebas: bool = False  # drop-down suggests, other values allowed (satuan)
    lebar: int = 14
    info: bool = False  # shown for orientation only; not read back


@dataclass(frozen=True)
class Pola:
    """A column per year: ``Target 2024``, ``Realisasi 2023``."""

    kunci: str  # target / realisasi
    awalan: tuple[str, ...]
    keterangan: str
    jenis: str = "nilai"
    info: bool = False


def normal(teks: str) -> str:
    """Header text for matching: ``'Anggaran (Rp)'`` → ``'anggaran'``, ``'Realisasi (%)'`` → ``'realisasi %'``."""
    t = teks.lower().replace("\n", " ")
    t = re.sub(r"\(\s*%\s*\)", " % ", t)
    t = re.sub(r"\((rp\.?|rupiah|idr)\)", " ", t)
    t = re.sub(r"\brp\.?(?=\s|$)", " ", t)
    t = t.replace("sub-kegiatan", "sub kegiatan").replace("subkegiatan", "sub kegiatan")
    t = re.sub(r"[^\w%/ ]+", " ", t)
    t = t.replace("/", " / ")
    return re.sub(r"\s+", " ", t).strip()


@dataclass(frozen=True)
class JenisLembar:
    kunci: str
    judul: str  # sheet name in the template
    sinonim: tuple[str, ...]
    keterangan: str
    kolom: tuple[Kolom, ...] = ()
    pola: tuple[Pola, ...] = ()
    kunci_wajib: tuple[str, ...] = ()  # a header row must have one of these
    _indeks: dict = field(default_factory=dict, compare=False, repr=False)

    def cocok(self, judul: str) -> tuple[str, int | None] | None:
        """Which column a header names: (kunci, year or None)."""
        n = normal(judul)
        if not n:
            return None
        if not self._indeks:
            for k in self.kolom:
                for name in (k.judul, *k.sinonim):
                    self._indeks.setdefault(normal(name), k.kunci)
        if n in self._indeks:
            return self._indeks[n], None
        for p in self.pola:
            for a in p.awalan:
                m = re.match(rf"^{re.escape(normal(a))}\s*(?:tahun\s*|th\s*)?(\d{{4}})$", n)
                if m:
                    return p.kunci, int(m[1])
        return None

    def kolom_(self, kunci: str) -> Kolom | None:
        return next((k for k in self.kolom if k.kunci == kunci), None)


ARAH = ("naik", "turun")
TINGKAT_SASARAN = ("strategis", "program", "kegiatan", "tujuan")
TINGKAT_ANGGARAN = ("program", "kegiatan", "sub kegiatan")
SATUAN = ("Persen", "Orang", "Dokumen", "Nilai", "Indeks", "Nilai Indeks", "Predikat", "Kasus", "Perusahaan", "Lembaga", "Kegiatan", "Laporan", "Rupiah", "Level")

RENCANA = JenisLembar(
    "rencana", "Rencana",
    ("rencana", "rencana kinerja", "perjanjian kinerja", "pk", "rkt", "iku", "indikator", "rencana kinerja tahunan"),
    "Sasaran, indikator dan target (Renstra / Perjanjian Kinerja). Satu baris per indikator; sel sasaran yang kosong "
    "mengikuti baris di atasnya (sel gabungan juga boleh).",
    kolom=(
        Kolom("sasaran_id", "Id Sasaran", "Pengenal tetap sasaran (huruf kecil, angka, '-'), mis. ss1. Kosong: dibuat dari kode/nama. Jangan diubah untuk sasaran yang sudah ada.", ("id sasaran", "id tujuan"), "id", lebar=10),
        Kolom("sasaran_kode", "Kode Sasaran", "Nomor/kode sasaran sebagaimana tercetak, mis. 1 atau SS1.", ("kode sasaran", "no sasaran", "nomor sasaran", "no"), lebar=8),
        Kolom("sasaran", "Sasaran", "Rumusan sasaran (atau tujuan, bila Tingkat = tujuan).", ("sasaran", "sasaran strategis", "sasaran / tujuan", "tujuan / sasaran", "sasaran kinerja", "uraian sasaran"), lebar=36),
        Kolom("tingkat", "Tingkat", "strategis, program atau kegiatan (tingkat sasaran dalam PK); tujuan bila baris ini indikator tujuan Renstra.", ("tingkat", "level", "tingkat sasaran"), "pilihan", TINGKAT_SASARAN, lebar=11),
        Kolom("induk", "Tujuan / Induk", "Id tujuan Renstra yang didukung (sasaran strategis) atau id sasaran di atasnya (sasaran program/kegiatan).", ("tujuan / induk", "induk", "tujuan", "id tujuan", "id induk"), "id", lebar=12),
        Kolom("program", "Program Pendukung", "Id program anggaran yang mendukung sasaran ini; beberapa dipisah koma.", ("program pendukung", "program", "id program"), "daftar_id", lebar=18),
        Kolom("id", "Id Indikator", "Pengenal tetap indikator, mis. iku-pelatihan. Kosong: dibuat dari nama. Jangan diubah untuk indikator yang sudah ada (realisasi tahun lalu tersambung lewat id ini).", ("id indikator", "id"), "id", lebar=16),
        Kolom("kode", "Kode Indikator", "Nomor/kode indikator sebagaimana tercetak, mis. 1.1 atau a.", ("kode indikator", "no indikator", "kode iku"), lebar=8),
        Kolom("nama", "Indikator Kinerja", "Nama indikator sebagaimana tercetak di PK.", ("indikator kinerja", "indikator", "nama indikator", "indikator kinerja utama"), lebar=40),
        Kolom("satuan", "Satuan", "Persen, Orang, Dokumen, Nilai Indeks, Predikat, … (pilih atau ketik sendiri).", ("satuan",), "pilihan", SATUAN, pilihan_bebas=True, lebar=11),
        Kolom("arah", "Arah", "naik: makin tinggi makin baik; turun: makin rendah makin baik (mis. tingkat pengangguran).", ("arah", "polaritas", "arah indikator"), "pilihan", ARAH, lebar=8),
        Kolom("iku", "IKU", "ya bila Indikator Kinerja Utama (dihitung dalam rata-rata capaian), tidak bila indikator pendukung.", ("iku", "iku?", "indikator utama"), "ya_tidak", ("ya", "tidak"), lebar=6),
        Kolom("rumus", "Rumus / Formula", "Cara menghitung, mis. (jumlah pencari kerja ditempatkan / jumlah pencari kerja terdaftar) × 100%.", ("rumus / formula", "rumus", "formula", "formulasi", "cara perhitungan", "definisi operasional"), lebar=30),
        Kolom("sumber_data", "Sumber Data", "Asal data realisasi.", ("sumber data",), lebar=18),
        Kolom("penanggung_jawab", "Penanggung Jawab", "Bidang/pejabat yang bertanggung jawab atas indikator.", ("penanggung jawab", "pj", "penanggungjawab"), lebar=18),
        Kolom("kondisi_awal", "Kondisi Awal", "Baseline Renstra (angka atau predikat).", ("kondisi awal", "baseline"), "nilai", lebar=10),
        Kolom("target_akhir", "Target Akhir Renstra", "Target akhir periode Renstra.", ("target akhir renstra", "target akhir", "target renstra", "target akhir periode renstra"), "nilai", lebar=12),
    ),
    pola=(Pola("target", ("target",), "Target tahun ini (angka, mis. 92,9, atau predikat seperti B). Kosong: tidak ada target tahun itu."),),
    kunci_wajib=("nama", "id"),
)

PENGUKURAN = JenisLembar(
    "pengukuran", "Pengukuran",
    ("pengukuran", "pengukuran kinerja", "capaian", "capaian kinerja", "realisasi kinerja"),
    "Realisasi per indikator, pembilang dan penyebut, dan angka yang tercetak di laporan (bila menyalin laporan yang sudah ada).",
    kolom=(
        Kolom("id", "Id Indikator", "Id indikator dari lembar Rencana. Wajib.", ("id indikator", "id"), "id", lebar=16),
        Kolom("kode", "Kode", "Hanya informasi (diubah di lembar Rencana).", ("kode", "kode indikator"), info=True, lebar=7),
        Kolom("nama", "Indikator Kinerja", "Hanya informasi (diubah di lembar Rencana).", ("indikator kinerja", "indikator"), info=True, lebar=40),
        Kolom("satuan", "Satuan", "Hanya informasi (diubah di lembar Rencana).", ("satuan",), info=True, lebar=10),
        Kolom("pembilang_nama", "Pembilang (uraian)", "Apa yang dihitung di pembilang, mis. 'Tenaga kerja yang ditempatkan'.", ("pembilang uraian", "uraian pembilang", "nama pembilang"), lebar=24),
        Kolom("pembilang", "Pembilang", "Nilai pembilang tahun laporan, mis. 571.", ("pembilang", "numerator"), "angka", lebar=11),
        Kolom("penyebut_nama", "Penyebut (uraian)", "Apa yang dihitung di penyebut, mis. 'Pencari kerja terdaftar'.", ("penyebut uraian", "uraian penyebut", "nama penyebut"), lebar=24),
        Kolom("penyebut", "Penyebut", "Nilai penyebut tahun laporan, mis. 948.", ("penyebut", "denominator"), "angka", lebar=11),
        Kolom("capaian", "Capaian Tercetak (%)", "Hanya bila menyalin laporan yang sudah ada: capaian (%) sebagaimana tercetak. Dibandingkan dengan hitungan oleh 'lkip check'.", ("capaian tercetak", "capaian tercetak %", "capaian", "capaian %", "% capaian"), "angka", lebar=11),
        Kolom("predikat", "Predikat Tercetak", "Predikat/kriteria sebagaimana tercetak (pilih dari skala metode).", ("predikat tercetak", "predikat", "kriteria", "kategori"), "pilihan", pilihan_bebas=True, lebar=14),
        Kolom("capaian_renstra", "Capaian Renstra Tercetak (%)", "Capaian terhadap target akhir Renstra sebagaimana tercetak.", ("capaian renstra tercetak", "capaian renstra", "capaian terhadap renstra"), "angka", lebar=12),
        Kolom("penyerapan", "Penyerapan Tercetak (%)", "% penyerapan anggaran yang dipakai tabel efisiensi, sebagaimana tercetak.", ("penyerapan tercetak", "penyerapan anggaran", "% penyerapan"), "angka", lebar=12),
        Kolom("efisiensi", "Efisiensi Tercetak", "Efisiensi sebagaimana tercetak.", ("efisiensi tercetak", "efisiensi", "tingkat efisiensi"), "angka", lebar=11),
        Kolom("anggaran", "Anggaran (id)", "Id program/kegiatan/sub-kegiatan di lembar Anggaran yang mendanai indikator ini; beberapa dipisah koma.", ("anggaran id", "anggaran", "id anggaran", "program / kegiatan"), "daftar_id", lebar=20),
    ),
    pola=(
        Pola("target", ("target",), "Hanya informasi (diubah di lembar Rencana).", info=True),
        Pola("realisasi", ("realisasi",), "Realisasi tahun itu (angka atau predikat). Kolom tahun-tahun lalu untuk perbandingan antartahun."),
    ),
    kunci_wajib=("id",),
)

ANGGARAN = JenisLembar(
    "anggaran", "Anggaran",
    ("anggaran", "realisasi anggaran", "lra", "dpa", "dppa", "laporan realisasi anggaran", "belanja program", "program kegiatan"),
    "Satu baris per program, kegiatan dan sub-kegiatan, berurutan. Pohon dibentuk dari kode rekening (3 segmen = program, "
    "5 = kegiatan, 6 = sub-kegiatan, mis. 2.07.03.2.01.0001) atau dari kolom Tingkat. Baris Jumlah/Total dibandingkan dengan "
    "jumlah baris-barisnya. Ekspor sistem keuangan daerah (SIPD) dapat diimpor langsung.",
    kolom=(
        Kolom("kode", "Kode Rekening", "Kode program/kegiatan/sub-kegiatan, mis. 2.07.03.2.01.0001. Ketik sebagai teks.", ("kode rekening", "kode", "kode rek", "kd rek", "kd rekening", "no rekening", "nomor rekening", "kode program / kegiatan / sub kegiatan", "kode sub kegiatan", "kode kegiatan", "kode program", "rekening"), lebar=20),
        Kolom("tingkat", "Tingkat", "program, kegiatan atau sub kegiatan. Boleh kosong bila kode rekening lengkap.", ("tingkat", "level", "jenis"), "pilihan", TINGKAT_ANGGARAN, lebar=12),
        Kolom("id", "Id", "Pengenal tetap (mis. prog-pelatihan); kosong: dibuat dari uraian. Dirujuk oleh kolom Anggaran (id) di lembar Pengukuran.", ("id",), "id", lebar=18),
        Kolom("uraian", "Uraian", "Nama program/kegiatan/sub-kegiatan.", ("uraian", "nama", "program / kegiatan / sub kegiatan", "urusan / program / kegiatan / sub kegiatan", "uraian program / kegiatan / sub kegiatan", "nama rekening", "nama program / kegiatan / sub kegiatan", "program / kegiatan", "nomenklatur", "uraian kegiatan"), lebar=48),
        Kolom("sumber_dana", "Sumber Dana", "Mis. APBD, DBH CHT.", ("sumber dana", "dana"), lebar=12),
        Kolom("pagu", "Pagu Murni", "Pagu awal (DPA / APBD murni), rupiah. Bila ekspor hanya punya satu kolom Anggaran, kolom itu dibaca sebagai pagu.", ("pagu murni", "anggaran murni", "pagu", "anggaran", "pagu anggaran", "apbd murni", "dpa", "anggaran sebelum perubahan", "pagu sebelum perubahan", "jumlah anggaran", "target anggaran", "alokasi", "anggaran murni rp"), "rupiah", lebar=18),
        Kolom("pagu_perubahan", "Pagu Perubahan", "Pagu setelah perubahan (DPPA / APBD-P), rupiah.", ("pagu perubahan", "anggaran perubahan", "apbd perubahan", "apbd p", "dppa", "anggaran setelah perubahan", "pagu setelah perubahan", "anggaran p", "pagu p", "perubahan"), "rupiah", lebar=18),
        Kolom("realisasi", "Realisasi", "Realisasi belanja, rupiah.", ("realisasi", "realisasi anggaran", "jumlah realisasi", "realisasi belanja", "realisasi s / d", "realisasi sd", "realisasi keuangan", "keuangan"), "rupiah", lebar=18),
        Kolom("persen", "Persen Tercetak (%)", "% realisasi sebagaimana tercetak (dibandingkan dengan realisasi ÷ pagu).", ("persen tercetak", "persen", "%", "% realisasi", "realisasi %", "persentase", "persentase realisasi", "capaian %", "% capaian", "penyerapan", "% penyerapan"), "angka", lebar=10),
        Kolom("sisa", "Sisa Tercetak", "Sisa anggaran sebagaimana tercetak (dibandingkan dengan pagu − realisasi).", ("sisa tercetak", "sisa", "sisa anggaran", "selisih", "sisa pagu", "lebih / kurang", "lebih kurang", "kurang / lebih", "sisa lebih / kurang"), "rupiah", lebar=16),
        Kolom("keterangan", "Keterangan", "Catatan bebas.", ("keterangan", "ket", "catatan"), lebar=24),
    ),
    kunci_wajib=("uraian",),
)

BELANJA = JenisLembar(
    "belanja", "Belanja per Jenis",
    ("belanja per jenis", "belanja", "jenis belanja", "belanja jenis"),
    "Pagu dan realisasi per jenis belanja (pegawai, barang dan jasa, modal, …).",
    kolom=(
        Kolom("jenis", "Jenis Belanja", "Mis. Belanja Pegawai, Belanja Barang dan Jasa, Belanja Modal.", ("jenis belanja", "jenis", "uraian", "belanja"), lebar=36),
        Kolom("kelompok", "Kelompok", "Mis. Belanja Operasi (boleh kosong).", ("kelompok", "kelompok belanja"), lebar=20),
        Kolom("pagu", "Pagu", "Rupiah.", ("pagu", "anggaran", "pagu anggaran"), "rupiah", lebar=18),
        Kolom("realisasi", "Realisasi", "Rupiah.", ("realisasi",), "rupiah", lebar=18),
        Kolom("persen", "Penyerapan Tercetak (%)", "% realisasi sebagaimana tercetak.", ("penyerapan tercetak", "persen", "%", "% realisasi", "penyerapan"), "angka", lebar=11),
        Kolom("porsi", "Porsi Tercetak (%)", "% terhadap total anggaran sebagaimana tercetak.", ("porsi tercetak", "porsi", "% terhadap total"), "angka", lebar=11),
    ),
    kunci_wajib=("jenis",),
)

PEGAWAI = JenisLembar(
    "pegawai", "Pegawai", ("pegawai", "sdm", "sumber daya aparatur", "komposisi pegawai"),
    "Tabel komposisi pegawai. Setiap tabel diawali baris 'Tabel: judul [id]', lalu baris judul kolom (kolom pertama = "
    "label baris, kolom angka, lalu Jumlah), lalu baris data, lalu baris 'Jumlah' bila tercetak.",
)

IDENTITAS = JenisLembar("identitas", "Identitas", ("identitas", "profil", "identitas instansi"), "Profil instansi dan penanda tangan laporan.")

SEMUA = (IDENTITAS, RENCANA, PENGUKURAN, ANGGARAN, BELANJA, PEGAWAI)
DIABAIKAN = ("petunjuk", "daftar", "_daftar", "pilihan")


def jenis_dari_nama(nama: str) -> JenisLembar | None:
    n = normal(nama)
    for j in SEMUA:
        if n in (normal(s) for s in (j.judul, *j.sinonim)):
            return j
    return None


@dataclass(frozen=True)
class Isian:
    """One row of the Identitas sheet: label → where it goes."""

    label: str
    jalur: tuple  # ("profil", key…) or ("laporan", key…) or ("instansi",)
    jenis: str = "teks"
    keterangan: str = ""
    sinonim: tuple[str, ...] = ()


ISIAN = (
    Isian("Instansi (folder)", ("instansi",), "id", "Nama folder instansi di agencies/, mis. disnakertrans-ppu. Menentukan berkas yang diisi.", ("instansi", "folder", "slug")),
    Isian("Tahun laporan", ("laporan", "tahun"), "tahun", "Tahun kinerja yang dilaporkan.", ("tahun", "tahun kinerja")),
    Isian("Nama instansi", ("profil", "nama"), keterangan="Nama resmi perangkat daerah.", sinonim=("nama", "nama perangkat daerah", "nama opd", "nama skpd")),
    Isian("Nama singkat", ("profil", "nama_singkat"), keterangan="Mis. Disnakertrans."),
    Isian("Label pendek", ("profil", "singkatan"), keterangan="Untuk judul hasil pencarian, mis. Disnakertrans PPU. Boleh kosong.", sinonim=("singkatan",)),
    Isian("Pemda", ("profil", "pemda"), keterangan="Mis. Kabupaten Penajam Paser Utara.", sinonim=("pemerintah daerah", "kabupaten / kota")),
    Isian("Provinsi", ("profil", "provinsi")),
    Isian("Alamat", ("profil", "alamat")),
    Isian("Telepon", ("profil", "telepon")),
    Isian("Email", ("profil", "email"), sinonim=("e mail", "surel")),
    Isian("Situs web", ("profil", "situs"), sinonim=("situs", "website")),
    Isian("Judul laporan", ("laporan", "judul"), keterangan="Judul sebagaimana di sampul."),
    Isian("Dasar anggaran", ("laporan", "anggaran", "dasar"), keterangan="Mis. APBD Perubahan 2024."),
    Isian("Renstra: tahun awal", ("laporan", "renstra", "periode", "awal"), "tahun", sinonim=("periode renstra awal",)),
    Isian("Renstra: tahun akhir", ("laporan", "renstra", "periode", "akhir"), "tahun", sinonim=("periode renstra akhir",)),
    Isian("Renstra: visi", ("laporan", "renstra", "visi"), sinonim=("visi",)),
    Isian("Penanda tangan: nama", ("laporan", "penandatangan", "nama"), keterangan="Nama lengkap dengan gelar.", sinonim=("nama penanda tangan", "penandatangan")),
    Isian("Penanda tangan: jabatan", ("laporan", "penandatangan", "jabatan"), sinonim=("jabatan",)),
    Isian("Penanda tangan: pangkat", ("laporan", "penandatangan", "pangkat"), sinonim=("pangkat",)),
    Isian("Penanda tangan: golongan", ("laporan", "penandatangan", "golongan"), sinonim=("golongan",)),
    Isian("Penanda tangan: NIP", ("laporan", "penandatangan", "nip"), "nip", "18 digit; ketik sebagai teks (sel sudah berformat Teks).", ("nip",)),
    Isian("Penanda tangan: tempat", ("laporan", "penandatangan", "tempat"), sinonim=("tempat",)),
    Isian("Penanda tangan: tanggal", ("laporan", "penandatangan", "tanggal"), "tanggal", "Mis. 10 Februari 2025, atau Februari 2025 bila tanpa tanggal.", ("tanggal",)),
)


def isian_dari_label(label: str) -> Isian | None:
    n = normal(label)
    for i in ISIAN:
        if n in (normal(s) for s in (i.label, *i.sinonim)):
            return i
    return None
