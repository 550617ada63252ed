"""``lkip impor``: a workbook (or CSV) → the agency's YAML, minimal diff, validated before anything is written.

Steps: read the file (bounded) → recognise each sheet and its header → read every cell, collecting every
error with its cell → apply the sheets to a copy of the agency's data (keys no sheet column covers are kept:
narratives, analyses, comments) → write the changed files into a temporary copy of the repository and run the
full validation there → only then replace the real files, each atomically. Any error: exit 1, nothing written.
"""

from __future__ import annotations

import contextlib
import copy
import io
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from ..load import LoadError, format_path, load_file
from . import anggaran as anggaran_mod
from . import angka as A
from . import pegawai as pegawai_mod
from . import skema
from .buku import Buku, GalatBerkas, Lembar, baca
from .data import berkas_tahun, komponen_tahun, muat_tahun, semua_indikator
from .tabel import TIDAK_ADA, Catatan, Tabel, atur, kenali, lokasi
from .tulis import sama, tambal, tulis_rt, yaml_rt


_KUALITATIF = {"predikat", "level", "opini", "kategori", "grade", "nilai", "status", "tingkat", "tingkatan", "indeks predikat"}


def _nilai_untuk(satuan: Any):
    """A target/realisasi reader: text (a grade such as B or WTP) only where the unit is qualitative."""
    def baca(sel):
        v = A.nilai(sel)
        if isinstance(v, str) and not (len(v) <= 3 or (isinstance(satuan, str) and satuan.strip().lower() in _KUALITATIF)):
            raise A.GalatSel(f"'{v}' bukan angka; satuan indikator ini '{satuan}' (tulis mis. 33,5 atau 92,9%)")
        return v
    return baca


def _atur_tahun(d: dict, k: str, y: int, v: Any) -> None:
    if v is TIDAK_ADA:
        return
    m = d.get(k)
    if v is None:
        if isinstance(m, dict) and m.get(y) is not None:
            del m[y]
        return
    if not isinstance(m, dict):
        m = d[k] = {}
    m[y] = v


# ---------------------------------------------------------------------------------------------------
# Identitas


def baca_identitas(berkas: str, lem: Lembar, cat: Catatan) -> dict[tuple, tuple[Any, str]]:
    """Label in column A, value in column B → {jalur: (value, cell)}."""
    out: dict[tuple, tuple[Any, str]] = {}
    pembaca = {"teks": A.teks, "id": A.pengenal, "tahun": A.tahun, "nip": A.nip, "tanggal": A.tanggal}
    for r in range(1, lem.maks_baris + 1):
        s = lem.get(r, 1)
        if s.kosong:
            continue
        label = A.teks_satu_baris(s)
        if skema.normal(label) in ("isian", "nama isian"):
            continue
        isian = skema.isian_dari_label(label)
        loc = lokasi(berkas, lem.nama, r, 2)
        if isian is None:
            cat.peringatan.append(f"{lokasi(berkas, lem.nama, r, 1)}: isian '{label}' tidak dikenal; diabaikan")
            continue
        try:
            out[isian.jalur] = (pembaca[isian.jenis](lem.get(r, 2)), loc)
        except A.GalatSel as exc:
            cat.galat.append(f"{loc}: isian '{isian.label}': {exc.pesan}")
    return out


