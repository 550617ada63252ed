"""Stage 2 — validate: turn loaded YAML into typed models, and report every problem at once.

Errors read ``path/to/file.yaml:LINE:COL: field.path: message`` in Indonesian, naming what to write instead.
"""

from __future__ import annotations

import difflib
import re
import typing
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import grid
from . import metode as metode_mod
from .load import Dokumen, LoadError, Lokasi, Masalah, format_path, load_file, read_text
from .model import Laporan, Narasi, Profil, SiteConfig, Tabel
from .posisi import POSISI_BAGIAN, daftar_posisi, pesan_posisi

GAMBAR_DIIZINKAN = {".png", ".jpg", ".jpeg", ".webp", ".svg", ".gif"}
_YEAR_FILE = re.compile(r"^(\d{4})\.ya?ml$")
_YEAR_DIR = re.compile(r"^(\d{4})$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


# ---------------------------------------------------------------------------------------------------
# Repository structure


@dataclass
class BerkasLaporan:
    """A report year: its model plus the documents it came from (one file, or several in a folder)."""

    tahun: int
    model: Laporan
    dokumen: list[Dokumen]
    metode: metode_mod.Metode

    def lokasi(self, path: tuple) -> Lokasi:
        doc = dokumen_untuk(self.dokumen, path)
        return doc.lokasi(path) if doc is not None else self.dokumen[0].lokasi(())

    @property
    def berkas(self) -> str:
        return self.dokumen[0].file


def dokumen_untuk(docs: list[Dokumen], path: tuple) -> Dokumen | None:
    """The document that wrote ``path``: the one knowing the longest prefix of it (a narrative file beats the
    YAML file that holds the rest of ``narasi``); None when no document has its first key."""
    best, best_n = None, 0
    for doc in docs:
        if not (isinstance(doc.data, dict) and path and path[0] in doc.data):
            continue
        n = next((k for k in range(len(path), 0, -1) if tuple(path[:k]) in doc.posisi), 1)
        if n > best_n:
            best, best_n = doc, n
    return best


@dataclass
class Instansi:
    slug: str
    folder: Path
    profil: Profil
    profil_dokumen: Dokumen
    laporan: dict[int, BerkasLaporan] = field(default_factory=dict)


@dataclass
class Repo:
    root: Path
    site: SiteConfig
    instansi: list[Instansi]


# ---------------------------------------------------------------------------------------------------
# pydantic errors → Masalah


def _model_types(annotation: Any) -> list[type[BaseModel]]:
    out: list[type[BaseModel]] = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    for arg in typing.get_args(annotation):
        out.extend(_model_types(arg))
    return out


def _model_at(root: type[BaseModel], path: tuple) -> type[BaseModel] | None:
    current: type[BaseModel] | None = root
    for part in path:
        if current is None:
            return None
        if isinstance(part, str) and part in current.model_fields:
            types = _model_types(current.model_fields[part].annotation)
            current = types[0] if types else None
        # list indexes and dict keys keep the current element model
    return current


def _data_path(data: Any, loc: tuple) -> tuple:
    """Keep only the parts of a pydantic ``loc`` that navigate the YAML data (drop union branch labels)."""
    path: list[Any] = []
    current = data
    for part in loc:
        if isinstance(current, dict):
            key = part
            if key not in current and isinstance(part, str) and part.isdigit() and int(part) in current:
                key = int(part)
            if key in current:
                path.append(key)
                current = current[key]
                continue
            if isinstance(part, str) and not part.startswith(("function", "decimal", "str", "int", "union")):
                path.append(part)  # a missing or extra key
                current = None
            continue
        if isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            path.append(part)
            current = current[part]
            continue
    return tuple(path)


def _type_name(t: str) -> str:
    return {"str": "teks", "int": "bilangan bulat", "bool": "true atau false", "list": "daftar", "dict": "peta"}.get(t, t)


def _ambil(data: Any, path: tuple) -> Any:
    for part in path:
        if (isinstance(data, dict) and part in data) or (isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)):
            data = data[part]
        else:
            return None
    return data


def _saran_kutip(path: tuple, data: Any, doc: Dokumen | None) -> str | None:
    """An unknown key inside ``{…}`` that is really the rest of the previous value, cut at an unquoted ', ' or ': '.

    ``{id: m1, teks: Misi satu, dua dan tiga}`` reads as the keys ``id``, ``teks`` and ``dua dan tiga``; the fix is
    to quote the text: ``teks: "Misi satu, dua dan tiga"``.
    """
    if doc is None or path[:-1] not in doc.alir:
        return None
    parent = _ambil(data, path[:-1])
    if not isinstance(parent, dict):
        return None
    keys = list(parent)
    i = keys.index(path[-1]) if path[-1] in keys else 0
    if i == 0 or not isinstance(parent[keys[i - 1]], str):  # only text is cut by an unquoted ', ' (numbers: _saran_desimal)
        return None
    prev, rest = keys[i - 1], path[-1]
    value = parent[rest]
    teks = f"{parent[prev]}, {rest}" + (f": {value}" if isinstance(value, (str, int)) and not isinstance(value, bool) else "")
    kutip = f"'{teks}'" if '"' in teks else f'"{teks}"'
    return f"di dalam {{…}} koma memisahkan butir dan ': ' memisahkan kunci dari nilai, sehingga nilai '{prev}' terpotong di sini; apit teksnya dengan tanda kutip: {prev}: {kutip}"


