"""The checks: compare each value the source report printed with what the data computes.

Each printed value is checked against the computed one; a difference that the report's own arithmetic
explains (the formula applied to *printed* inputs gives the printed result) is marked as a consequence
(``akibat``) of the root difference, so a reader sees one cause and its knock-on effects.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..compute import (
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
from .. import grid
from ..format import angka, persen, rupiah
from ..load import format_path
from ..validate import BerkasLaporan
from .petunjuk import petunjuk_capaian, petunjuk_efisiensi, petunjuk_rata
from .temuan import Temuan, mode_lain, sama

D = Decimal


class _Audit:
    def __init__(self, b: BerkasLaporan, h: HasilLaporan):
        self.b, self.h = b, h
        self.mode = h.metode.pembulatan.mode
        self.out: list[Temuan] = []

    def add(self, jalur: tuple, bidang: str, pesan: str, tercetak: str, dihitung: str, akibat: str | None = None, akar: list[Temuan] | None = None, **lain: Any) -> Temuan:
        t = Temuan(self.b.lokasi(jalur), jalur, bidang, pesan, tercetak, dihitung, akibat, akar=list(akar or []), **lain)
        self.out.append(t)
        return t

    def banding(self, jalur: tuple, bidang: str, pesan: str, printed: Decimal | None, computed: Hasil | Decimal | None, fmt=persen, akibat: str | None = None,
                petunjuk=None) -> Temuan | None:
        """Compare one printed value; ``petunjuk(printed)`` may name the formula or setting the printed value matches."""
        value = computed.nilai if isinstance(computed, Hasil) else computed
        if printed is None or value is None or sama(printed, value, self.mode):
            return None
        other = mode_lain(printed, value, self.mode)
        if other:
            pesan = f"{pesan}: angka tercetak {other}"
        elif petunjuk is not None and (hint := petunjuk(printed)):
            pesan = f"{pesan}; {hint}"
        shown = bulat_seperti(value, printed, self.mode) if other else bulat(value, self.h.metode.pembulatan) if fmt is persen else value
        satuan = "persen" if fmt is persen else "rupiah" if fmt is rupiah else "angka"
        return self.add(jalur, bidang, pesan, fmt(printed), fmt(shown), akibat, selisih=printed - shown, satuan_selisih=satuan, pembulatan=bool(other))


Akar = list[tuple[str, Temuan]]  # root causes found so far: (how a knock-on names it, the finding)


def periksa(a: _Audit) -> list[Temuan]:
    """Every printed-versus-computed finding, in report order: indicators, sasaran, overall, counts,
    budget, staff, free tables. Later sections read earlier findings (``root_cap``, ``a.out``) to mark knock-ons
    (``Temuan.akar``); :func:`generator.check.susun.susun` then groups them under their causes."""
    h = a.h
    root_cap: Akar = []
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


def _indikator(a: _Audit, hi, root_cap: Akar) -> None:
    """One indicator's printed values; a wrong capaian is recorded in ``root_cap`` as a root cause."""
    h, m = a.h, a.h.metode
    ind, j = hi.model, hi.jalur
    t = ind.tercetak
    name = f"{ind.kode + ' ' if ind.kode else ''}{ind.nama}"
    if f := a.banding(j + ("tercetak", "capaian"), "capaian", f"capaian '{name}' tidak sesuai {_rumus(hi)}", t.capaian, hi.capaian, petunjuk=lambda p: petunjuk_capaian(a.h, hi, p)):
        root_cap.append((f"capaian '{name}'", f))
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
            a.banding(j + ("riwayat_tercetak", ty, "capaian"), "capaian", f"capaian {ty} '{name}'", printed.capaian, past.capaian,
                      petunjuk=lambda p, ty=ty: petunjuk_capaian(a.h, hi, p, ty))
    for r in hi.riwayat:
        if r.sumber != "laporan ini":
            for kind in ("target", "realisasi"):
                own = getattr(ind, kind).get(r.tahun)
                other = r.target if kind == "target" else r.realisasi
                if own is not None and other is not None and own != other:
                    a.add(j + (kind, r.tahun), kind, f"{kind} {r.tahun} '{name}' berbeda dengan {r.sumber}", _fmt_nilai(own), _fmt_nilai(other))