def terapkan_identitas(ident: dict, profil: dict, lap: dict, tahun: int, cat: Catatan, reg: dict) -> None:
    for jalur, (v, loc) in ident.items():
        if jalur in (("instansi",), ("laporan", "tahun")):
            continue
        target = profil if jalur[0] == "profil" else lap
        path = jalur[1:]
        reg[format_path(path) if jalur[0] == "laporan" else "profil." + format_path(path)] = loc
        if jalur[0] == "profil" and path[-1] in ("nama", "pemda") and v is None:
            cat.galat.append(f"{loc}: isian '{path[-1]}' wajib diisi")
            continue
        if path[0] == "renstra":
            if v is None and "renstra" not in lap:
                continue
            if path[-1] in ("awal", "akhir") and v is None:
                cat.galat.append(f"{loc}: periode Renstra wajib diisi bila ada Renstra")
                continue
            if "renstra" not in lap:
                awal, akhir = ident.get(("laporan", "renstra", "periode", "awal"), (None,))[0], ident.get(("laporan", "renstra", "periode", "akhir"), (None,))[0]
                if awal is None or akhir is None:
                    cat.galat.append(f"{loc}: isi juga 'Renstra: tahun awal' dan 'Renstra: tahun akhir'")
                    continue
                lap["renstra"] = {"periode": {"awal": awal, "akhir": akhir}}
        if path[0] == "penandatangan":
            if "penandatangan" not in lap or not isinstance(lap.get("penandatangan"), dict):
                if v is None:
                    continue
                nama = ident.get(("laporan", "penandatangan", "nama"), (None,))[0]
                if nama is None:
                    cat.galat.append(f"{loc}: isi juga nama penanda tangan")
                    continue
                lap["penandatangan"] = {"nama": nama}
            if path[-1] == "nama" and v is None:
                others = [k for k in ident if k[:2] == ("laporan", "penandatangan") and ident[k][0] is not None]
                if others:
                    cat.galat.append(f"{loc}: nama penanda tangan wajib diisi bila isian penanda tangan lain diisi")
                    continue
                lap.pop("penandatangan", None)
                continue
        if path[0] == "anggaran" and v is not None:
            lap.setdefault("anggaran", {})
        d = target
        for k in path[:-1]:
            if not isinstance(d.get(k), dict):
                if v is None:
                    d = None
                    break
                d[k] = {}
            d = d[k]
        if d is None:
            continue
        atur(d, path[-1], v, "Laporan Kinerja Instansi Pemerintah" if path == ("judul",) else None)


# ---------------------------------------------------------------------------------------------------
# Rencana


_PILIH_TINGKAT = {"sasaran strategis": "strategis", "ss": "strategis", "sasaran program": "program", "sasaran kegiatan": "kegiatan"}


def _slug_unik(base: str, used: set[str]) -> str:
    base = anggaran_mod.slug(base, 40)
    nid, i = base, 2
    while nid in used:
        nid, i = f"{base}-{i}", i + 1
    used.add(nid)
    return nid


def terapkan_rencana(tab: Tabel, lap: dict, cat: Catatan, reg: dict) -> None:
    """Replace the sasaran (and tujuan indicators) with the sheet's, each over its old data so narratives survive."""
    ren = _Rencana(tab, lap, reg)
    groups = ren.kelompok()
    if tab.gagal:
        return
    ren.beri_id(groups)
    if tab.gagal:
        return
    lap["sasaran"] = ren.sasaran(groups, cat)
    if not ren.tujuan(groups, cat):
        return
    gone = [i for i in ren.old_ind if i not in ren.taken_ind]
    for i in gone:
        cat.info.append(f"{tab.berkas}!{tab.lembar.nama}: indikator '{i}' tidak ada di lembar; dihapus dari data (beserta analisisnya)")


