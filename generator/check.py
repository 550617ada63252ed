"""Audit: compare what the source report printed with what the data computes.

Each printed value is checked against the computed one; a difference that the report's own arithmetic
explains (the formula applied to *printed* inputs gives the printed result) is marked as a consequence
(``akibat``) of the root difference, so a reader sees one cause and its knock-on effects.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .compute import (
    Hasil,
    HasilLaporan,
    NodeAnggaran,
    _div,
    batasi,
    bulat,
    bulat_seperti,
    efisiensi,
    penyerapan,
    rata_rata,
)
from .format import angka, persen, rupiah
from .load import Lokasi, format_path
from .validate import BerkasLaporan

D = Decimal


@dataclass
class Temuan:
    lokasi: Lokasi
    jalur: tuple
    bidang: str  # which value: capaian, efisiensi, penyerapan, jumlah, …
    pesan: str
    tercetak: str
    dihitung: str
    akibat: str | None = None  # root cause when this one is a knock-on effect
    selisih: Decimal | None = None  # printed minus computed (as compared), when both are numbers
    satuan_selisih: str = ""  # how the difference reads: "persen" (percentage points), "rupiah", "angka"
    pembulatan: bool = False  # only the rounding differs: the printed value is the computed one rounded another way

    def __str__(self) -> str:
        extra = f" (akibat dari: {self.akibat})" if self.akibat else ""
        return f"{self.lokasi}: {format_path(self.jalur)}: {self.pesan}: tercetak {self.tercetak}, dihitung {self.dihitung}{extra}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "berkas": self.lokasi.file, "baris": self.lokasi.line, "kolom": self.lokasi.col,
            "jalur": format_path(self.jalur), "bidang": self.bidang, "pesan": self.pesan,
            "tercetak": self.tercetak, "dihitung": self.dihitung, "akibat": self.akibat,
        }


def sama(printed: Decimal | None, computed: Decimal | None, mode: str) -> bool:
    """Equal at the printed precision under the report's rounding mode."""
    if printed is None or computed is None:
        return True
    return bulat_seperti(computed, printed, mode) == printed


def mode_lain(printed: Decimal, computed: Decimal, mode: str) -> str | None:
    """When the printed value only matches under the *other* rounding mode, say which."""
    other = "potong" if mode == "setengah_ke_atas" else "setengah_ke_atas"
    if bulat_seperti(computed, printed, other) == printed:
        return "dipotong, padahal metode laporan membulatkan setengah ke atas" if other == "potong" else "dibulatkan setengah ke atas, padahal metode laporan memotong"
    return None


class _Audit:
    def __init__(self, b: BerkasLaporan, h: HasilLaporan):
        self.b, self.h = b, h
        self.mode = h.metode.pembulatan.mode
        self.out: list[Temuan] = []

    def add(self, jalur: tuple, bidang: str, pesan: str, tercetak: str, dihitung: str, akibat: str | None = None, **lain: Any) -> None:
        self.out.append(Temuan(self.b.lokasi(jalur), jalur, bidang, pesan, tercetak, dihitung, akibat, **lain))

    def banding(self, jalur: tuple, bidang: str, pesan: str, printed: Decimal | None, computed: Hasil | Decimal | None, fmt=persen, akibat: str | None = None) -> bool:
        value = computed.nilai if isinstance(computed, Hasil) else computed
        if printed is None or value is None or sama(printed, value, self.mode):
            return False
        other = mode_lain(printed, value, self.mode)
        if other:
            pesan = f"{pesan}: angka tercetak {other}"
        shown = bulat_seperti(value, printed, self.mode) if other else bulat(value, self.h.metode.pembulatan) if fmt is persen else value
        satuan = "persen" if fmt is persen else "rupiah" if fmt is rupiah else "angka"
        self.add(jalur, bidang, pesan, fmt(printed), fmt(shown), akibat, selisih=printed - shown, satuan_selisih=satuan, pembulatan=bool(other))
        return True


def audit(b: BerkasLaporan, h: HasilLaporan) -> list[Temuan]:
    """Every printed-versus-computed finding, in report order: indicators, sasaran, overall, counts,
    budget, staff, free tables. Later sections read earlier findings (``root_cap``, ``a.out``) to mark knock-ons."""
    a = _Audit(b, h)
    root_cap: list[str] = []
    for hi in h.semua_indikator + h.indikator_tujuan:
        _indikator(a, hi, root_cap)
    _sasaran(a, root_cap)
    _keseluruhan(a, root_cap)
    _jumlah(a)
    _anggaran(a)
    _anggaran_pk(a)
    _pegawai(a)
    _tabel_bebas(a)
    _evaluasi_akip(a)
    return a.out