def _sasaran(a: _Audit, root_cap: Akar) -> None:
    """Sasaran means and predikat; a mean that is right over the printed capaian is a knock-on of ``root_cap``."""
    m = a.h.metode
    for hs in a.h.sasaran:
        t = hs.model.tercetak
        if t.capaian is not None and hs.capaian.ada and not sama(t.capaian, hs.capaian.nilai, a.mode):
            via = _mean_of_printed([i.model.tercetak.capaian for i in hs.indikator], m)
            roots = [(n, f) for n, f in root_cap if any(f.jalur[:len(i.jalur)] == i.jalur for i in hs.indikator)]
            akar = roots if via is not None and sama(t.capaian, via, a.mode) else []
            hint = None if akar else petunjuk_rata(a.h, t.capaian, hs)
            a.add(hs.jalur + ("tercetak", "capaian"), "capaian", f"rata-rata capaian sasaran '{hs.model.nama}'{'; ' + hint if hint else ''}", persen(t.capaian), persen(hs.capaian.tampil),
                  ", ".join(n for n, _ in akar) or None, akar=[f for _, f in akar])
        if t.predikat and hs.predikat and t.predikat.casefold() != hs.predikat.casefold():
            a.add(hs.jalur + ("tercetak", "predikat"), "predikat", f"predikat sasaran '{hs.model.nama}'", t.predikat, hs.predikat)


def _keseluruhan(a: _Audit, root_cap: Akar) -> None:
    """Overall capaian (capped as the method says), overall predikat, and the count per predikat."""
    h, m, pt = a.h, a.h.metode, a.b.model.tercetak
    if pt.capaian_keseluruhan is not None and h.keseluruhan.ada:
        shown = h.keseluruhan.nilai
        if m.batas_capaian.atas is not None and m.agregasi.batas == "sesudah":
            shown = batasi(shown, m)
        if not sama(pt.capaian_keseluruhan, shown, a.mode):
            via = _mean_of_printed([i.model.tercetak.capaian for i in h.semua_indikator if i.model.iku or m.agregasi.cakupan == "semua"], m)
            akar = root_cap if via is not None and sama(pt.capaian_keseluruhan, via, a.mode) else []
            hint = None if akar else petunjuk_rata(h, pt.capaian_keseluruhan)
            a.add(("tercetak", "capaian_keseluruhan"), "capaian", f"capaian keseluruhan ({_agregasi(m)}){'; ' + hint if hint else ''}", persen(pt.capaian_keseluruhan),
                  persen(bulat(shown, m.pembulatan)),
                  ", ".join(n for n, _ in akar) or None, akar=[f for _, f in akar])
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
                akar = roots if own is not None and own == t.perubahan else []
                a.add(("anggaran", "tercetak", "perubahan"), "perubahan", f"kenaikan penyerapan dari {tl.tahun} (poin persen)", angka(t.perubahan), angka(computed),
                      "penyerapan tercetak tahun lalu" if akar else None, akar=akar)


def _anggaran_pk(a: _Audit) -> None:
    """Perjanjian Kinerja budget: its printed total, then each program's pagu against the realisation table."""
    pk = a.b.model.perjanjian_kinerja
    semua = [(path, versi) for path, versi, _ in pk.semua_versi()] if pk else []
    for path, versi in semua:
        if versi and versi.jumlah_anggaran_tercetak is not None and versi.anggaran:
            total = sum((x.pagu for x in versi.anggaran), D(0))
            if total != versi.jumlah_anggaran_tercetak:
                a.add(path + ("jumlah_anggaran_tercetak",), "jumlah", "jumlah anggaran Perjanjian Kinerja", rupiah(versi.jumlah_anggaran_tercetak), rupiah(total))

    programs = a.h.anggaran.by_id  # a PK may list programs, kegiatan or sub-kegiatan (rows per sasaran are not compared)
    for path, versi in semua:
        total = sum((x.pagu for x in versi.anggaran), D(0)) if versi else None
        sama_total = total is not None and total in (a.h.anggaran.pagu, a.h.anggaran.pagu_perubahan)
        for i, x in enumerate(versi.anggaran if versi else []):
            node = programs.get(x.program) if x.program else None
            if node is not None:
                _pk_program(a, path + ("anggaran", i, "pagu"), x.pagu, node, len(path) > 1, sama_total)