class _Rencana:
    """One Rencana sheet applied to a report: the old sasaran/tujuan/indicators to build on, the ids in use
    (so new ones are unique), and the indicator ids the sheet has claimed (``taken_ind``)."""

    def __init__(self, tab: Tabel, lap: dict, reg: dict):
        self.tab, self.lap, self.reg = tab, lap, reg
        self.old_sas = {s.get("id"): s for s in lap.get("sasaran") or []}
        self.old_tuj = {t.get("id"): t for t in (lap.get("renstra") or {}).get("tujuan") or []}
        self.old_ind = {ind.get("id"): ind for ind, _, _ in semua_indikator(lap)}
        self.used_ids = {k for k in (*self.old_sas, *self.old_tuj, *self.old_ind) if k}
        self.taken_ind: set[str] = set()

    def kelompok(self) -> list[dict]:
        """Rows grouped by sasaran/tujuan (a row without one belongs to the group above); each with its indicator rows."""
        tab = self.tab
        groups: list[dict] = []
        by_key: dict[Any, dict] = {}
        cur = None
        for r in tab.baris:
            sid = tab.baca(r, "sasaran_id", A.pengenal)
            skode = tab.baca(r, "sasaran_kode", A.teks_satu_baris)
            snama = tab.baca(r, "sasaran", A.teks)
            sid, skode, snama = (None if v is TIDAK_ADA else v for v in (sid, skode, snama))
            if sid or skode or snama:
                key = sid or ("kode", skode, snama)
                if cur is None or key != cur["key"]:
                    cur = by_key.get(key)
                    if cur is None:
                        ting = tab.baca(r, "tingkat", lambda s: A.pilihan(s, list(skema.TINGKAT_SASARAN), _PILIH_TINGKAT))
                        cur = {"key": key, "r": r, "id": sid, "kode": skode, "nama": snama, "tingkat": None if ting is TIDAK_ADA else ting,
                               "induk": tab.baca(r, "induk", A.pengenal), "program": tab.baca(r, "program", A.daftar_id), "inds": []}
                        by_key[key] = cur
                        groups.append(cur)
            elif cur is None:
                tab.galat(r, "sasaran" if tab.ada("sasaran") else "sasaran_id", "baris indikator tanpa sasaran; isi kolom Sasaran (atau Id Sasaran) di baris ini atau di atasnya")
                continue
            iid = tab.baca(r, "id", A.pengenal)
            nama = tab.baca(r, "nama", A.teks)
            if (iid not in (None, TIDAK_ADA)) or (nama not in (None, TIDAK_ADA)):
                cur["inds"].append((r, iid if iid is not TIDAK_ADA else None, nama if nama is not TIDAK_ADA else None))
        return groups

    def beri_id(self, groups: list[dict]) -> None:
        """Ids for new sasaran/tujuan: the old one of the same name, else one made from the code or name."""
        for g in groups:
            ting = g["tingkat"] or "strategis"
            g["tingkat"] = ting
            if not g["id"]:
                pool = self.old_tuj if ting == "tujuan" else self.old_sas
                found = next((o for o in pool.values() if (g["nama"] and A.bersih(str(o.get("teks" if ting == "tujuan" else "nama", ""))).lower() == A.bersih(g["nama"]).lower())), None)
                g["id"] = found.get("id") if found else _slug_unik(("tujuan-" if ting == "tujuan" else "ss-") + (g["kode"] or g["nama"] or "x"), self.used_ids)
            if not g["nama"]:
                self.tab.galat(g["r"], "sasaran", "rumusan sasaran/tujuan wajib diisi")

    def indikator(self, r: int, iid: str | None, nama: str | None, parent_old: dict | None, jalur: str) -> dict:
        """One indicator row over its old data (by id, else by name under the same parent), with a unique id."""
        old = self.old_ind.get(iid) if iid else None
        if old is None and nama and parent_old:
            old = next((i for i in parent_old.get("indikator") or [] if A.bersih(str(i.get("nama", ""))).lower() == A.bersih(nama).lower() and i.get("id") not in self.taken_ind), None)
        ind = copy.deepcopy(old) if old else {}
        if not iid:
            iid = ind.get("id") or _slug_unik(nama or "indikator", self.used_ids)
        if iid in self.taken_ind:
            self.tab.galat(r, "id", f"id indikator '{iid}' dipakai dua kali; setiap indikator butuh id sendiri")
        self.taken_ind.add(iid)
        ind["id"] = iid
        ind = {"id": iid, **{k: v for k, v in ind.items() if k != "id"}}
        _isi_indikator(self.tab, self.reg, r, ind, nama, jalur)
        return ind

    def sasaran(self, groups: list[dict], cat: Catatan) -> list[dict]:
        """The new ``sasaran`` list (tujuan groups are left to ``tujuan``); old sasaran not on the sheet are reported."""
        tab, reg = self.tab, self.reg
        new_sas = []
        for g in groups:
            if g["tingkat"] == "tujuan":
                continue
            i = len(new_sas)
            jalur = f"sasaran[{i}]"
            old = self.old_sas.get(g["id"])
            s = copy.deepcopy(old) if old else {}
            s = {"id": g["id"], **{k: v for k, v in s.items() if k != "id"}}
            if g["kode"] is not None or tab.ada("sasaran_kode"):
                atur(s, "kode", g["kode"])
            s["nama"] = g["nama"]
            atur(s, "tingkat", g["tingkat"], "strategis")
            atur(s, "tujuan" if g["tingkat"] == "strategis" else "induk", g["induk"])
            atur(s, "program", g["program"])
            inds = [self.indikator(r, iid, nama, old, f"{jalur}.indikator[{j}]") for j, (r, iid, nama) in enumerate(g["inds"])]
            if inds or "indikator" in s:
                s["indikator"] = inds
            reg[jalur] = tab.lok(g["r"], "sasaran")
            reg[f"{jalur}.tujuan"] = reg[f"{jalur}.induk"] = tab.lok(g["r"], "induk")
            reg[f"{jalur}.program"] = tab.lok(g["r"], "program")
            new_sas.append(s)
        for sid in self.old_sas:
            if sid not in {g["id"] for g in groups}:
                cat.info.append(f"{tab.berkas}!{tab.lembar.nama}: sasaran '{sid}' tidak ada di lembar; dihapus dari data (beserta narasinya)")
        return new_sas

    def tujuan(self, groups: list[dict], cat: Catatan) -> bool:
        """Tujuan indicators into ``renstra.tujuan``; False (error recorded) when there is no Renstra to hold them."""
        tab, lap = self.tab, self.lap
        tujuan_groups = [g for g in groups if g["tingkat"] == "tujuan"]
        if not (tujuan_groups or any(t.get("indikator") for t in self.old_tuj.values())):
            return True
        ren = lap.get("renstra")
        if tujuan_groups and not isinstance(ren, dict):
            tab.galat(tujuan_groups[0]["r"], "tingkat", "indikator tujuan butuh Renstra; isi 'Renstra: tahun awal/akhir' di lembar Identitas")
            return False
        tujuan_list = ren.setdefault("tujuan", []) if isinstance(ren, dict) else []
        done = set()
        for g in tujuan_groups:
            t = next((x for x in tujuan_list if x.get("id") == g["id"]), None)
            if t is None:
                t = {"id": g["id"], "teks": g["nama"]}
                tujuan_list.append(t)
            ti = tujuan_list.index(t)
            jalur = f"renstra.tujuan[{ti}]"
            if g["kode"] is not None or tab.ada("sasaran_kode"):
                atur(t, "nomor", g["kode"])
            t["teks"] = g["nama"]
            t["indikator"] = [self.indikator(r, iid, nama, self.old_tuj.get(g["id"]), f"{jalur}.indikator[{j}]") for j, (r, iid, nama) in enumerate(g["inds"])]
            done.add(g["id"])
        for t in tujuan_list:
            if t.get("id") not in done and t.get("indikator"):
                cat.info.append(f"{tab.berkas}!{tab.lembar.nama}: indikator tujuan '{t.get('id')}' tidak ada di lembar; dihapus dari data")
                del t["indikator"]
        return True