def _indikator(a: _Audit, hi, root_cap: list[str]) -> None:
    """One indicator's printed values; a wrong capaian is recorded in ``root_cap`` as a root cause."""
    h, m = a.h, a.h.metode
    ind, j = hi.model, hi.jalur
    t = ind.tercetak
    name = f"{ind.kode + ' ' if ind.kode else ''}{ind.nama}"
    if a.banding(j + ("tercetak", "capaian"), "capaian", f"capaian '{name}' tidak sesuai {_rumus(hi)}", t.capaian, hi.capaian):
        root_cap.append(f"capaian '{name}'")
    if t.predikat and hi.predikat and t.predikat.casefold() != hi.predikat.casefold():
        a.add(j + ("tercetak", "predikat"), "predikat", f"predikat '{name}' tidak sesuai skala {m.skala_nama}", t.predikat, hi.predikat)
    plan = ind.target.get(h.tahun)
    _target_pk(a, ind, plan, name)
    _capaian_renstra(a, hi, j, name)
    akhir = ind.target_akhir_renstra
    if isinstance(akhir, Decimal) and isinstance(plan, Decimal) and (akhir < plan if ind.arah == "naik" else akhir > plan):
        a.add(j + ("target_akhir_renstra",), "target", f"target akhir Renstra '{name}' {'lebih rendah' if ind.arah == 'naik' else 'lebih tinggi'} "
              f"daripada target tahun {h.tahun} padahal {'makin tinggi' if ind.arah == 'naik' else 'makin rendah'} makin baik",
              _fmt_nilai(akhir), f"{_fmt_nilai(plan)} (target {h.tahun})")
    _riwayat(a, hi, name)
    if t.perubahan is not None and hi.perubahan_realisasi.ada:
        kemajuan = hi.perubahan_realisasi.nilai if ind.arah == "naik" else -hi.perubahan_realisasi.nilai
        a.banding(j + ("tercetak", "perubahan"), "perubahan", f"kemajuan realisasi '{name}' dari tahun lalu (poin; tanda dibalik untuk indikator turun)", t.perubahan, kemajuan, angka)
    for k, lain in enumerate(t.lain):
        _nilai_lain(a, hi, j + ("tercetak", "lain", k), lain, name)
    _komponen(a, hi)
    _efisiensi(a, hi, root_cap, name)


def _target_pk(a: _Audit, ind, plan, name: str) -> None:
    """A Perjanjian Kinerja target (original, then revised) that differs from the Renstra target for the year."""
    h, lap = a.h, a.b.model
    for label, pk_t in (("Perjanjian Kinerja", lap.perjanjian_kinerja.target.get(ind.id) if lap.perjanjian_kinerja else None),
                        ("Perjanjian Kinerja perubahan", lap.perjanjian_kinerja.perubahan.target.get(ind.id) if lap.perjanjian_kinerja and lap.perjanjian_kinerja.perubahan else None)):
        versi_lain = [v.label for v in ind.target_lain if v.target.get(h.tahun) == pk_t]
        if pk_t is not None and plan is not None and pk_t != plan and not versi_lain:
            # (a PK that keeps a documented earlier target version, e.g. "Renstra sebelum perubahan", is as printed)
            kind = "perjanjian_kinerja" if label == "Perjanjian Kinerja" else "perjanjian_kinerja.perubahan"
            path = ("perjanjian_kinerja", "target", ind.id) if kind == "perjanjian_kinerja" else ("perjanjian_kinerja", "perubahan", "target", ind.id)
            a.add(path, "target", f"target {h.tahun} '{name}' di {label} berbeda dengan target Renstra; capaian diukur terhadap target {label}", _fmt_nilai(pk_t), f"{_fmt_nilai(plan)} (Renstra)")