def _saran_desimal(path: tuple, data: Any, doc: Dokumen | None) -> str | None:
    """``{2024: 25,5}``: a decimal comma inside ``{…}`` reads as the items ``2024: 25`` and ``5`` (a key without value)."""
    if not path or doc is None or path[:-1] not in doc.alir:
        return None
    parent = _ambil(data, path[:-1])
    key = path[-1]
    if not isinstance(parent, dict) or key not in parent or parent[key] is not None or not isinstance(key, int) or isinstance(key, bool):
        return None
    keys = list(parent)
    i = keys.index(key)
    if i == 0:
        return None
    prev = keys[i - 1]
    pv = parent[prev]
    if not isinstance(pv, (int, Decimal)) or isinstance(pv, bool):
        return None
    lp, lk = doc.posisi.get(path[:-1] + (prev,)), doc.posisi_kunci.get(path)
    if not (lp and lk and lp.line == lk.line and lk.col == lp.col + len(str(pv)) + 1):  # '25,5', not '25, 5'
        return None
    return (f"'{pv},{key}' di dalam {{…}} dibaca sebagai dua butir karena koma memisahkan butir; di YAML angka desimal "
            f"ditulis dengan titik: {prev}: {pv}.{key}")


def _pesan(err: dict, root: type[BaseModel], path: tuple, data: Any, doc: Dokumen | None = None) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    name = str(path[-1]) if path else ""
    if kind == "missing":
        return f"kunci wajib '{name}' belum diisi"
    if kind == "invalid_key":  # a number as a key of a model, e.g. {awal: 2021, akhir: 2026, 2027}
        kutip = _saran_kutip(path, data, doc) if path else None
        return f"kunci '{name}' tidak dikenal" + (f"; {kutip}" if kutip else "; kunci ditulis sebagai teks, mis. 'nama: nilai'")
    if kind == "extra_forbidden":
        parent = _model_at(root, path[:-1])
        allowed = list(parent.model_fields) if parent else []
        guess = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
        kutip = _saran_kutip(path, data, doc) if path else None
        if kutip and (not guess or _ambil(data, path) is None):
            return f"kunci '{name}' tidak dikenal; {kutip}"
        hint = f"; maksud Anda '{guess[0]}'?" if guess else (f"; kunci yang dikenal: {', '.join(allowed)}" if allowed else "")
        return f"kunci '{name}' tidak dikenal{hint}"
    if kind in ("string_type",):
        return "harus berupa teks (apit dengan tanda kutip bila perlu)"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "harus berupa bilangan bulat, mis. 2024"
    if kind in ("bool_type", "bool_parsing"):
        return "harus true atau false"
    if kind == "list_type":
        return "harus berupa daftar (setiap butir diawali '- ')"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "harus berupa peta 'kunci: nilai' (bukan teks atau daftar)"
    if kind == "literal_error":
        return f"nilai tidak dikenal; pilih salah satu dari: {ctx.get('expected', '')}".replace("'", "").replace(" or ", ", ")
    if kind == "string_pattern_mismatch":
        if name == "nip":
            return "NIP harus 18 digit, boleh dengan spasi, mis. '19710828 199803 1 004'"
        if name == "posisi":
            teks = err.get("input")
            return (pesan_posisi(teks) if isinstance(teks, str) else None) or f"posisi tidak dikenal; posisi yang sah: {daftar_posisi()}"
        return "id hanya boleh huruf kecil, angka, '-', '_' dan '.', diawali huruf/angka, mis. 'iku-pelatihan'"
    if kind == "string_too_long":
        return f"teks terlalu panjang (maksimal {ctx.get('max_length')} karakter)"
    if kind in ("greater_than_equal", "greater_than"):
        return f"nilai terlalu kecil; minimal {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"nilai terlalu besar; maksimal {ctx.get('le', ctx.get('lt'))}"
    if kind in ("decimal_type", "decimal_parsing"):
        return "harus berupa angka (contoh: 92.90)"
    return err.get("msg", kind)


def pydantic_masalah(exc: ValidationError, root: type[BaseModel], docs: list[Dokumen], data: Any) -> list[Masalah]:
    seen: set[tuple[str, str]] = set()
    out: list[Masalah] = []
    for err in exc.errors(include_url=False):
        path = _data_path(data, tuple(err["loc"]))
        doc = dokumen_untuk(docs, path) or docs[0]
        msg = _saran_desimal(path, data, doc) or _pesan(err, root, path, data, doc)
        lok = doc.lokasi(path, kunci=err["type"] == "extra_forbidden")
        key = (str(lok), msg)
        if key in seen:
            continue
        seen.add(key)
        out.append(Masalah(lok, msg, format_path(path)))
    return out