def _isi_indikator(tab: Tabel, reg: dict, r: int, ind: dict, nama: str | None, jalur: str) -> None:
    """The indicator's own columns (kode, nama, satuan, arah, targets…) into ``ind``; cell locations into ``reg``."""
    atur(ind, "kode", tab.baca(r, "kode", A.teks_satu_baris))
    if nama is None:
        tab.galat(r, "nama", "nama indikator wajib diisi")
    else:
        ind["nama"] = nama
    satuan = tab.baca(r, "satuan", A.teks_satu_baris)
    if satuan is None:
        tab.galat(r, "satuan", "satuan wajib diisi (mis. Persen, Orang, Dokumen)")
    elif satuan is not TIDAK_ADA:
        ind["satuan"] = satuan
    atur(ind, "arah", tab.baca(r, "arah", lambda s: A.pilihan(s, list(skema.ARAH), {"positif": "naik", "negatif": "turun", "+": "naik", "-": "turun"})), "naik")
    atur(ind, "iku", tab.baca(r, "iku", A.ya_tidak), True)
    nilai_ = _nilai_untuk(ind.get("satuan"))
    for key, col, f in (("rumus", "rumus", A.teks), ("sumber_data", "sumber_data", A.teks), ("penanggung_jawab", "penanggung_jawab", A.teks), ("kondisi_awal", "kondisi_awal", nilai_)):
        atur(ind, key, tab.baca(r, col, f))
    for y in tab.tahun("target"):
        _atur_tahun(ind, "target", y, tab.baca(r, "target", nilai_, y))
        reg[f"{jalur}.target.{y}"] = tab.lok(r, "target", y)
    atur(ind, "target_akhir_renstra", tab.baca(r, "target_akhir", nilai_))
    reg[jalur] = tab.lok(r, "nama")
    for key, col in (("satuan", "satuan"), ("arah", "arah"), ("kode", "kode"), ("target_akhir_renstra", "target_akhir"), ("kondisi_awal", "kondisi_awal")):
        reg[f"{jalur}.{key}"] = tab.lok(r, col)


# ---------------------------------------------------------------------------------------------------
# Pengukuran


