"""The read-only view of one report that templates and table builders read (``r`` in the templates).

A view belongs to one page (:meth:`LaporanView.di`): links are relative to that page. It never changes after
it is made — numbering, CSV registration and the places findings are shown are done after the templates ran, by
:mod:`generator.render.pencatat` — so a page's output does not depend on which pages were rendered before it.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from .. import format as fmt
from ..charts import Chart
from ..check import Temuan
from ..compute import HasilIndikator, HasilLaporan, HasilSasaran
from ..validate import BerkasLaporan, Instansi, Repo
from .halaman import JUDUL_HALAMAN, POSISI_BAGIAN, SINGKAT_HALAMAN, rel_url
from .tabel import PEMBANGUN, TabelView, Tanda, kunci_csv
from .pohon import pohon_kinerja
from .teks import (
    KOSONG,
    hasil_teks,
    kalimat_target,
    label_instansi,
    nilai,
    persen,
    persen_ringkas,
    rentang_pita,
    rincian_target,
    rupiah_ringkas,
    uraian_metode,
)

URUTAN_JENIS = {"bagian": 0, "tabel": 1, "grafik": 2, "foto": 3}


@dataclass
class Blok:
    """A YAML block placed by its ``posisi``: an extra section, a table, a chart or a photo."""

    jenis: str  # bagian | tabel | grafik | foto
    obj: Any
    indeks: int  # position in its YAML list (-1: the profile's organisation chart image)
    posisi: str = ""


class Catatan:
    """Audit findings of one report, numbered, looked up by the data path of the value they concern."""

    def __init__(self, temuan: list[Temuan], tampil: bool):
        self.tampil = tampil
        self.daftar = [Tanda(i, t) for i, t in enumerate(temuan, 1)]
        self._jalur: dict[tuple, list[Tanda]] = defaultdict(list)
        self._semua: list[Tanda] = []  # one mark per printed value: a group's items and a cause's knock-ons carry its number
        for t in self.daftar:
            for sub in t.temuan.semua():
                if not sub.rincian:
                    tanda = t if sub is t.temuan else Tanda(t.no, sub)
                    self._semua.append(tanda)
                    self._jalur[tuple(sub.jalur)].append(tanda)

    def untuk(self, *jalur: Any) -> list[Tanda]:
        return list(self._jalur.get(tuple(jalur), [])) if self.tampil else []

    def awalan(self, *prefix: Any) -> list[Tanda]:
        if not self.tampil:
            return []
        n = len(prefix)
        return [t for t in self._semua if tuple(t.temuan.jalur[:n]) == tuple(prefix)]


def _blok_laporan(b: BerkasLaporan, inst: Instansi) -> dict[str, list[Blok]]:
    lap = b.model
    out: dict[str, list[Blok]] = defaultdict(list)
    for jenis, items in (("bagian", lap.bagian_tambahan), ("tabel", lap.tabel), ("grafik", lap.grafik), ("foto", lap.foto)):
        for i, item in enumerate(items):
            out[item.posisi].append(Blok(jenis, item, i, item.posisi))
    if inst.profil.gambar_struktur is not None:
        out[inst.profil.gambar_struktur.posisi].append(Blok("foto", inst.profil.gambar_struktur, -1, inst.profil.gambar_struktur.posisi))
    for v in out.values():
        v.sort(key=lambda x: (URUTAN_JENIS[x.jenis], x.indeks))
    return dict(out)


class _Jawaban:
    """The answer in words, page titles and provenance of a report (mixed into :class:`LaporanView`, whose
    attributes ``h``, ``lap``, ``metode``, ``profil``, ``tahun`` they read)."""

    # --- provenance (issue 13): every figure is as printed in the signed report, or computed by the portal

    def portal(self, tercetak: Any) -> bool:
        """True for a figure the portal computes where the report prints none (``tercetak`` is the printed value):
        shown with the mark "dihitung portal", explained once on the report's Ringkasan (``#asal-angka``)."""
        return tercetak is None

    @property
    def hitungan_disembunyikan(self) -> bool:
        """The method hides the aggregates the report does not print (``hitungan_portal: sembunyikan``)."""
        return self.metode.hitungan_portal == "sembunyikan"

    def sembunyikan(self, tercetak: Any) -> bool:
        """True for an aggregate the report does not print when the method hides them."""
        return tercetak is None and self.hitungan_disembunyikan

    def keseluruhan(self) -> dict[str, Any]:
        h, t = self.h, self.lap.tercetak
        teks = hasil_teks(h.keseluruhan)
        batas = persen(h.keseluruhan_batas) if h.keseluruhan.ada and self.ada_batas else None
        cetak_pred = t.predikat_keseluruhan
        beda = cetak_pred is not None and (h.predikat or "").casefold() != " ".join(cetak_pred.split()).casefold()
        return {"teks": teks, "batas": batas if batas != teks else None, "batas_teks": batas or KOSONG, "predikat": h.predikat,
                "tanda": self.tanda("tercetak", "capaian_keseluruhan"), "tanda_predikat": self.tanda("tercetak", "predikat_keseluruhan"),
                "portal": self.portal(t.capaian_keseluruhan), "portal_predikat": self.portal(cetak_pred),
                "sembunyi": self.sembunyikan(t.capaian_keseluruhan), "sembunyi_predikat": self.sembunyikan(cetak_pred),
                # the report's own verdict when it differs from the portal's (or the report has no scale): both shown
                "predikat_tercetak": cetak_pred if beda else None}

    def jawaban(self) -> dict[str, Any]:
        """The plain-language answer at the top of the report (every figure computed in the compute stage; here
        only put into words): targets met of the indicators the method averages, budget and absorption, the
        overall capaian, its predikat and what the band means."""
        h, jt = self.h, self.h.target
        k = self.keseluruhan()
        a = h.anggaran
        pita = h.pita
        return {
            "ada_target": bool(h.sasaran and jt.total),
            "target": kalimat_target(jt), "rincian": rincian_target(jt), "tidak_tercapai": jt.tidak_tercapai,
            "cakupan": "IKU" if self.metode.agregasi.cakupan == "iku" else "indikator",
            "ada_anggaran": bool(a.program and a.pagu_efektif is not None),
            "pagu": rupiah_ringkas(a.pagu_efektif), "realisasi": rupiah_ringkas(a.realisasi),
            "serap": persen_ringkas(a.penyerapan.nilai) if a.penyerapan.ada else hasil_teks(a.penyerapan),
            "tanda_serap": self.tanda("anggaran", "tercetak", "penyerapan"),
            "capaian": k["teks"] if h.keseluruhan.ada and not k["sembunyi"] else None, "batas": k["batas"], "tanda": k["tanda"],
            "predikat": h.predikat if not k["sembunyi_predikat"] else None, "tanda_predikat": k["tanda_predikat"],
            "portal": k["portal"], "portal_predikat": k["portal_predikat"], "predikat_tercetak": k["predikat_tercetak"],
            "arti": f"rata-rata capaian {rentang_pita(pita)}" if pita is not None else None,
            "skala": self.metode.skala_keseluruhan.nama if self.metode.skala_keseluruhan else None,
        }

    def judul_tab(self, halaman: str) -> str:
        """A page's own ``<title>``: its chapter, then the report (every page of every report differs)."""
        return f"{JUDUL_HALAMAN[halaman]} · LKIP {self.tahun} {self.profil.nama}"

    def judul_cari(self, halaman: str) -> str:
        """A page's short title in search results: "Disnaker Jember 2023 · BAB III"."""
        return f"{label_instansi(self.profil)} {self.tahun} · {SINGKAT_HALAMAN[halaman]}"

    def deskripsi(self, halaman: str = "index") -> str:
        """The meta/og description: the headline numbers of the report in one plain sentence."""
        j = self.jawaban()
        parts = []
        if j["ada_target"]:
            parts.append(j["target"])
        if j["ada_anggaran"]:
            parts.append(f"anggaran {j['pagu']}, terserap {j['serap']}")
        if j["capaian"]:
            parts.append(f"capaian kinerja rata-rata {j['capaian']}" + (f", predikat {j['predikat']}" if j["predikat"] else ""))
        elif j["predikat_tercetak"]:
            parts.append(f"kesimpulan laporan: {j['predikat_tercetak']}")
        awal = f"LKIP {self.tahun} {self.profil.nama}" if halaman == "index" else f"{JUDUL_HALAMAN[halaman]}, LKIP {self.tahun} {self.profil.nama}"
        return f"{awal}: " + "; ".join(parts) + "." if parts else awal + "."

    def status_teks(self, hi: HasilIndikator) -> str:
        """An indicator's result in one sentence: realisasi against target, capaian, status in words."""
        ind = hi.model
        if not hi.capaian.ada:
            return f"Status: {hi.status} ({hi.capaian.alasan})." if hi.capaian.alasan else f"Status: {hi.status}."
        return (f"Realisasi {self.tahun} {nilai(hi.realisasi, ind.satuan)} dari target {nilai(hi.target, ind.satuan)} "
                f"({fmt.arah_teks(ind.arah)}): capaian {persen(hi.capaian.tampil)}, target {hi.status}.")