def parse_model(cls: type[BaseModel], docs: list[Dokumen], data: Any) -> tuple[Any, list[Masalah]]:
    if not isinstance(data, dict):
        return None, [Masalah(docs[0].lokasi(()), "isi berkas harus berupa peta 'kunci: nilai' di tingkat teratas")]
    try:
        return cls.model_validate(data), []
    except ValidationError as exc:
        return None, pydantic_masalah(exc, cls, docs, data)
    except RecursionError:
        return None, [Masalah(docs[0].lokasi(()), "struktur bersarang terlalu dalam")]


# ---------------------------------------------------------------------------------------------------
# Semantic rules


def _leaf_count(kolom: list) -> int:
    return sum(_leaf_count(k.sub) if k.sub else 1 for k in kolom)


class _Periksa:
    """Shared state of one report's checks: the problems found so far (in order) and the ids each part defines."""

    def __init__(self, b: BerkasLaporan):
        self.b = b
        self.out: list[Masalah] = []
        # filled by _kumpulkan_id
        self.misi_ids: set[str] = set()
        self.tujuan_ids: set[str] = set()
        self.sasaran_ids: set[str] = set()
        self.indikator: list[tuple[tuple, Any]] = []
        self.indikator_ids: set[str] = set()
        self.budget: list[tuple[tuple, Any, int]] = []
        self.budget_ids: set[str] = set()
        self.program_ids: set[str] = set()
        self.tabel_ids: set[str] = set()

    def add(self, path: tuple, pesan: str, tingkat: str = "galat") -> None:
        self.out.append(Masalah(self.b.lokasi(path), pesan, format_path(path), tingkat))

    def unique(self, items: list[tuple[tuple, str]], kind: str) -> set[str]:
        seen: dict[str, tuple] = {}
        for path, ident in items:
            if ident in seen:
                self.add(path + ("id",), f"id {kind} '{ident}' dipakai dua kali (juga di {format_path(seen[ident])}); setiap id harus unik")
            else:
                seen[ident] = path
        return set(seen)

    def ref(self, path: tuple, value: str | None, known: set[str], kind: str) -> None:
        if value is not None and value not in known:
            guess = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.5)
            hint = f"; maksud Anda '{guess[0]}'?" if guess else (f"; id yang ada: {', '.join(sorted(known)[:12])}" if known else f"; belum ada {kind} yang didefinisikan")
            self.add(path, f"{kind} '{value}' tidak ditemukan{hint}")


def periksa_laporan(b: BerkasLaporan, folder: Path, root: Path) -> list[Masalah]:
    """Cross-field checks the schema cannot express: unique ids, references, years, budget shape, tables, charts."""
    c = _Periksa(b)
    _kumpulkan_id(c)
    _periksa_renstra_sasaran(c)
    _periksa_indikator(c)
    _periksa_perjanjian_kinerja(c)
    _periksa_anggaran(c)
    _periksa_tabel_grafik(c)
    _periksa_evaluasi(c)
    _periksa_belanja_jenis(c)
    lap = b.model
    for i, f in enumerate(lap.foto):
        if f.berkas:
            c.out += periksa_berkas(f.berkas, folder, root, b.lokasi(("foto", i, "berkas")), format_path(("foto", i, "berkas")))
    if b.metode.skala is not None:
        for idx, msg in metode_mod.periksa_skala(b.metode.skala):
            c.add(("metode", "skala", "pita", idx) if idx is not None and not isinstance(lap.metode.skala, str) and lap.metode.skala is not None else ("metode",), f"skala predikat '{b.metode.skala_nama}': {msg}")
    _periksa_skala_lain(c)
    return c.out


def _periksa_skala_lain(c: _Periksa) -> None:
    """The overall-verdict and efficiency scales, when the report writes its own (a preset is checked where it is defined)."""
    for kunci in ("skala_keseluruhan", "skala_efisiensi"):
        s = getattr(c.b.model.metode, kunci)
        if s is not None and not isinstance(s, str):
            for idx, msg in metode_mod.periksa_skala(s):
                c.add(("metode", kunci, "pita", idx) if idx is not None else ("metode", kunci), f"skala '{s.nama}': {msg}")