def terapkan_pengukuran(tab: Tabel, lap: dict, tahun: int, reg: dict) -> None:
    index: dict[str, tuple[dict, str]] = {}
    for i, s in enumerate(lap.get("sasaran") or []):
        for j, ind in enumerate(s.get("indikator") or []):
            index[ind.get("id")] = (ind, f"sasaran[{i}].indikator[{j}]")
    for i, t in enumerate((lap.get("renstra") or {}).get("tujuan") or []):
        for j, ind in enumerate(t.get("indikator") or []):
            index[ind.get("id")] = (ind, f"renstra.tujuan[{i}].indikator[{j}]")
    for r in tab.baris:
        iid = tab.baca(r, "id", A.pengenal)
        if iid is None:
            isi = [c for (k, y), c in tab.kolom.items() if k != "id" and not tab.lembar.get(r, c).kosong]
            if isi:
                tab.galat(r, "id", "id indikator wajib diisi (lihat kolom Id Indikator di lembar Rencana)")
            continue
        if iid not in index:
            tab.galat(r, "id", f"indikator '{iid}' tidak ada di lembar Rencana maupun di data; periksa ejaannya")
            continue
        ind, jalur = index[iid]
        for y in tab.tahun("realisasi"):
            _atur_tahun(ind, "realisasi", y, tab.baca(r, "realisasi", _nilai_untuk(ind.get("satuan")), y))
            reg[f"{jalur}.realisasi.{y}"] = tab.lok(r, "realisasi", y)
        for peran, kn, kv in (("pembilang", "pembilang_nama", "pembilang"), ("penyebut", "penyebut_nama", "penyebut")):
            nama = tab.baca(r, kn, A.teks_satu_baris)
            nilai = tab.baca(r, kv, A.angka)
            if nama is TIDAK_ADA and nilai is TIDAK_ADA:
                continue
            nama = None if nama is TIDAK_ADA else nama
            ada = komponen_tahun(ind, peran, tahun)
            if nilai is TIDAK_ADA:
                if ada and nama:
                    ada["nama"] = nama
                continue
            if nilai is None:
                if nama and not tab.sel(r, kv).kosong:
                    continue  # unreadable: error already recorded
                if nama:
                    tab.galat(r, kv, f"nilai {peran} belum diisi (uraiannya sudah)")
                elif ada:
                    ind["komponen"].remove(ada)
                    if not ind["komponen"]:
                        del ind["komponen"]
                continue
            if ada:
                ada["nilai"] = nilai
                if nama:
                    ada["nama"] = nama
            else:
                ind.setdefault("komponen", []).append({"nama": nama or peran.capitalize(), "nilai": nilai, "peran": peran, "tahun": tahun})
        t = copy.deepcopy(ind.get("tercetak") or {})
        for key, f in (("capaian", A.angka), ("predikat", A.teks_satu_baris), ("capaian_renstra", A.angka), ("penyerapan", A.angka), ("efisiensi", A.angka)):
            atur(t, key, tab.baca(r, key, f))
            reg[f"{jalur}.tercetak.{key}"] = tab.lok(r, key)
        if t:
            ind["tercetak"] = t
        elif ind.get("tercetak"):
            del ind["tercetak"]
        atur(ind, "anggaran", tab.baca(r, "anggaran", A.daftar_id))
        reg[f"{jalur}.anggaran"] = tab.lok(r, "anggaran")


# ---------------------------------------------------------------------------------------------------
# Belanja per jenis


def terapkan_belanja(tab: Tabel, lap: dict, reg: dict) -> None:
    ang = lap.setdefault("anggaran", {})
    old = list(ang.get("belanja_per_jenis") or [])
    out = []
    for r in tab.baris:
        jenis = tab.baca(r, "jenis", A.teks_satu_baris)
        if not jenis or anggaran_mod._TOTAL.match(jenis):
            continue
        base = next((o for o in old if A.bersih(str(o.get("jenis", ""))).lower() == jenis.lower()), None)
        if base is not None:
            old.remove(base)
        b = copy.deepcopy(base) if base else {}
        b["jenis"] = jenis
        atur(b, "kelompok", tab.baca(r, "kelompok", A.teks_satu_baris))
        atur(b, "pagu", tab.baca(r, "pagu", A.rupiah))
        atur(b, "realisasi", tab.baca(r, "realisasi", A.rupiah))
        t = copy.deepcopy(b.get("tercetak") or {})
        atur(t, "penyerapan", tab.baca(r, "persen", A.angka))
        atur(t, "porsi", tab.baca(r, "porsi", A.angka))
        if t:
            b["tercetak"] = t
        elif b.get("tercetak"):
            del b["tercetak"]
        reg[f"anggaran.belanja_per_jenis[{len(out)}]"] = tab.lok(r, "jenis")
        out.append(b)
    if out or ang.get("belanja_per_jenis"):
        ang["belanja_per_jenis"] = out
    if not ang:
        lap.pop("anggaran", None)


# ---------------------------------------------------------------------------------------------------
# The command


class GagalImpor(Exception):
    pass