def _pk_program(a: _Audit, jalur: tuple, pagu: Decimal, node: NodeAnggaran, perubahan: bool, sama_total: bool) -> None:
    """One program's pagu in a Perjanjian Kinerja. The PK (signed early in the year) may carry the pagu before the
    budget change (DPA murni) or after it; a PK perubahan carries the changed one. Flag only a pagu that is
    neither, and say what the data holds."""
    tc = node.sumber.tercetak
    murni = [v for v in (node.pagu, tc.pagu) if v is not None]
    ubah = [v for v in (node.pagu_perubahan, tc.pagu_perubahan) if v is not None]
    label = "Perjanjian Kinerja perubahan" if perubahan else "Perjanjian Kinerja"
    if pagu in ubah or (pagu in murni and (not perubahan or not ubah)) or not (murni or ubah):
        return
    if perubahan and pagu in murni:
        a.add(jalur, "pagu", f"pagu program '{node.nama}' di {label} sama dengan pagu murni (sebelum perubahan), bukan pagu perubahan", rupiah(pagu),
              f"{rupiah(ubah[0])} (perubahan)", selisih=pagu - ubah[0], satuan_selisih="rupiah")
        return
    catatan = "; jumlah PK sama dengan jumlah pagu, hanya pembagian antarprogram yang berbeda" if sama_total else ""
    if ubah and not murni:
        a.add(jalur, "pagu", f"pagu program '{node.nama}' di {label} berbeda dengan pagu perubahan di realisasi anggaran{catatan}; data tidak memuat pagu murni "
              "program ini: bila PK memuat DPA murni, isikan pagu murni (`pagu`, atau `tercetak.pagu` pada program yang dirinci)",
              rupiah(pagu), f"{rupiah(ubah[0])} (perubahan)", selisih=pagu - ubah[0], satuan_selisih="rupiah")
        return
    if ubah:
        a.add(jalur, "pagu", f"pagu program '{node.nama}' di {label} tidak sama dengan pagu murni (DPA sebelum perubahan) maupun pagu perubahan di realisasi anggaran{catatan}",
              rupiah(pagu), " / ".join([f"{rupiah(v)} (murni)" for v in dict.fromkeys(murni)] + [f"{rupiah(v)} (perubahan)" for v in dict.fromkeys(ubah)]))
        return
    dasar = a.b.model.anggaran.dasar
    a.add(jalur, "pagu", f"pagu program '{node.nama}' di {label} berbeda dengan pagu di realisasi anggaran{f' ({dasar})' if dasar else ''}{catatan}; "
          "data tidak memisahkan pagu murni dan pagu perubahan: bila PK memuat DPA murni, isikan `pagu` (murni) dan `pagu_perubahan`",
          rupiah(pagu), rupiah(murni[0]), selisih=pagu - murni[0], satuan_selisih="rupiah")


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
                vals = grid.kolom(tb.baris, len(tb.jumlahkan.baris_total), k - 1)  # a merged cell counts once
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


def _efisiensi(a: _Audit, hi, root_cap: Akar, name: str) -> None:
    """The efficiency table of one indicator: its absorption, its capaian (as printed in that table), its efficiency."""
    t = hi.model.tercetak
    m = a.h.metode
    j = hi.jalur
    serap = _efisiensi_penyerapan(a, hi, name)
    cap = _efisiensi_capaian(a, hi, name)
    # the report's own arithmetic, from the inputs printed in the same table
    cap_printed = t.capaian_efisiensi if t.capaian_efisiensi is not None else t.capaian
    cap_in = Hasil(cap_printed, cap_printed) if cap_printed is not None else hi.capaian
    serap_in = Hasil(t.penyerapan, t.penyerapan) if t.penyerapan is not None else hi.penyerapan
    if m.efisiensi == "verbal":
        _efisiensi_verbal(a, hi, name, cap_in, serap_in)
        return
    if t.efisiensi is None:
        return
    own, _ = efisiensi(cap_in, serap_in, m)
    if own.ada and not sama(t.efisiensi, own.nilai, a.mode):
        hint = petunjuk_efisiensi(m, cap_in, serap_in, t.efisiensi)
        a.add(j + ("tercetak", "efisiensi"), "efisiensi", f"efisiensi '{name}' tidak sesuai rumus dari angka yang tercetak di tabel efisiensi{'; ' + hint if hint else ''}",
              persen(t.efisiensi), persen(own.tampil))
        return
    if hi.efisiensi.ada and not sama(t.efisiensi, hi.efisiensi.nilai, a.mode):
        roots = [(n, f) for n, f in root_cap if f.jalur[:len(j)] == j] if cap_printed == t.capaian else []
        roots += [(f"capaian tercetak {persen(cap_printed)} di tabel efisiensi", cap)] if cap else []
        roots += [(f"penyerapan tercetak {persen(t.penyerapan)}", serap)] if serap else []
        if not roots:
            # the report's arithmetic is right and its inputs agree with ours at the printed precision: the
            # difference only comes from dividing less-rounded inputs, which is not an error of the report
            return
        a.add(j + ("tercetak", "efisiensi"), "efisiensi", f"efisiensi '{name}'", persen(t.efisiensi), persen(hi.efisiensi.tampil),
              ", ".join(n for n, _ in roots), akar=[f for _, f in roots])