def _riwayat(a: _Audit, hi, name: str) -> None:
    """Past years: printed past capaian, and own target/realisasi against earlier reports' figures."""
    ind, j = hi.model, hi.jalur
    for ty, printed in ind.riwayat_tercetak.items():
        past = next((r for r in hi.riwayat if r.tahun == ty), None)
        if past is not None:
            a.banding(j + ("riwayat_tercetak", ty, "capaian"), "capaian", f"capaian {ty} '{name}'", printed.capaian, past.capaian)
    for r in hi.riwayat:
        if r.sumber != "laporan ini":
            for kind in ("target", "realisasi"):
                own = getattr(ind, kind).get(r.tahun)
                other = r.target if kind == "target" else r.realisasi
                if own is not None and other is not None and own != other:
                    a.add(j + (kind, r.tahun), kind, f"{kind} {r.tahun} '{name}' berbeda dengan {r.sumber}", _fmt_nilai(own), _fmt_nilai(other))


def _sasaran(a: _Audit, root_cap: list[str]) -> None:
    """Sasaran means and predikat; a mean that is right over the printed capaian is a knock-on of ``root_cap``."""
    m = a.h.metode
    for hs in a.h.sasaran:
        t = hs.model.tercetak
        if t.capaian is not None and hs.capaian.ada and not sama(t.capaian, hs.capaian.nilai, a.mode):
            via = _mean_of_printed([i.model.tercetak.capaian for i in hs.indikator], m)
            akibat = ", ".join(root_cap) if via is not None and sama(t.capaian, via, a.mode) and root_cap else None
            a.add(hs.jalur + ("tercetak", "capaian"), "capaian", f"rata-rata capaian sasaran '{hs.model.nama}'", persen(t.capaian), persen(hs.capaian.tampil), akibat)
        if t.predikat and hs.predikat and t.predikat.casefold() != hs.predikat.casefold():
            a.add(hs.jalur + ("tercetak", "predikat"), "predikat", f"predikat sasaran '{hs.model.nama}'", t.predikat, hs.predikat)


def _keseluruhan(a: _Audit, root_cap: list[str]) -> None:
    """Overall capaian (capped as the method says), overall predikat, and the count per predikat."""
    h, m, pt = a.h, a.h.metode, a.b.model.tercetak
    if pt.capaian_keseluruhan is not None and h.keseluruhan.ada:
        shown = h.keseluruhan.nilai
        if m.batas_capaian.atas is not None and m.agregasi.batas == "sesudah":
            shown = batasi(shown, m)
        if not sama(pt.capaian_keseluruhan, shown, a.mode):
            via = _mean_of_printed([i.model.tercetak.capaian for i in h.semua_indikator if i.model.iku or m.agregasi.cakupan == "semua"], m)
            akibat = ", ".join(root_cap) if via is not None and sama(pt.capaian_keseluruhan, via, a.mode) and root_cap else None
            a.add(("tercetak", "capaian_keseluruhan"), "capaian", f"capaian keseluruhan ({_agregasi(m)})", persen(pt.capaian_keseluruhan), persen(bulat(shown, m.pembulatan)), akibat)
    if pt.predikat_keseluruhan and h.predikat and pt.predikat_keseluruhan.casefold() != h.predikat.casefold():
        a.add(("tercetak", "predikat_keseluruhan"), "predikat", "predikat keseluruhan", pt.predikat_keseluruhan, h.predikat)
    for label, n in pt.jumlah_per_predikat.items():
        got = h.jumlah_per_predikat.get(label)
        if got is not None and got != n:
            a.add(("tercetak", "jumlah_per_predikat", label), "jumlah", f"jumlah indikator berpredikat '{label}'", str(n), str(got))


def _jumlah(a: _Audit) -> None:
    """Counts quoted in the prose (IKU, sasaran, programs, …, staff) against the data."""
    h, pt = a.h, a.b.model.tercetak
    j = h.jumlah
    staff = max((p.total for p in h.pegawai), default=None)
    claims = [("jumlah_iku", j.iku, "IKU"), ("jumlah_sasaran", j.sasaran, "sasaran strategis"), ("jumlah_program", j.program, "program"),
              ("jumlah_kegiatan", j.kegiatan, "kegiatan"), ("jumlah_sub_kegiatan", j.sub_kegiatan, "sub-kegiatan")]
    if staff is not None:
        claims.append(("jumlah_pegawai", staff, "pegawai"))
    for field, actual, what in claims:
        for k, klaim in enumerate(getattr(pt, field)):
            if klaim.nilai != actual:
                a.add(("tercetak", field, k), "jumlah", f"jumlah {what} yang disebut di {klaim.lokasi}", str(klaim.nilai), f"{actual} dalam data")