def _kelompokkan(buku: Buku, cat: Catatan) -> dict[str, list[Lembar]]:
    out: dict[str, list[Lembar]] = {}
    for lem in buku.lembar:
        if skema.normal(lem.nama) in skema.DIABAIKAN or not lem.sel:
            continue
        j = skema.jenis_dari_nama(lem.nama)
        if j is None:
            for cand in (skema.ANGGARAN, skema.PENGUKURAN, skema.RENCANA):
                if kenali(buku.berkas, lem, cand, Catatan(), wajib=False) is not None:
                    j = cand
                    cat.info.append(f"{buku.berkas}!{lem.nama}: dibaca sebagai lembar {cand.judul} (dari judul kolomnya)")
                    break
        if j is None:
            names = ", ".join(x.judul for x in skema.SEMUA)
            cat.peringatan.append(f"{buku.berkas}!{lem.nama}: lembar tidak dikenal; diabaikan (nama lembar yang dikenal: {names})")
            continue
        out.setdefault(j.kunci, []).append(lem)
    return out


def _salin_repo(root: Path, slug: str, tmp: Path) -> None:
    if (root / "site_config").is_dir():
        shutil.copytree(root / "site_config", tmp / "site_config")
    (tmp / "agencies").mkdir()
    if (root / "agencies" / slug).is_dir():
        shutil.copytree(root / "agencies" / slug, tmp / "agencies" / slug, symlinks=True)


def _sunyi(f, *a):
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return f(*a)


def impor(root: Path, path: Path, instansi: str | None = None, tahun: int | None = None, keluar=None) -> int:
    """Read ``path``, apply its sheets to a temporary copy of the agency, validate, then replace the real files."""
    keluar = keluar or sys.stdout
    cat = Catatan()
    try:
        buku = baca(path)
    except GalatBerkas as exc:
        print(f"galat: {exc.pesan}", file=sys.stderr)
        return 1
    groups = _kelompokkan(buku, cat)
    if not groups:
        return _tidak_dikenali(buku, cat)
    ident: dict = {}
    for lem in groups.get("identitas", []):
        ident.update(baca_identitas(buku.berkas, lem, cat))
    slug_tahun = _instansi_tahun(buku, ident, instansi, tahun, cat)
    if slug_tahun is None:
        return _selesai_gagal(cat)
    slug, tahun = slug_tahun
    folder = root / "agencies" / slug
    baru_instansi = not (folder / "profil.yaml").is_file()
    if baru_instansi and not (ident.get(("profil", "nama"), (None,))[0] and ident.get(("profil", "pemda"), (None,))[0]):
        cat.galat.append(f"{buku.berkas}: instansi '{slug}' belum ada; buat dengan 'lkip new agency {slug}' atau isi Nama instansi dan Pemda di lembar Identitas")
        return _selesai_gagal(cat)

    tmp = Path(tempfile.mkdtemp(prefix="lkip-impor-"))
    try:
        tfolder, tahun_baru = _siapkan_salinan(root, tmp, slug, tahun, baru_instansi)
        try:
            profil_doc = load_file(tfolder / "profil.yaml", f"agencies/{slug}/profil.yaml")
            bt = muat_tahun(tfolder, tahun, tmp)
        except LoadError as exc:
            print(f"galat: berkas YAML yang ada belum valid; perbaiki dulu (lkip validate):\n{exc}", file=sys.stderr)
            return 1
        old_profil = profil_doc.data if isinstance(profil_doc.data, dict) else {}
        old_lap = bt.data
        profil, lap = copy.deepcopy(old_profil), copy.deepcopy(old_lap)
        if tahun_baru:
            _tanpa_narasi_berkas(lap, tfolder, tahun)
        reg: dict[str, str] = {}
        terapkan_identitas(ident, profil, lap, tahun, cat, reg)
        _terapkan_lembar(buku, groups, lap, tahun, cat, reg)
        if cat.galat:
            return _selesai_gagal(cat)
        from ..model import Laporan, Profil
        from .data import urutkan

        lap, profil = urutkan(lap, Laporan), urutkan(profil, Profil)

        # write the changed files into the temporary copy
        changed: list[tuple[Path, Path, str]] = []  # (temp file, real file, text)
        if baru_instansi or not sama(old_profil, profil):
            changed.append(_tulis(tfolder / "profil.yaml", old_profil, profil, folder / "profil.yaml"))
        changed += _tulis_laporan(bt, old_lap, lap, tfolder, folder, tahun_baru)
        masalah = _validasi(tmp, slug, tahun)
        galat = [m for m in masalah if m.tingkat == "galat"]
        if galat:
            for m in galat:
                cat.galat.append(_ke_sel(m, reg))
            return _selesai_gagal(cat)
        _laporkan(cat, masalah, reg, keluar)
        if not changed:
            print(f"Tidak ada perubahan: agencies/{slug} sudah sama dengan {buku.berkas}.", file=keluar)
            return 0
        _ganti_berkas(changed, root, keluar)
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _tidak_dikenali(buku: Buku, cat: Catatan) -> int:
    """No sheet recognised: say which names are known (and which sheets were skipped), exit 1."""
    for w in cat.peringatan:
        print(f"peringatan: {w}", file=sys.stderr)
    print(f"galat: {buku.berkas}: tidak ada lembar yang dikenali; nama lembar yang dikenal: {', '.join(j.judul for j in skema.SEMUA)} "
          "(atau lembar realisasi anggaran dengan kolom Kode Rekening, Uraian, Anggaran, Realisasi)", file=sys.stderr)
    return 1