def _kumpulkan_id(c: _Periksa) -> None:
    """Collect every id (reporting duplicates) into ``c`` for the reference checks; the order fixes the messages' order."""
    lap = c.b.model
    renstra = lap.renstra
    c.misi_ids = c.unique([(("renstra", "misi", i), m.id) for i, m in enumerate(renstra.misi)], "misi") if renstra else set()
    c.tujuan_ids = c.unique([(("renstra", "tujuan", i), t.id) for i, t in enumerate(renstra.tujuan)], "tujuan") if renstra else set()
    c.unique([(("renstra", "sasaran", i), s.id) for i, s in enumerate(renstra.sasaran)], "sasaran Renstra") if renstra else set()
    c.sasaran_ids = c.unique([(("sasaran", i), s.id) for i, s in enumerate(lap.sasaran)], "sasaran")

    indikator: list[tuple[tuple, Any]] = []
    for i, s in enumerate(lap.sasaran):
        indikator += [(("sasaran", i, "indikator", j), ind) for j, ind in enumerate(s.indikator)]
    if renstra:
        for i, t in enumerate(renstra.tujuan):
            indikator += [(("renstra", "tujuan", i, "indikator", j), ind) for j, ind in enumerate(t.indikator)]
    c.indikator = indikator
    c.indikator_ids = c.unique([(p, ind.id) for p, ind in indikator], "indikator")

    budget: list[tuple[tuple, Any, int]] = []
    for i, p in enumerate(lap.anggaran.program):
        budget.append((("anggaran", "program", i), p, 0))
        for j, k in enumerate(p.kegiatan):
            budget.append((("anggaran", "program", i, "kegiatan", j), k, 1))
            for m, sk in enumerate(k.sub_kegiatan):
                budget.append((("anggaran", "program", i, "kegiatan", j, "sub_kegiatan", m), sk, 2))
    c.budget = budget
    c.budget_ids = c.unique([(p, n.id) for p, n, _ in budget], "anggaran")
    c.program_ids = {n.id for _, n, lvl in budget if lvl == 0}
    c.tabel_ids = c.unique([(("tabel", i), t.id) for i, t in enumerate(lap.tabel)], "tabel")
    c.unique([(("grafik", i), g.id) for i, g in enumerate(lap.grafik)], "grafik")


def _periksa_renstra_sasaran(c: _Periksa) -> None:
    """Renstra period against the report year, then the misi/tujuan/sasaran/program references."""
    lap = c.b.model
    renstra = lap.renstra
    if renstra:
        if renstra.periode.awal > renstra.periode.akhir:
            c.add(("renstra", "periode"), "periode Renstra terbalik: 'awal' harus lebih kecil dari 'akhir'")
        elif not (renstra.periode.awal <= lap.tahun <= renstra.periode.akhir):
            c.add(("tahun",), f"tahun laporan {lap.tahun} di luar periode Renstra {renstra.periode.awal}–{renstra.periode.akhir}; perbaiki 'tahun' atau 'renstra.periode'")
        for i, t in enumerate(renstra.tujuan):
            for j, m in enumerate(t.misi):
                c.ref(("renstra", "tujuan", i, "misi", j), m, c.misi_ids, "misi")
        for i, s in enumerate(renstra.sasaran):
            c.ref(("renstra", "sasaran", i, "tujuan"), s.tujuan, c.tujuan_ids, "tujuan")
    for i, s in enumerate(lap.sasaran):
        c.ref(("sasaran", i, "tujuan"), s.tujuan, c.tujuan_ids, "tujuan")
        c.ref(("sasaran", i, "induk"), s.induk, c.sasaran_ids, "sasaran")
        if s.induk == s.id:
            c.add(("sasaran", i, "induk"), "sasaran tidak boleh menjadi induk dirinya sendiri")
        elif _melingkar(lap.sasaran, s):
            c.add(("sasaran", i, "induk"), f"rantai induk sasaran '{s.id}' kembali ke dirinya sendiri; pohon kinerja harus bercabang ke bawah, hapus salah satu 'induk'")
        for j, p in enumerate(s.program):
            c.ref(("sasaran", i, "program", j), p, c.budget_ids, "anggaran")


def _melingkar(semua: list, s) -> bool:
    """True when following ``induk`` from ``s`` comes back to ``s`` (a → b → a)."""
    induk = {x.id: x.induk for x in semua}
    dilihat, x = set(), s.induk
    while x and x not in dilihat:
        if x == s.id:
            return True
        dilihat.add(x)
        x = induk.get(x)
    return False


def _periksa_indikator(c: _Periksa) -> None:
    """Indicator budget links, a zero target, non-numeric values outside the ladder, realisasi from the future."""
    lap = c.b.model
    ladder = c.b.metode.tingkat_nilai
    for path, ind in c.indikator:
        for j, a in enumerate(ind.anggaran):
            c.ref(path + ("anggaran", j), a, c.budget_ids, "anggaran")
        t = ind.target.get(lap.tahun)
        if t is not None and not isinstance(t, str) and t == 0:
            c.add(path + ("target", lap.tahun), "target 0 tidak dapat dipakai menghitung capaian (pembagian dengan nol); periksa target atau hapus bila belum ditetapkan")
        for kind in ("target", "realisasi"):
            for y, v in getattr(ind, kind).items():
                if isinstance(v, str) and v not in ladder:
                    c.add(path + (kind, y), f"nilai '{v}' bukan angka dan bukan tingkat yang dikenal ({' < '.join(ladder)}); tulis angka, atau atur metode.tingkat_nilai")
                if kind == "realisasi" and y > lap.tahun:
                    c.add(path + (kind, y), f"realisasi tahun {y} melebihi tahun laporan {lap.tahun}")
        _periksa_triwulan(c, path, ind, ladder)