def _anggaran(a: _Audit) -> None:
    """Budget tree, totals, last year's absorption and its change, spending by type, multi-year pagu."""
    lap, m = a.b.model, a.h.metode
    for node in _walk(a.h.anggaran.program):
        _anggaran_node(a, node)
    t = lap.anggaran.tercetak
    ang = a.h.anggaran
    a.banding(("anggaran", "tercetak", "pagu"), "pagu", "jumlah pagu", t.pagu, ang.pagu, rupiah)
    a.banding(("anggaran", "tercetak", "pagu_perubahan"), "pagu", "jumlah pagu perubahan", t.pagu_perubahan, ang.pagu_perubahan, rupiah)
    a.banding(("anggaran", "tercetak", "realisasi"), "realisasi", "jumlah realisasi", t.realisasi, ang.realisasi, rupiah)
    a.banding(("anggaran", "tercetak", "penyerapan"), "penyerapan", "penyerapan anggaran total", t.penyerapan, ang.penyerapan)
    a.banding(("anggaran", "tercetak", "sisa"), "sisa", "sisa anggaran total", t.sisa, ang.sisa, rupiah)
    _anggaran_tahun_lalu(a)
    total = ang.pagu_efektif
    for i, bj in enumerate(lap.anggaran.belanja_per_jenis):
        if bj.tercetak.porsi is not None and bj.pagu is not None and total:
            a.banding(("anggaran", "belanja_per_jenis", i, "tercetak", "porsi"), "porsi", f"porsi {bj.jenis} dari total anggaran", bj.tercetak.porsi, _div(bj.pagu * 100, total))
        a.banding(("anggaran", "belanja_per_jenis", i, "tercetak", "penyerapan"), "penyerapan", f"penyerapan {bj.jenis}", bj.tercetak.penyerapan, penyerapan(bj.pagu, bj.realisasi, m))
    pm = lap.anggaran.pagu_multi_tahun
    if pm:
        parts = [r for r in pm.baris if not r.total]
        for i, row in enumerate(pm.baris):
            if row.total:
                for y, v in row.nilai.items():
                    vals = [r.nilai.get(y) for r in parts if r.nilai.get(y) is not None]
                    if v is not None and vals and sum(vals, D(0)) != v:
                        a.add(("anggaran", "pagu_multi_tahun", "baris", i, "nilai", y), "jumlah", f"baris '{row.uraian}' {y} tidak sama dengan jumlah baris lain", rupiah(v), rupiah(sum(vals, D(0))))


def _anggaran_tahun_lalu(a: _Audit) -> None:
    """Last year's absorption, then the printed change; a change right over the printed inputs is a knock-on."""
    lap, m = a.b.model, a.h.metode
    t = lap.anggaran.tercetak
    ang = a.h.anggaran
    if lap.anggaran.tahun_lalu:
        tl = lap.anggaran.tahun_lalu
        a.banding(("anggaran", "tahun_lalu", "tercetak", "penyerapan"), "penyerapan", f"penyerapan anggaran {tl.tahun}", tl.tercetak.penyerapan, penyerapan(tl.pagu, tl.realisasi, m))
    if lap.anggaran.tahun_lalu and t.perubahan is not None and ang.penyerapan.ada:
        tl = lap.anggaran.tahun_lalu
        lalu = penyerapan(tl.pagu, tl.realisasi, m)
        if lalu.ada:
            computed = bulat(ang.penyerapan.nilai, m.pembulatan_anggaran) - bulat(lalu.nilai, m.pembulatan_anggaran)
            own = (t.penyerapan - tl.tercetak.penyerapan) if t.penyerapan is not None and tl.tercetak.penyerapan is not None else None
            if not sama(t.perubahan, computed, a.mode):
                roots = [f for f in a.out if f.jalur[:2] == ("anggaran", "tahun_lalu")]
                akibat = "penyerapan tercetak tahun lalu" if own is not None and own == t.perubahan and roots else None
                a.add(("anggaran", "tercetak", "perubahan"), "perubahan", f"kenaikan penyerapan dari {tl.tahun} (poin persen)", angka(t.perubahan), angka(computed), akibat)