def _instansi_tahun(buku: Buku, ident: dict, instansi: str | None, tahun: int | None, cat: Catatan) -> tuple[str, int] | None:
    """(agency slug, year) from the command line or the Identitas sheet, which must agree; None after recording errors."""
    slug_sheet = ident.get(("instansi",), (None, ""))
    tahun_sheet = ident.get(("laporan", "tahun"), (None, ""))
    if instansi and slug_sheet[0] and instansi != slug_sheet[0]:
        cat.galat.append(f"{slug_sheet[1]}: lembar ini untuk instansi '{slug_sheet[0]}', perintah menyebut --instansi {instansi}")
    if tahun and tahun_sheet[0] and tahun != tahun_sheet[0]:
        cat.galat.append(f"{tahun_sheet[1]}: lembar ini untuk tahun {tahun_sheet[0]}, perintah menyebut --tahun {tahun}")
    slug = instansi or slug_sheet[0]
    tahun = tahun or tahun_sheet[0]
    if not slug or not tahun:
        cat.galat.append(f"{buku.berkas}: instansi dan tahun tidak diketahui; isi lembar Identitas (Instansi, Tahun laporan) atau tulis --instansi SLUG --tahun TAHUN")
    if cat.galat:
        return None
    if not re.match(r"^[a-z0-9][a-z0-9-]*$", slug):
        cat.galat.append(f"{slug_sheet[1] or buku.berkas}: nama instansi '{slug}' harus huruf kecil, angka dan '-'")
        return None
    return slug, tahun


def _siapkan_salinan(root: Path, tmp: Path, slug: str, tahun: int, baru_instansi: bool) -> tuple[Path, bool]:
    """Copy the agency into ``tmp`` (a minimal profile for a new one, a scaffolded year for a new year):
    (agency folder in the copy, whether the year is new)."""
    _salin_repo(root, slug, tmp)
    from .. import scaffold

    tfolder = tmp / "agencies" / slug
    if baru_instansi:  # a minimal profile the Identitas sheet fills in
        tfolder.mkdir(parents=True, exist_ok=True)
        (tfolder / "profil.yaml").write_text(scaffold.SCHEMA_LINE.format(kind="profil") + "nama: ...\npemda: ...\n", encoding="utf-8")
    tahun_baru = not berkas_tahun(tfolder, tahun)
    if tahun_baru:
        # a year folder holding only narrative files (TAHUN/narasi/*.md) written before the first import: the
        # scaffold refuses an existing folder, so it is set aside while TAHUN.yaml is made beside it
        folder_tahun = tfolder / str(tahun)
        sisih = tfolder / f".{tahun}.lkip-impor" if folder_tahun.is_dir() else None
        if sisih:
            folder_tahun.rename(sisih)
        try:
            _sunyi(scaffold.new_year, tmp, slug, tahun)
        finally:
            if sisih:
                sisih.rename(folder_tahun)
    return tfolder, tahun_baru


def _tanpa_narasi_berkas(lap: dict, tfolder: Path, tahun: int) -> None:
    """Drop the scaffold's placeholder narratives that a narrative file (TAHUN/narasi/*.md) already writes."""
    from ..validate import NARASI_BERKAS, NARASI_FOLDER

    narasi = lap.get("narasi")
    folder = tfolder / str(tahun) / NARASI_FOLDER
    if not isinstance(narasi, dict) or not folder.is_dir():
        return
    for name, field in NARASI_BERKAS.items():
        f = folder / name
        if field in narasi and f.is_file() and f.read_text(encoding="utf-8", errors="replace").strip():
            del narasi[field]
    if not narasi:
        del lap["narasi"]