def _periksa_triwulan(c: _Periksa, path: tuple, ind: Any, ladder: list[str]) -> None:
    """Each quarter once; grades from the method's ladder."""
    seen: dict[int, int] = {}
    for k, t in enumerate(ind.triwulan):
        if t.tw in seen:
            c.add(path + ("triwulan", k, "tw"), f"triwulan {t.tw} ditulis dua kali (juga di triwulan[{seen[t.tw]}]); setiap triwulan hanya sekali")
        seen.setdefault(t.tw, k)
        for kind in ("target", "realisasi"):
            v = getattr(t, kind)
            if isinstance(v, str) and v not in ladder:
                c.add(path + ("triwulan", k, kind), f"nilai '{v}' bukan angka dan bukan tingkat yang dikenal ({' < '.join(ladder)}); tulis angka, atau atur metode.tingkat_nilai")


def _periksa_perjanjian_kinerja(c: _Periksa) -> None:
    """Perjanjian Kinerja (and its revision) may only name known indicators and programs."""
    c.unique([(("perjanjian_kinerja_individu", i), p.kunci) for i, p in enumerate(c.b.model.perjanjian_kinerja_individu)], "PK pejabat (id, NIP atau nama)")
    for i, p in enumerate(c.b.model.perjanjian_kinerja_individu):
        if not p.baris:
            c.add(("perjanjian_kinerja_individu", i, "baris"), f"PK {p.pejabat.nama} belum punya baris; tulis sasaran, indikator dan target yang tercetak")
    pk = c.b.model.perjanjian_kinerja
    if not pk:
        return
    for versi_path, versi, _ in pk.semua_versi():
        for key in versi.target:
            c.ref(versi_path + ("target", key), key, c.indikator_ids, "indikator")
        for j, a in enumerate(versi.anggaran):
            c.ref(versi_path + ("anggaran", j, "program"), a.program, c.budget_ids, "program/kegiatan/sub-kegiatan")
            c.ref(versi_path + ("anggaran", j, "sasaran"), a.sasaran, c.sasaran_ids, "sasaran")
            if a.program and a.sasaran:
                c.add(versi_path + ("anggaran", j), "satu baris anggaran PK menunjuk 'program' atau 'sasaran', tidak keduanya")


def _periksa_anggaran(c: _Periksa) -> None:
    """Parents carry no figures of their own (they are sums); a leaf spending more than its pagu is kept as printed,
    with a warning (real reports print it: the absorption shows above 100% and the remainder negative)."""
    for path, node, lvl in c.budget:
        children = (getattr(node, "kegiatan", None) or []) if lvl == 0 else (getattr(node, "sub_kegiatan", None) or []) if lvl == 1 else []
        if children and any(v is not None for v in (node.pagu, node.pagu_perubahan, node.realisasi)):
            c.add(path, "butir anggaran yang punya rincian tidak boleh memuat angka sendiri (angka induk = jumlah rinciannya); pindahkan angka yang tercetak ke 'tercetak:'")
        pagu = node.pagu_perubahan if node.pagu_perubahan is not None else node.pagu
        if not children and node.realisasi is not None and pagu is not None and node.realisasi > pagu:
            c.add(path + ("realisasi",), f"realisasi {node.realisasi} melebihi pagu {pagu}; ditampilkan sebagaimana tercetak (penyerapan di atas 100%), periksa kembali angka realisasi atau pagu", "peringatan")


def _periksa_belanja_jenis(c: _Periksa) -> None:
    """A subtotal row of spending by type (``rincian``) names other, non-subtotal rows and has no figures of its own."""
    items = c.b.model.anggaran.belanja_per_jenis
    daun = sorted({x.jenis for x in items if not x.rincian})
    for i, x in enumerate(items):
        if not x.rincian:
            continue
        path = ("anggaran", "belanja_per_jenis", i)
        if x.pagu is not None or x.realisasi is not None:
            c.add(path, "baris subtotal (punya 'rincian') tidak boleh memuat pagu/realisasi sendiri (dihitung dari rinciannya); pindahkan angka yang tercetak ke 'tercetak:'")
        for j, n in enumerate(x.rincian):
            c.ref(path + ("rincian", j), n, set(daun), "jenis belanja")


def _periksa_evaluasi(c: _Periksa) -> None:
    """SAKIP components: a score within 0..its weight; weights that do not add up to 100 are a warning."""
    ev = c.b.model.evaluasi_akip
    if ev is None or not ev.komponen:
        return
    for k, x in enumerate(ev.komponen):
        if x.nilai is not None and not (0 <= x.nilai <= x.bobot):
            c.add(("evaluasi_akip", "komponen", k, "nilai"), f"nilai komponen '{x.nama}' {x.nilai} di luar 0–{x.bobot} (bobotnya); periksa nilai atau bobot", "peringatan")
    total = sum((x.bobot for x in ev.komponen), Decimal(0))
    if total != 100:
        c.add(("evaluasi_akip", "komponen"), f"jumlah bobot komponen evaluasi {total}, bukan 100; periksa bobot setiap komponen", "peringatan")