class LaporanView(_Jawaban):
    """Everything a report's templates and table builders read, for one page of the report."""

    def __init__(self, repo: Repo, inst: Instansi, b: BerkasLaporan, h: HasilLaporan, temuan: list[Temuan], grafik: list[Chart] | None = None):
        self.repo, self.inst, self.b, self.h = repo, inst, b, h
        self.lap, self.profil, self.site, self.metode = b.model, inst.profil, repo.site, h.metode
        self.slug, self.tahun, self.temuan = inst.slug, b.tahun, temuan
        self.catatan = Catatan(temuan, h.metode.tampilkan_catatan_pemeriksaan)
        self.halaman_ini = "index"
        self._blok = _blok_laporan(b, inst)
        self.tabel_by_id = {t.id: t for t in self.lap.tabel}
        # charts planned by the chart stage: YAML grafik by id (placed by their block), generated ones by posisi
        ids_yaml = {g.id for g in self.lap.grafik}
        self.grafik = list(grafik or [])
        self.grafik_yaml = {c.id: c for c in self.grafik if c.id in ids_yaml}
        self._grafik_posisi: dict[str, list[Chart]] = defaultdict(list)
        for c in self.grafik:
            if c.id not in ids_yaml:
                self._grafik_posisi[c.posisi].append(c)
        # where each indicator's section (and anchor) lives
        self.indikator_bab3 = [hi for hi in h.indikator_tujuan if self._diukur(hi)]
        self.lokasi_indikator: dict[str, str] = {}
        for hi in h.semua_indikator + self.indikator_bab3:
            self.lokasi_indikator[hi.model.id] = "bab-3"
        for hi in h.indikator_tujuan:
            self.lokasi_indikator.setdefault(hi.model.id, "bab-2")
        self._tabel: dict[str, Any] = {}

    def di(self, halaman: str) -> "LaporanView":
        """The same report seen from another page (links relative to it; its own table cache)."""
        v = copy.copy(self)
        v.halaman_ini, v._tabel = halaman, {}
        return v

    def tanpa_catatan(self) -> "LaporanView":
        """The same report with the audit marks and notes hidden (the PDF a pemda signs may leave them out)."""
        v = copy.copy(self)
        v.catatan, v._tabel = Catatan(self.temuan, False), {}
        return v

    # --- identity and links

    @property
    def nama(self) -> str:
        return self.profil.nama

    @property
    def sumber(self) -> str:
        return f"LKIP {self.profil.nama} Tahun {self.tahun}"

    @property
    def sumber_hitung(self) -> str:
        return f"{self.sumber}; capaian dan persentase dihitung ulang oleh portal"

    def path(self, halaman: str) -> str:
        return f"{self.slug}/{self.tahun}/{halaman}.md"

    def url(self, halaman: str, anchor: str | None = None) -> str:
        return rel_url(self.path(self.halaman_ini), self.path(halaman), anchor)

    def url_instansi(self) -> str:
        return rel_url(self.path(self.halaman_ini), f"{self.slug}/index.md")

    def url_media(self, berkas: str) -> str:
        return rel_url(self.path(self.halaman_ini), f"{self.slug}/{berkas}")

    def url_berkas(self, rel: str) -> str:
        """Link to a file given relative to the site root."""
        return rel_url(self.path(self.halaman_ini), rel)

    def ada_media(self, berkas: str) -> bool:
        """An image path from YAML is used only when it stays inside the agency folder and exists."""
        p = Path(berkas)
        if p.is_absolute() or ".." in p.parts or ":" in berkas or berkas.startswith(("/", "\\")):
            return False
        return (self.inst.folder / p).is_file()

    def media(self) -> list[str]:
        """Image files of the report's photos that exist (copied beside the report's pages)."""
        return sorted({x.obj.berkas for xs in self._blok.values() for x in xs if x.jenis == "foto" and x.obj.berkas and self.ada_media(x.obj.berkas)})

    def url_indikator(self, ind_id: str) -> str | None:
        where = self.lokasi_indikator.get(ind_id)
        return self.url(where, f"indikator-{ind_id}") if where else None

    # --- blocks placed by 'posisi'

    def blok(self, posisi: str) -> list[Blok]:
        return self._blok.get(posisi, [])

    def blok_sisa(self, awalan: str) -> list[Blok]:
        """Blocks of a chapter whose section key is not one of its sections (and plain ``bab3``), in order."""
        known = set(POSISI_BAGIAN.get(awalan, []))
        return [x for key in sorted(self._blok) if key == awalan or (key.startswith(awalan + ".") and key.split(".", 1)[1] not in known)
                for x in self._blok[key]]

    def grup_lampiran(self) -> list[list[Blok]]:
        """Lampiran blocks grouped by ``lampiran.<grup>``, groups in the order they first appear in YAML."""
        groups = {k: v for k, v in self._blok.items() if k == "lampiran" or k.startswith("lampiran.")}
        firsts = {k: min(self._baris_yaml(x) for x in v) for k, v in groups.items()}
        return [groups[k] for k in sorted(groups, key=lambda k: (firsts[k], k))]

    def semua_posisi(self) -> list[str]:
        return sorted(self._blok)

    def _baris_yaml(self, x: Blok) -> tuple:
        if x.indeks < 0:
            return ("", 0, 0)
        key = {"bagian": "bagian_tambahan"}.get(x.jenis, x.jenis)
        lok = self.b.lokasi((key, x.indeks))
        return (lok.file, lok.line, URUTAN_JENIS[x.jenis])

    # --- findings

    def tanda(self, *jalur: Any) -> list[Tanda]:
        """Marks for the value at a data path, given as parts or as one tuple (templates)."""
        if len(jalur) == 1 and isinstance(jalur[0], tuple):
            jalur = jalur[0]
        return self.catatan.untuk(*jalur)

    def tanda_lain(self, hi: HasilIndikator, besaran: str, tahun: int) -> list[Tanda]:
        """Marks for the same value printed again elsewhere (``tercetak.lain``) with another number."""
        out: list[Tanda] = []
        for k, x in enumerate(getattr(hi.model.tercetak, "lain", []) or []):
            if x.besaran == besaran and (x.tahun or self.tahun) == tahun:
                out += self.tanda(*hi.jalur, "tercetak", "lain", k)
        return out

    def tanda_awalan(self, *prefix: Any) -> list[Tanda]:
        return self.catatan.awalan(*prefix)

    # --- small predicates and labels

    def _diukur(self, hi: HasilIndikator) -> bool:
        a = hi.model.analisis
        return hi.realisasi is not None or any(getattr(a, f) for f in type(a).model_fields)

    @property
    def ada_skala(self) -> bool:
        return self.metode.skala is not None

    @property
    def ada_batas(self) -> bool:
        b = self.metode.batas_capaian
        return self.ada_skala and (b.atas is not None or b.bawah is not None)

    def judul_indikator(self, hi: HasilIndikator) -> str:
        return f"{hi.model.kode} {hi.model.nama}" if hi.model.kode else hi.model.nama

    def judul_sasaran(self, hs: HasilSasaran) -> str:
        label = {"strategis": "Sasaran", "program": "Sasaran program", "kegiatan": "Sasaran kegiatan"}[hs.model.tingkat]
        return f"{label} {hs.model.kode}: {hs.model.nama}" if hs.model.kode else f"{label}: {hs.model.nama}"

    def efisiensi_teks(self, x) -> str:
        """Efficiency of an indicator or sasaran per the method in use."""
        if self.metode.efisiensi == "verbal":
            return x.efisiensi_teks or (f"N/A ({x.efisiensi.alasan})" if x.efisiensi.alasan and x.efisiensi.alasan != "efisiensi verbal" else KOSONG)
        return hasil_teks(x.efisiensi, "poin" if self.metode.efisiensi == "selisih" else "persen")

    def uraian_metode(self) -> list[tuple[str, str]]:
        return uraian_metode(self.metode)

    def tahun_renstra(self) -> list[int]:
        ren = self.lap.renstra
        years: set[int] = set()
        if ren:
            years |= set(range(ren.periode.awal, ren.periode.akhir + 1))
        else:
            for hi in self.h.semua_indikator:
                years |= set(hi.model.target)
        return sorted(years)

    def label_target_lain(self) -> list[str]:
        labels: dict[str, None] = {}
        for hi in self.h.semua_indikator + self.h.indikator_tujuan:
            for v in hi.model.target_lain:
                labels.setdefault(v.label, None)
        return list(labels)

    # --- tables (builders registered in render/tabel_*.py), cached per page

    def tabel(self, nama: str, *args: Any, **kw: Any) -> TabelView | None:
        """The table built by builder ``nama`` for ``args`` (None when it has nothing to show)."""
        f = PEMBANGUN[nama]
        kunci = kunci_csv(f.kunci_csv, args, kw, lambda i: self.lap.pegawai.tabel[i].id)
        if kunci not in self._tabel:
            t = f(self, *args, **kw)
            tv = getattr(t, "tabel", t)  # a chart's view carries its data table
            if tv is not None and not tv.kunci:
                tv.kunci = kunci
            self._tabel[kunci] = t
        return self._tabel[kunci]

    def tabel_dari_kunci(self, kunci: str) -> Any:
        """A table this page's template asked for (placeholders name it by its key)."""
        return self._tabel[kunci]

    # --- charts

    def svg(self, grafik_id: str) -> Chart | None:
        """The drawn chart of a YAML ``grafik`` (None when it has too few values to draw: its table still shows)."""
        return self.grafik_yaml.get(grafik_id)

    def grafik_di(self, posisi: str, awalan: str = "") -> list[Chart]:
        """Generated charts (trend, capaian, budget) for a place in the page."""
        return [c for c in self._grafik_posisi.get(posisi, []) if c.id.startswith(awalan)]

    def grafik_dihasilkan(self, cid: str) -> Chart:
        return next(c for c in self.grafik if c.id == cid)

    def url_grafik(self, c: Chart) -> str:
        return rel_url(self.path(self.halaman_ini), f"{self.slug}/{self.tahun}/{c.berkas}")

    @staticmethod
    def rincian_grafik(c: Chart) -> str:
        """The long description shown beside a chart, without the sentences its alt text already says."""
        d = c.deskripsi.strip()
        return d[len(c.alt):].strip() if d.startswith(c.alt) else d

    # --- organisation

    def pohon_kinerja(self) -> list:
        """The performance cascade as a tree (generator/render/pohon.py); empty without parent links."""
        return pohon_kinerja(self)

    def pohon_organisasi(self) -> Markup:
        def unit(u) -> Markup:
            label = escape(u.nama)
            if u.pejabat:
                label += Markup(' <span class="pejabat">— %s</span>') % u.pejabat
            out = Markup("<li>") + label
            if u.unit:
                out += Markup("<ul>") + Markup("").join(unit(x) for x in u.unit) + Markup("</ul>")
            return out + Markup("</li>")

        if not self.profil.struktur_organisasi:
            return Markup("")
        return Markup('<ul class="pohon-organisasi">') + Markup("").join(unit(u) for u in self.profil.struktur_organisasi) + Markup("</ul>")

    def unit_bertugas(self) -> list[tuple[int, Any]]:
        out: list[tuple[int, Any]] = []

        def walk(us, depth: int) -> None:
            for u in us:
                if u.tugas or u.fungsi:
                    out.append((depth, u))
                walk(u.unit, depth + 1)

        walk(self.profil.struktur_organisasi, 0)
        return out