def _efisiensi_penyerapan(a: _Audit, hi, name: str) -> Temuan | None:
    t, j = hi.model.tercetak, hi.jalur
    if t.penyerapan is None:
        return None
    if not hi.anggaran:
        match = [n for n in _walk(a.h.anggaran.program) if n.penyerapan.ada and sama(t.penyerapan, n.penyerapan.nilai, a.mode)]
        where = f"penyerapan '{match[0].nama}'" if match else "penyerapan yang tidak ditemukan di data anggaran"
        return a.add(j + ("tercetak", "penyerapan"), "penyerapan", f"tabel efisiensi '{name}' memakai {where}, padahal indikator ini tidak terhubung ke anggaran tersebut", persen(t.penyerapan), "tidak dapat dihitung (indikator tanpa anggaran)")
    if hi.penyerapan.ada and not sama(t.penyerapan, hi.penyerapan.nilai, a.mode):
        match = [n for n in _walk(a.h.anggaran.program) if n.penyerapan.ada and sama(t.penyerapan, n.penyerapan.nilai, a.mode)]
        where = f" (sama dengan penyerapan '{match[0].nama}')" if match else ""
        return a.add(j + ("tercetak", "penyerapan"), "penyerapan", f"penyerapan pada tabel efisiensi '{name}' berbeda dengan anggaran yang mendanainya ({', '.join(n.nama for n in hi.anggaran)}){where}", persen(t.penyerapan), persen(hi.penyerapan.tampil))
    return None


def _efisiensi_capaian(a: _Audit, hi, name: str) -> Temuan | None:
    """The capaian printed in the efficiency table, when it differs from the indicator's printed capaian: the
    indicator's capaian or its sasaran's mean (Jember's Tabel 3.7 prints the sasaran mean) are both what it may be."""
    printed = hi.model.tercetak.capaian_efisiensi
    if printed is None:
        return None
    sasaran = next((s for s in a.h.sasaran if any(i is hi for i in s.indikator)), None)
    options = [("capaian indikator", hi.capaian)] + ([(f"rata-rata capaian sasaran '{sasaran.model.nama}'", sasaran.capaian)] if sasaran else [])
    if any(c.ada and sama(printed, c.nilai, a.mode) for _, c in options):
        return None
    return a.add(hi.jalur + ("tercetak", "capaian_efisiensi"), "capaian", f"capaian '{name}' di tabel efisiensi tidak sama dengan "
                 + " maupun ".join(label for label, _ in options), persen(printed),
                 " / ".join(persen(c.tampil) for _, c in options if c.ada), selisih=None)


def _efisiensi_verbal(a: _Audit, hi, name: str, cap: Hasil, serap: Hasil) -> None:
    """A verbal verdict ('Efisien') against the capaian and absorption printed in the same table."""
    teks = hi.model.tercetak.efisiensi_teks
    if not teks or not cap.ada or not serap.ada:
        return
    printed_ok = not teks.strip().casefold().startswith(("kurang", "tidak", "in"))
    computed_ok = cap.tampil >= serap.tampil  # type: ignore[operator]
    if printed_ok != computed_ok:
        verdict = "Efisien" if computed_ok else "Kurang efisien"
        a.add(hi.jalur + ("tercetak", "efisiensi_teks"), "efisiensi", f"kesimpulan efisiensi '{name}' tidak sesuai capaian {persen(cap.tampil)} dan penyerapan "
              f"{persen(serap.tampil)} yang tercetak di tabel efisiensi", teks, verdict)


def _capaian_renstra(a: _Audit, hi, j: tuple, name: str) -> None:
    """Printed progress to the Renstra end target; when it matches another target version's end target
    (``target_lain``: Renstra before revision…), say so instead of calling it an arithmetic slip."""
    from ..compute import capaian

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
    if lain.besaran in ("penyerapan", "efisiensi"):  # a second efficiency table (report year only)
        if y == a.h.tahun and isinstance(lain.nilai, Decimal):
            a.banding(jalur, lain.besaran, f"{lain.besaran} {y} {where}", lain.nilai, getattr(hi, lain.besaran))
        elif y == a.h.tahun and lain.besaran == "efisiensi" and hi.efisiensi_teks and str(lain.nilai).casefold() != hi.efisiensi_teks.casefold():
            a.add(jalur, "efisiensi", f"efisiensi {y} {where}", str(lain.nilai), hi.efisiensi_teks)
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
        a.banding(jalur, "capaian", f"capaian {y} {where}", lain.nilai, computed, petunjuk=lambda p: petunjuk_capaian(a.h, hi, p, y))


def _evaluasi_akip(a: _Audit) -> None:
    """The printed total of the SAKIP evaluation components against their sum."""
    ev, he = a.b.model.evaluasi_akip, a.h.evaluasi
    if ev is not None and he is not None:
        a.banding(("evaluasi_akip", "jumlah_tercetak"), "jumlah", "jumlah nilai komponen evaluasi SAKIP", ev.jumlah_tercetak, he.nilai, angka)