def _periksa_tabel_grafik(c: _Periksa) -> None:
    """Placement references, table shapes, and each chart's table and series columns."""
    lap = c.b.model
    posisi_known = {"sasaran": c.sasaran_ids, "indikator": c.indikator_ids, "tujuan": c.tujuan_ids}
    for kind in ("tabel", "grafik", "foto", "bagian_tambahan"):
        for i, item in enumerate(getattr(lap, kind)):
            if ":" in item.posisi:
                k, v = item.posisi.split(":", 1)
                c.ref((kind, i, "posisi"), v, posisi_known[k], k)
            elif (pesan := pesan_posisi(item.posisi)) is not None:  # a misspelt section never moves a block silently
                c.add((kind, i, "posisi"), pesan)
    for i, t in enumerate(lap.tabel):
        periksa_tabel(t, ("tabel", i), c.add)
    tabel_by_id = {t.id: t for t in lap.tabel}
    for i, g in enumerate(lap.grafik):
        c.ref(("grafik", i, "tabel"), g.tabel, c.tabel_ids, "tabel")
        t = tabel_by_id.get(g.tabel) if g.tabel else None
        n = _leaf_count(t.kolom) if t else None
        for j, s in enumerate(g.seri):
            if s.kolom is None and s.nilai is None:
                c.add(("grafik", i, "seri", j), "seri grafik butuh 'kolom' (dari tabel) atau 'nilai'")
            if s.kolom is not None and n is not None and not (1 <= s.kolom <= n):
                c.add(("grafik", i, "seri", j, "kolom"), f"kolom {s.kolom} tidak ada; tabel '{g.tabel}' punya {n} kolom")
        if t is None and g.label is None:
            c.add(("grafik", i), "grafik tanpa tabel butuh 'label' (label sumbu X)")


def periksa_tabel(t: Tabel, path: tuple, add) -> None:
    n = _leaf_count(t.kolom)
    for r, pesan in grid.tata(t.baris, n)[1]:
        add(path + ("baris", r), pesan)
    for r, pesan in grid.tata(t.baris_total, n)[1]:
        add(path + ("baris_total", r), pesan.replace(f"baris {r + 1}", "baris total", 1))
    if t.jumlahkan:
        for j, k in enumerate(t.jumlahkan.kolom):
            if not 1 <= k <= n:
                add(path + ("jumlahkan", "kolom", j), f"kolom {k} tidak ada; tabel punya {n} kolom")
        if len(t.jumlahkan.baris_total) != n:
            add(path + ("jumlahkan", "baris_total"), f"baris total punya {len(t.jumlahkan.baris_total)} sel, padahal tabel punya {n} kolom")


def periksa_berkas(rel: str, folder: Path, root: Path, lok: Lokasi, jalur: str) -> list[Masalah]:
    """Image paths must stay inside ``agencies/``, be a known image type and exist."""
    p = Path(rel)
    if p.is_absolute() or ".." in p.parts or rel.startswith(("/", "\\")) or ":" in rel:
        return [Masalah(lok, f"path '{rel}' harus relatif terhadap folder instansi, tanpa '..' atau path absolut", jalur)]
    if p.suffix.lower() not in GAMBAR_DIIZINKAN:
        return [Masalah(lok, f"jenis berkas '{p.suffix or rel}' tidak diizinkan; pakai {', '.join(sorted(GAMBAR_DIIZINKAN))}", jalur)]
    full = folder / p
    agencies = (root / "agencies").resolve()
    try:
        resolved = full.resolve(strict=True)
    except (OSError, RuntimeError):
        return [Masalah(lok, f"berkas '{rel}' tidak ditemukan di {folder.relative_to(root)}", jalur)]
    if not resolved.is_relative_to(agencies):
        return [Masalah(lok, f"berkas '{rel}' menunjuk ke luar folder agencies/ (tautan simbolik?); salin berkasnya ke folder instansi", jalur)]
    return []


# ---------------------------------------------------------------------------------------------------
# Whole repository


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _load(path: Path, root: Path, masalah: list[Masalah]) -> Dokumen | None:
    try:
        return load_file(path, _rel(path, root))
    except LoadError as exc:
        masalah.extend(exc.masalah)
        return None


def _load_berkas_model(path: Path, root: Path, cls: type[BaseModel], tidak_ada: str, masalah: list[Masalah]) -> tuple[Any, Dokumen | None]:
    """One YAML file parsed into one model: (model or None, document or None); problems go to ``masalah``."""
    if not path.exists():
        masalah.append(Masalah(Lokasi(_rel(path, root), 1, 1), tidak_ada))
        return None, None
    doc = _load(path, root, masalah)
    if doc is None:
        return None, None
    model, errs = parse_model(cls, [doc], doc.data)
    masalah.extend(errs)
    return model, doc