def _anggaran_pk(a: _Audit) -> None:
    """Perjanjian Kinerja budget: its printed total, then each program's pagu against the realisation table."""
    pk = a.b.model.perjanjian_kinerja
    for path, versi in ((("perjanjian_kinerja",), pk), (("perjanjian_kinerja", "perubahan"), pk.perubahan if pk else None)):
        if versi and versi.jumlah_anggaran_tercetak is not None and versi.anggaran:
            total = sum((x.pagu for x in versi.anggaran), D(0))
            if total != versi.jumlah_anggaran_tercetak:
                a.add(path + ("jumlah_anggaran_tercetak",), "jumlah", "jumlah anggaran Perjanjian Kinerja", rupiah(versi.jumlah_anggaran_tercetak), rupiah(total))

    programs = {n.id: n for n in a.h.anggaran.program}
    for path, versi in ((("perjanjian_kinerja",), pk), (("perjanjian_kinerja", "perubahan"), pk.perubahan if pk else None)):
        for i, x in enumerate(versi.anggaran if versi else []):
            node = programs.get(x.program) if x.program else None
            candidates = sorted({v for v in (node.pagu, node.pagu_perubahan) if v is not None}) if node else []
            if candidates and x.pagu not in candidates:
                a.add(path + ("anggaran", i, "pagu"), "pagu", f"pagu program '{node.nama}' di Perjanjian Kinerja berbeda dengan pagu di realisasi anggaran",
                      rupiah(x.pagu), " / ".join(rupiah(v) for v in candidates))


def _pegawai(a: _Audit) -> None:
    """Staff tables: printed column totals, the head count in the prose, and tables that must agree."""
    lap, h = a.b.model, a.h
    if not lap.pegawai:
        return
    for i, tp in enumerate(lap.pegawai.tabel):
        computed = h.pegawai[i].kolom + [h.pegawai[i].total]
        if tp.total_tercetak:
            for c, printed in enumerate(tp.total_tercetak):
                # null: not printed (or a "-" cell) — nothing to compare
                if printed is not None and c < len(computed) and printed != computed[c]:
                    label = tp.kolom[c] if c < len(tp.kolom) else "Jumlah"
                    a.add(("pegawai", "tabel", i, "total_tercetak", c), "jumlah", f"{tp.judul}: jumlah kolom '{label}'", str(printed if printed is not None else "-"), str(computed[c]))
    # the head count in the prose must match at least one table's grand total (tables may count ASN only)
    totals = [p.total for p in h.pegawai]
    n = lap.pegawai.jumlah_tercetak
    if n is not None and totals and n not in totals:
        a.add(("pegawai", "jumlah_tercetak"), "jumlah", "jumlah pegawai yang disebut di teks tidak sama dengan jumlah tabel mana pun", str(n), " / ".join(map(str, totals)))
    # tables that count the same staff by the same columns (e.g. by education and by position) must agree
    tabs = lap.pegawai.tabel
    for x in range(len(tabs)):
        for y in range(x + 1, len(tabs)):
            if [k.lower() for k in tabs[x].kolom] == [k.lower() for k in tabs[y].kolom]:
                for c, label in enumerate(tabs[x].kolom):
                    sx = sum((r.nilai[c] or 0) for r in tabs[x].baris if c < len(r.nilai))
                    sy = sum((r.nilai[c] or 0) for r in tabs[y].baris if c < len(r.nilai))
                    if sx != sy:
                        a.add(("pegawai", "tabel", y, "baris"), "jumlah", f"kolom '{label}': '{tabs[y].judul}' berjumlah {sy}, '{tabs[x].judul}' berjumlah {sx}", str(sy), str(sx))


def _tabel_bebas(a: _Audit) -> None:
    """Free tables with ``jumlahkan``: the printed total row against the sum of the numeric cells."""
    for i, tb in enumerate(a.b.model.tabel):
        if tb.jumlahkan:
            for k in tb.jumlahkan.kolom:
                vals = [row[k - 1] for row in tb.baris if k - 1 < len(row)]
                nums = [v for v in vals if isinstance(v, (int, Decimal)) and not isinstance(v, bool)]
                printed = tb.jumlahkan.baris_total[k - 1] if k - 1 < len(tb.jumlahkan.baris_total) else None
                if isinstance(printed, (int, Decimal)) and not isinstance(printed, bool) and sum(nums, D(0)) != printed:
                    a.add(("tabel", i, "jumlahkan", "baris_total", k - 1), "jumlah", f"{tb.judul}: jumlah kolom {k}", angka(printed), angka(sum(nums, D(0))))


def _fmt_nilai(v: Any) -> str:
    return angka(v) if isinstance(v, Decimal) else str(v)