def _terapkan_lembar(buku: Buku, groups: dict[str, list[Lembar]], lap: dict, tahun: int, cat: Catatan, reg: dict) -> None:
    """Every recognised sheet into ``lap``, in dependency order: budget before the Rencana that refers to it,
    Rencana before Pengukuran."""
    tabs: dict[str, list[Tabel]] = {}
    for kunci, jenis in (("anggaran", skema.ANGGARAN), ("belanja", skema.BELANJA), ("rencana", skema.RENCANA), ("pengukuran", skema.PENGUKURAN)):
        for lem in groups.get(kunci, []):
            tab = kenali(buku.berkas, lem, jenis, cat)
            if tab is not None:
                tabs.setdefault(kunci, []).append(tab)
    for tab in tabs.get("anggaran", []):
        anggaran_mod.terapkan(tab, lap, reg)
    for tab in tabs.get("belanja", []):
        terapkan_belanja(tab, lap, reg)
    for tab in tabs.get("rencana", []):
        terapkan_rencana(tab, lap, cat, reg)
    for tab in tabs.get("pengukuran", []):
        terapkan_pengukuran(tab, lap, tahun, reg)
    for lem in groups.get("pegawai", []):
        pegawai_mod.terapkan(buku.berkas, lem, lap, cat)


def _tulis_laporan(bt, old_lap: dict, lap: dict, tfolder: Path, folder: Path, tahun_baru: bool) -> list[tuple[Path, Path, str]]:
    """Write the year's changed files in the copy, each key to the file that held it (new keys to the first)."""
    changed = []
    for p in bt.paths:
        keys_here = [k for k in old_lap if bt.pemilik.get(k) == p]
        if p == bt.paths[0]:
            keys_here += [k for k in lap if k not in old_lap]
        old_sub = {k: old_lap[k] for k in old_lap if bt.pemilik.get(k) == p}
        new_sub = {k: lap[k] for k in lap if k in keys_here}
        real = folder / p.relative_to(tfolder)
        if tahun_baru or not sama(old_sub, new_sub):
            changed.append(_tulis(p, old_sub, new_sub, real))
    return changed


def _laporkan(cat: Catatan, masalah: list, reg: dict[str, str], keluar) -> None:
    """Warnings, notes and validation warnings of a successful import."""
    for w in cat.peringatan:
        print(f"peringatan: {w}", file=keluar)
    for w in cat.info:
        print(w, file=keluar)
    for m in masalah:
        print(f"peringatan: {_ke_sel(m, reg)}", file=keluar)


def _ganti_berkas(changed: list[tuple[Path, Path, str]], root: Path, keluar) -> None:
    """Replace the real files, each atomically (write beside it, then rename)."""
    for tfile, real, text in changed:
        real.parent.mkdir(parents=True, exist_ok=True)
        part = real.with_name(f".{real.name}.lkip-impor")
        part.write_text(text, encoding="utf-8")
        os.replace(part, real)
        print(f"Ditulis {_rel(real, root)}.", file=keluar)


def _tulis(tfile: Path, old: dict, new: dict, real: Path) -> tuple[Path, Path, str]:
    asli = tfile.read_text(encoding="utf-8")
    y, rt = yaml_rt(asli)
    tambal(rt, old, new)
    text = tulis_rt(y, rt, asli)
    tfile.write_text(text, encoding="utf-8")
    return tfile, real, text


def _validasi(tmp: Path, slug: str, tahun: int):
    from ..validate import load_repo

    _, masalah = load_repo(tmp, only={slug})
    return masalah


def _ke_sel(m, reg: dict[str, str]) -> str:
    """A validation problem, named by the cell it came from when known."""
    j = m.jalur or ""
    probe = j
    while probe:
        if probe in reg:
            return f"{reg[probe]}: {m.pesan} ({j})"
        cut = max(probe.rfind("."), probe.rfind("["))
        probe = probe[:cut] if cut > 0 else ""
    return f"setelah impor, {m}"


def _selesai_gagal(cat: Catatan) -> int:
    for w in cat.peringatan:
        print(f"peringatan: {w}", file=sys.stderr)
    for g in cat.galat:
        print(f"galat: {g}", file=sys.stderr)
    print(f"\n{len(cat.galat)} galat; tidak ada berkas yang ditulis. Perbaiki lalu jalankan ulang 'lkip impor'.", file=sys.stderr)
    return 1


def _rel(p: Path, root: Path) -> str:
    try:
        return str(p.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(p)