def load_site(root: Path, masalah: list[Masalah]) -> SiteConfig | None:
    site, doc = _load_berkas_model(root / "site_config" / "lkip.yaml", root, SiteConfig,
                                   "berkas pengaturan situs tidak ada; salin dari contoh di dokumentasi", masalah)
    if site is not None and doc is not None:
        try:
            skala = metode_mod.resolve(site.metode).skala
        except metode_mod.MetodeError as exc:
            masalah.append(Masalah(doc.lokasi(exc.jalur), exc.pesan, format_path(exc.jalur)))
        else:
            if skala is not None:
                for _, msg in metode_mod.periksa_skala(skala):
                    masalah.append(Masalah(doc.lokasi(("metode", "skala")), f"skala predikat: {msg}", "metode.skala"))
            for kunci in ("skala_keseluruhan", "skala_efisiensi"):
                s = getattr(site.metode, kunci)
                for _, msg in (metode_mod.periksa_skala(s) if s is not None and not isinstance(s, str) else []):
                    masalah.append(Masalah(doc.lokasi(("metode", kunci)), f"skala '{s.nama}': {msg}", f"metode.{kunci}"))
    return site


# ---------------------------------------------------------------------------------------------------
# Narratives as Markdown files: agencies/<slug>/<tahun>/narasi/<name>.md


def _nama_berkas_narasi() -> dict[str, str]:
    """File name → ``narasi`` field: ``kata-pengantar.md``, ``ringkasan.md``, ``bab-1-latar-belakang.md``, …"""
    bab_dari = {k: bab.removeprefix("bab") for bab, keys in POSISI_BAGIAN.items() for k in keys}
    out = {}
    for name in Narasi.model_fields:
        stem = name.replace("_", "-")
        out[f"bab-{bab_dari[name]}-{stem}.md" if name in bab_dari else f"{stem}.md"] = name
    return out


NARASI_BERKAS = _nama_berkas_narasi()
NARASI_FOLDER = "narasi"


def muat_narasi(tahun: int, inst_folder: Path, root: Path, masalah: list[Masalah]) -> list[Dokumen]:
    """One document per non-empty ``<tahun>/narasi/*.md`` file, holding ``{"narasi": {field: text}}``.

    Unknown names (and anything that is not a known file) are errors naming the file and the valid names.
    """
    folder = inst_folder / str(tahun) / NARASI_FOLDER
    if not folder.is_dir():
        return []
    docs = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        shown = _rel(path, root)
        field_name = NARASI_BERKAS.get(path.name) if path.is_file() else None
        if field_name is None:
            guess = difflib.get_close_matches(path.name, list(NARASI_BERKAS), n=1, cutoff=0.6)
            hint = f"maksud Anda '{guess[0]}'? " if guess else ""
            masalah.append(Masalah(Lokasi(shown, 1, 1), f"berkas narasi '{path.name}' tidak dikenal; {hint}nama yang dikenal: {', '.join(NARASI_BERKAS)}"))
            continue
        try:
            text = read_text(path, shown)
        except LoadError as exc:
            masalah.extend(exc.masalah)
            continue
        if not text.strip():
            continue  # an empty file is a section not written yet
        lok = Lokasi(shown, 1, 1)
        docs.append(Dokumen(file=shown, data={"narasi": {field_name: text}}, posisi={(): lok, ("narasi",): lok, ("narasi", field_name): lok}))
    return docs


def _gabung_narasi(merged: dict[str, Any], owner: dict[str, Dokumen], narasi_docs: list[Dokumen], masalah: list[Masalah]) -> bool:
    """Put each narrative file's text into ``merged['narasi']``; a field written in YAML as well is an error."""
    ok = True
    yaml_narasi = merged.get("narasi")
    if narasi_docs and yaml_narasi is not None and not isinstance(yaml_narasi, dict):
        return True  # the YAML's own type error is reported by the model
    combined = dict(yaml_narasi or {})
    for doc in narasi_docs:
        (name, text), = doc.data["narasi"].items()
        if name in combined:
            where = owner["narasi"].lokasi(("narasi", name))
            masalah.append(Masalah(doc.lokasi(()), f"narasi '{name}' ditulis dua kali: di berkas ini dan di {where}; hapus salah satu", f"narasi.{name}"))
            ok = False
        else:
            combined[name] = text
    if narasi_docs:
        merged["narasi"] = combined
    return ok