def _rumus(hi) -> str:
    if isinstance(hi.target, str):
        return "tangga tingkat nilai"
    return "R/T×100" if hi.model.arah == "naik" else "rumus indikator turun"


def _agregasi(m) -> str:
    dasar = "rata-rata semua indikator" if m.agregasi.dasar == "indikator" else "rata-rata sasaran"
    return dasar


def _mean_of_printed(values: list[Decimal | None], m) -> Decimal | None:
    vals = [v for v in values if v is not None]
    if not vals or len(vals) != len(values):
        return None
    return rata_rata(vals, m, m.agregasi.batas == "sebelum").nilai


def _walk(nodes: list[NodeAnggaran]):
    for n in nodes:
        yield n
        yield from _walk(n.anak)


def _anggaran_node(a: _Audit, node: NodeAnggaran) -> None:
    t = node.sumber.tercetak
    j = node.jalur + ("tercetak",)
    a.banding(j + ("pagu",), "pagu", f"pagu '{node.nama}'", t.pagu, node.pagu, rupiah)
    a.banding(j + ("pagu_perubahan",), "pagu", f"pagu perubahan '{node.nama}'", t.pagu_perubahan, node.pagu_perubahan, rupiah)
    a.banding(j + ("realisasi",), "realisasi", f"realisasi '{node.nama}'", t.realisasi, node.realisasi, rupiah)
    a.banding(j + ("penyerapan",), "penyerapan", f"penyerapan '{node.nama}'", t.penyerapan, node.penyerapan)
    a.banding(j + ("sisa",), "sisa", f"sisa anggaran '{node.nama}'", t.sisa, node.sisa, rupiah)


def _komponen(a: _Audit, hi) -> None:
    ind = hi.model
    y = a.h.tahun
    num = [k for k in ind.komponen if k.peran == "pembilang" and k.tahun in (None, y)]
    den = [k for k in ind.komponen if k.peran == "penyebut" and k.tahun in (None, y)]
    real = ind.realisasi.get(y)
    if len(num) == 1 and len(den) == 1 and isinstance(real, Decimal) and den[0].nilai != 0 and ind.satuan.lower().startswith("pers"):
        ratio = _div(num[0].nilai * 100, den[0].nilai)
        if not sama(real, ratio, a.mode):
            a.add(hi.jalur + ("realisasi", y), "realisasi", f"realisasi '{ind.nama}' tidak sama dengan {angka(num[0].nilai)}/{angka(den[0].nilai)}", persen(real), persen(bulat(ratio, a.h.metode.pembulatan)))


def _efisiensi(a: _Audit, hi, root_cap: list[str], name: str) -> None:
    t = hi.model.tercetak
    m = a.h.metode
    j = hi.jalur
    before = len(a.out)
    if t.penyerapan is not None:
        if not hi.anggaran:
            match = [n for n in _walk(a.h.anggaran.program) if n.penyerapan.ada and sama(t.penyerapan, n.penyerapan.nilai, a.mode)]
            where = f"penyerapan '{match[0].nama}'" if match else "penyerapan yang tidak ditemukan di data anggaran"
            a.add(j + ("tercetak", "penyerapan"), "penyerapan", f"tabel efisiensi '{name}' memakai {where}, padahal indikator ini tidak terhubung ke anggaran tersebut", persen(t.penyerapan), "tidak dapat dihitung (indikator tanpa anggaran)")
        elif hi.penyerapan.ada and not sama(t.penyerapan, hi.penyerapan.nilai, a.mode):
            match = [n for n in _walk(a.h.anggaran.program) if n.penyerapan.ada and sama(t.penyerapan, n.penyerapan.nilai, a.mode)]
            where = f" (sama dengan penyerapan '{match[0].nama}')" if match else ""
            a.add(j + ("tercetak", "penyerapan"), "penyerapan", f"penyerapan pada tabel efisiensi '{name}' berbeda dengan anggaran yang mendanainya ({', '.join(n.nama for n in hi.anggaran)}){where}", persen(t.penyerapan), persen(hi.penyerapan.tampil))
    if t.efisiensi is None or m.efisiensi == "verbal":
        return
    # the report's own arithmetic, from its printed inputs
    cap_in = Hasil(t.capaian, t.capaian) if t.capaian is not None else hi.capaian
    serap_in = Hasil(t.penyerapan, t.penyerapan) if t.penyerapan is not None else hi.penyerapan
    own, _ = efisiensi(cap_in, serap_in, m)
    if own.ada and not sama(t.efisiensi, own.nilai, a.mode):
        a.add(j + ("tercetak", "efisiensi"), "efisiensi", f"efisiensi '{name}' tidak sesuai rumus dari angka yang tercetak sendiri", persen(t.efisiensi), persen(own.tampil))
        return
    if hi.efisiensi.ada and not sama(t.efisiensi, hi.efisiensi.nilai, a.mode):
        causes = [r for r in root_cap if name in r] + ([f"penyerapan tercetak {persen(t.penyerapan)}"] if len(a.out) > before else [])
        if not causes:
            # the report's arithmetic is right and its inputs agree with ours at the printed precision: the
            # difference only comes from dividing less-rounded inputs, which is not an error of the report
            return
        akibat = ", ".join(causes)
        a.add(j + ("tercetak", "efisiensi"), "efisiensi", f"efisiensi '{name}'", persen(t.efisiensi), persen(hi.efisiensi.tampil), akibat)