def load_laporan(tahun: int, paths: list[Path], inst_folder: Path, root: Path, site: SiteConfig, masalah: list[Masalah]) -> BerkasLaporan | None:
    docs = [d for d in (_load(p, root, masalah) for p in paths) if d is not None]
    if len(docs) != len(paths):
        return None
    if not docs:
        masalah.append(Masalah(Lokasi(_rel(inst_folder / str(tahun), root), 1, 1), "folder tahun tidak berisi berkas YAML"))
        return None
    merged: dict[str, Any] = {}
    owner: dict[str, Dokumen] = {}
    ok = True
    for doc in docs:
        if not isinstance(doc.data, dict):
            masalah.append(Masalah(doc.lokasi(()), "isi berkas harus berupa peta 'kunci: nilai' di tingkat teratas"))
            ok = False
            continue
        for k, v in doc.data.items():
            if k in merged:
                masalah.append(Masalah(doc.lokasi((k,), kunci=True), f"kunci '{k}' sudah ada di {owner[k].file}; satu kunci teratas hanya di satu berkas", str(k)))
                ok = False
            else:
                merged[k], owner[k] = v, doc
    narasi_docs = muat_narasi(tahun, inst_folder, root, masalah)  # unreadable/unknown files reported, the rest checked
    ok = _gabung_narasi(merged, owner, narasi_docs, masalah) and ok
    if not ok:
        return None
    docs = docs + narasi_docs
    model, errs = parse_model(Laporan, docs, merged)
    masalah.extend(errs)
    if model is None:
        return None
    if model.tahun != tahun:
        d = owner.get("tahun", docs[0])
        masalah.append(Masalah(d.lokasi(("tahun",)), f"tahun {model.tahun} tidak sama dengan nama berkas/folder ({tahun}); samakan keduanya", "tahun"))
        return None
    try:
        metode = metode_mod.resolve(site.metode, model.metode)
    except metode_mod.MetodeError as exc:
        d = owner.get("metode", docs[0])
        masalah.append(Masalah(d.lokasi(exc.jalur), exc.pesan, format_path(exc.jalur)))
        return None
    b = BerkasLaporan(tahun=tahun, model=model, dokumen=docs, metode=metode)
    masalah.extend(periksa_laporan(b, inst_folder, root))
    return b


def agency_folders(root: Path) -> list[Path]:
    """Agency folders under ``agencies/`` in build order (hidden folders skipped)."""
    agencies = root / "agencies"
    return sorted(p for p in agencies.iterdir() if p.is_dir() and not p.name.startswith(".")) if agencies.is_dir() else []


def load_instansi(folder: Path, root: Path, site: SiteConfig | None, masalah: list[Masalah]) -> Instansi | None:
    """Load and validate one agency folder (profile and every year); problems are appended to ``masalah``."""
    if not _SLUG.match(folder.name):
        masalah.append(Masalah(Lokasi(_rel(folder, root), 1, 1), f"nama folder '{folder.name}' harus huruf kecil, angka dan '-' (dipakai di alamat situs)"))
        return None
    profil, doc = _load_berkas_model(folder / "profil.yaml", root, Profil,
                                     "berkas profil.yaml tidak ada; setiap instansi butuh profil (lihat 'lkip new agency')", masalah)
    if doc is None:
        return None
    # a broken profile still lets the year files be checked, so every problem shows at once
    inst = Instansi(slug=folder.name, folder=folder, profil=profil, profil_dokumen=doc)
    if profil is not None and profil.logo:
        masalah.extend(periksa_berkas(profil.logo, folder, root, doc.lokasi(("logo",)), "logo"))
    years: dict[int, list[Path]] = {}
    for item in sorted(folder.iterdir()):
        if item.is_file() and (m := _YEAR_FILE.match(item.name)):
            years.setdefault(int(m[1]), []).append(item)
        elif item.is_dir() and (m := _YEAR_DIR.match(item.name)):
            years.setdefault(int(m[1]), []).extend(sorted(p for p in item.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file() and not p.name.startswith(".")))
    for tahun, paths in sorted(years.items()):
        if len({p.parent for p in paths}) > 1:
            masalah.append(Masalah(Lokasi(_rel(paths[0], root), 1, 1), f"tahun {tahun} ada sebagai berkas dan sebagai folder; pilih salah satu"))
            continue
        if site is None:
            continue
        b = load_laporan(tahun, paths, folder, root, site, masalah)
        if b is not None:
            inst.laporan[tahun] = b
    return inst if profil is not None else None


def load_repo(root: Path, only: set[str] | None = None) -> tuple[Repo | None, list[Masalah]]:
    """Load and validate everything under ``root`` (or only the agency folders named in ``only``).

    Returns the repo (None on any error) and the problems.
    """
    masalah: list[Masalah] = []
    site = load_site(root, masalah)
    if not (root / "agencies").is_dir():
        masalah.append(Masalah(Lokasi("agencies", 1, 1), "folder agencies/ tidak ada; buat dengan 'lkip new agency NAMA'"))
        return None, masalah
    instansi: list[Instansi] = []
    for folder in agency_folders(root):
        if only is not None and folder.name not in only:
            continue
        inst = load_instansi(folder, root, site, masalah)
        if inst is not None:
            instansi.append(inst)
    errors = [m for m in masalah if m.tingkat == "galat"]
    if errors or site is None:
        return None, masalah
    return Repo(root=root, site=site, instansi=instansi), masalah