def _capaian_renstra(a: _Audit, hi, j: tuple, name: str) -> None:
    """Printed progress to the Renstra end target; when it matches another target version's end target
    (``target_lain``: Renstra before revision…), say so instead of calling it an arithmetic slip."""
    from .compute import capaian

    ind, printed = hi.model, hi.model.tercetak.capaian_renstra
    if printed is None or not hi.renstra.ada or sama(printed, hi.renstra.nilai, a.mode):
        return
    for v in ind.target_lain:
        if v.target_akhir is None or hi.realisasi is None:
            continue
        alt = capaian(v.target_akhir, hi.realisasi, ind.arah, a.h.metode)
        if alt.ada and sama(printed, alt.nilai, a.mode):
            a.add(j + ("tercetak", "capaian_renstra"), "capaian_renstra",
                  f"capaian '{name}' terhadap target akhir Renstra dihitung dengan target akhir '{v.label}' ({_fmt_nilai(v.target_akhir)}), "
                  f"bukan target akhir yang berlaku ({_fmt_nilai(ind.target_akhir_renstra)})", persen(printed), persen(hi.renstra.tampil))
            return
    a.banding(j + ("tercetak", "capaian_renstra"), "capaian_renstra", f"capaian '{name}' terhadap target akhir Renstra", printed, hi.renstra)


def _nilai_lain(a: _Audit, hi, jalur: tuple, lain, name: str) -> None:
    """Compare a value printed a second time (another table, the prose) with the data."""
    y = lain.tahun or a.h.tahun
    where = f"'{name}' di {lain.lokasi}"
    if lain.besaran in ("realisasi", "target"):
        own = (hi.realisasi if lain.besaran == "realisasi" else hi.target) if y == a.h.tahun else getattr(hi.model, lain.besaran).get(y)
        if own is None:
            return
        if isinstance(own, Decimal) and isinstance(lain.nilai, Decimal):
            if not sama(lain.nilai, own, a.mode):
                a.add(jalur, lain.besaran, f"{lain.besaran} {y} {where} berbeda dengan data", angka(lain.nilai), angka(own))
        elif str(own) != str(lain.nilai):
            a.add(jalur, lain.besaran, f"{lain.besaran} {y} {where} berbeda dengan data", str(lain.nilai), str(own))
        return
    if y == a.h.tahun:
        computed, pred = hi.capaian, hi.predikat
    else:
        past = next((r for r in hi.riwayat if r.tahun == y), None)
        if past is None:
            return
        computed, pred = past.capaian, None
    if lain.besaran == "predikat":
        if pred and str(lain.nilai).casefold() != pred.casefold():
            a.add(jalur, "predikat", f"predikat {y} {where}", str(lain.nilai), pred)
        return
    if isinstance(lain.nilai, Decimal):
        a.banding(jalur, "capaian", f"capaian {y} {where}", lain.nilai, computed)


def _evaluasi_akip(a: _Audit) -> None:
    """The printed total of the SAKIP evaluation components against their sum."""
    ev, he = a.b.model.evaluasi_akip, a.h.evaluasi
    if ev is not None and he is not None:
        a.banding(("evaluasi_akip", "jumlah_tercetak"), "jumlah", "jumlah nilai komponen evaluasi SAKIP", ev.jumlah_tercetak, he.nilai, angka)
