"""Stage 3 — compute: every derived number, in ``Decimal`` with the report's rounding, never ``float``.

Each function takes model values and a resolved :class:`~generator.metode.Metode` and returns values or
``None`` with a reason (``Hasil.alasan``) — division by zero and missing data never raise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext
from typing import Any, Iterable

from . import rumus
from .metode import Metode, predikat
from .model import Indikator, Laporan, Pembulatan, Sasaran

D = Decimal
SERATUS = D(100)


def bulat(x: Decimal | None, p: Pembulatan) -> Decimal | None:
    """Round half-up or truncate to ``p.desimal`` places (Python's round() would be banker's rounding)."""
    if x is None:
        return None
    q = D(1).scaleb(-p.desimal)
    return x.quantize(q, rounding=ROUND_HALF_UP if p.mode == "setengah_ke_atas" else ROUND_DOWN)


def bulat_seperti(x: Decimal, contoh: Decimal, mode: str) -> Decimal:
    """Round ``x`` to the number of decimals ``contoh`` was printed with (for comparing with printed values)."""
    exp = contoh.as_tuple().exponent
    places = -exp if isinstance(exp, int) and exp < 0 else 0
    return bulat(x, Pembulatan(desimal=min(places, 6), mode=mode))  # type: ignore[return-value]


def _div(a: Decimal, b: Decimal) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 34
        return a / b


@dataclass
class Hasil:
    """A computed value (full precision), its displayed (rounded) form, or why it could not be computed."""

    nilai: Decimal | None = None
    tampil: Decimal | None = None
    alasan: str | None = None

    @property
    def ada(self) -> bool:
        return self.nilai is not None


def _hasil(x: Decimal | None, m: Pembulatan, alasan: str | None = None) -> Hasil:
    return Hasil(x, bulat(x, m), None if x is not None else alasan)


# ---------------------------------------------------------------------------------------------------
# Capaian


def capaian(target, realisasi, arah: str, metode: Metode) -> Hasil:
    """Achievement % of one indicator for one year, per the method's formulas."""
    p = metode.pembulatan
    if target is None:
        return Hasil(alasan="target belum ditetapkan")
    if realisasi is None:
        return Hasil(alasan="realisasi belum diisi")
    if isinstance(target, str) or isinstance(realisasi, str):
        if not (isinstance(target, str) and isinstance(realisasi, str)):
            return Hasil(alasan="target dan realisasi harus sama-sama angka atau sama-sama tingkat nilai")
        ladder = metode.tingkat_nilai
        if target not in ladder or realisasi not in ladder:
            return Hasil(alasan=f"tingkat nilai tidak dikenal ({' < '.join(ladder)})")
        steps = ladder.index(realisasi) - ladder.index(target)
        if arah == "turun":
            steps = -steps
        return _hasil(metode.capaian_ordinal.tepat + steps * metode.capaian_ordinal.per_tingkat, p)
    if arah == "naik":
        if target == 0:
            return Hasil(alasan="target 0: capaian tidak dapat dihitung")
        return _hasil(_div(realisasi * SERATUS, target), p)
    if metode.capaian_turun == "t_per_r":
        if realisasi == 0:
            return Hasil(alasan="realisasi 0: rumus T/R tidak dapat dihitung")
        return _hasil(_div(target * SERATUS, realisasi), p)
    if metode.capaian_turun != "dua_t_kurang_r":  # the report's own formula (generator/rumus.py)
        x = rumus.hitung(metode.capaian_turun, target, realisasi)
        return _hasil(x, p) if x is not None else Hasil(alasan=f"rumus {metode.capaian_turun} membagi dengan nol")
    if target == 0:
        return Hasil(alasan="target 0: capaian tidak dapat dihitung")
    return _hasil(_div((2 * target - realisasi) * SERATUS, target), p)


def batasi(x: Decimal | None, metode: Metode) -> Decimal | None:
    """Apply the cap/floor used for rating (the raw value stays what is shown)."""
    if x is None:
        return None
    b = metode.batas_capaian
    if b.atas is not None and x > b.atas:
        x = b.atas
    if b.bawah is not None and x < b.bawah:
        x = b.bawah
    return x


def nilai_predikat(x: Decimal | None, metode: Metode, keseluruhan: bool = False) -> str | None:
    """The predikat of a capaian; ``keseluruhan``: by the overall capaian's scale (``metode.skala_keseluruhan``)."""
    pita = pita_predikat(x, metode, keseluruhan)
    return pita.predikat if pita else None


def kategori_efisiensi(eff: "Hasil", metode: Metode) -> str | None:
    """The efficiency category of an efficiency value as shown, when the report prints a scale for it."""
    if metode.skala_efisiensi is None or not eff.ada:
        return None
    pita = predikat(metode.skala_efisiensi, eff.tampil)  # type: ignore[arg-type]
    return pita.predikat if pita else None


TERCAPAI, TIDAK_TERCAPAI, TIDAK_TERUKUR = "tercapai", "tidak tercapai", "tidak dapat diukur"


def status_target(cap: Hasil, ordinal: bool, metode: Metode) -> str:
    """Was the target met? Met when the capaian as shown (the method's rounding) reaches the value the method gives a
    realisasi equal to its target: 100, or ``capaian_ordinal.tepat`` for grades. Capaian already follows the
    indicator's direction (lower-is-better formulas give ≥ 100 when met), so no direction test is needed here."""
    if not cap.ada:
        return TIDAK_TERUKUR
    batas = metode.capaian_ordinal.tepat if ordinal else SERATUS
    return TERCAPAI if cap.tampil >= batas else TIDAK_TERCAPAI  # type: ignore[operator]


@dataclass
class JumlahTarget:
    """How many indicators met their target, missed it, or could not be measured (those the method averages)."""

    tercapai: int = 0
    tidak_tercapai: int = 0
    tidak_terukur: int = 0

    @property
    def total(self) -> int:
        return self.tercapai + self.tidak_tercapai + self.tidak_terukur

    @property
    def diukur(self) -> int:
        return self.tercapai + self.tidak_tercapai


def hitung_target(indikator: Iterable["HasilIndikator"]) -> JumlahTarget:
    j = JumlahTarget()
    for h in indikator:
        if h.status == TERCAPAI:
            j.tercapai += 1
        elif h.status == TIDAK_TERCAPAI:
            j.tidak_tercapai += 1
        else:
            j.tidak_terukur += 1
    return j


def pita_predikat(x: Decimal | None, metode: Metode, keseluruhan: bool = False):
    """The band of the rating scale a capaian falls in (after the method's cap), or None."""
    skala = metode.skala_keseluruhan if keseluruhan else metode.skala
    if x is None or skala is None:
        return None
    return predikat(skala, bulat(batasi(x, metode), metode.pembulatan))


def rata_rata(values: Iterable[Decimal | None], metode: Metode, batas_dulu: bool) -> Hasil:
    """Mean with the method's missing-value rule; ``batas_dulu`` caps each value before averaging."""
    vals: list[Decimal] = []
    n = 0
    for v in values:
        n += 1
        if v is None:
            if metode.agregasi.nilai_kosong == "nol":
                vals.append(D(0))
            continue
        vals.append(batasi(v, metode) if batas_dulu else v)  # type: ignore[arg-type]
    if not vals:
        return Hasil(alasan="tidak ada capaian yang dapat dirata-rata" if n else "tidak ada indikator")
    return _hasil(_div(sum(vals, D(0)), D(len(vals))), metode.pembulatan)


# ---------------------------------------------------------------------------------------------------
# Budget


@dataclass
class NodeAnggaran:
    id: str
    nama: str
    kode: str | None
    tingkat: int  # 0 program, 1 kegiatan, 2 sub-kegiatan
    jalur: tuple
    pagu: Decimal | None
    pagu_perubahan: Decimal | None
    realisasi: Decimal | None
    penyerapan: Hasil
    sisa: Decimal | None
    sumber: object  # the model node (for its 'tercetak')
    anak: list["NodeAnggaran"] = field(default_factory=list)

    @property
    def pagu_efektif(self) -> Decimal | None:
        return self.pagu_perubahan if self.pagu_perubahan is not None else self.pagu


def _sum(values: list[Decimal | None]) -> Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present, D(0)) if present else None


def penyerapan(pagu: Decimal | None, realisasi: Decimal | None, metode: Metode) -> Hasil:
    if pagu is None or realisasi is None:
        return Hasil(alasan="pagu atau realisasi belum diisi")
    if pagu == 0:
        return Hasil(alasan="pagu 0: penyerapan tidak dapat dihitung")
    return _hasil(_div(realisasi * SERATUS, pagu), metode.pembulatan_anggaran)


def _node(item, tingkat: int, jalur: tuple, metode: Metode) -> NodeAnggaran:
    children_models = getattr(item, "kegiatan", None) if tingkat == 0 else getattr(item, "sub_kegiatan", None) if tingkat == 1 else None
    anak: list[NodeAnggaran] = []
    if children_models:
        key = "kegiatan" if tingkat == 0 else "sub_kegiatan"
        anak = [_node(c, tingkat + 1, jalur + (key, i), metode) for i, c in enumerate(children_models)]
        pagu = _sum([a.pagu for a in anak])
        pagu_p = _sum([a.pagu_perubahan if a.pagu_perubahan is not None else a.pagu for a in anak]) if any(a.pagu_perubahan is not None for a in anak) else None
        real = _sum([a.realisasi for a in anak])
    else:
        pagu, pagu_p, real = item.pagu, item.pagu_perubahan, item.realisasi
    eff = pagu_p if pagu_p is not None else pagu
    return NodeAnggaran(
        id=item.id, nama=item.nama, kode=item.kode, tingkat=tingkat, jalur=jalur,
        pagu=pagu, pagu_perubahan=pagu_p, realisasi=real,
        penyerapan=penyerapan(eff, real, metode),
        sisa=(eff - real) if eff is not None and real is not None else None,
        sumber=item, anak=anak,
    )


@dataclass
class HasilAnggaran:
    program: list[NodeAnggaran]
    pagu: Decimal | None
    pagu_perubahan: Decimal | None
    realisasi: Decimal | None
    penyerapan: Hasil
    sisa: Decimal | None
    by_id: dict[str, NodeAnggaran]

    @property
    def pagu_efektif(self) -> Decimal | None:
        return self.pagu_perubahan if self.pagu_perubahan is not None else self.pagu


def hitung_anggaran(lap: Laporan, metode: Metode) -> HasilAnggaran:
    programs = [_node(p, 0, ("anggaran", "program", i), metode) for i, p in enumerate(lap.anggaran.program)]
    by_id: dict[str, NodeAnggaran] = {}

    def walk(n: NodeAnggaran) -> None:
        by_id[n.id] = n
        for a in n.anak:
            walk(a)

    for p in programs:
        walk(p)
    pagu = _sum([p.pagu for p in programs])
    pagu_p = _sum([p.pagu_efektif for p in programs]) if any(p.pagu_perubahan is not None for p in programs) else None
    real = _sum([p.realisasi for p in programs])
    eff = pagu_p if pagu_p is not None else pagu
    return HasilAnggaran(programs, pagu, pagu_p, real, penyerapan(eff, real, metode), (eff - real) if eff is not None and real is not None else None, by_id)


def gabung_penyerapan(ids: list[str], anggaran: HasilAnggaran, metode: Metode) -> tuple[Hasil, list[NodeAnggaran]]:
    nodes = [anggaran.by_id[i] for i in ids if i in anggaran.by_id]
    if not nodes:
        return Hasil(alasan="indikator tidak terhubung ke anggaran"), []
    return penyerapan(*jumlah_anggaran(nodes), metode), nodes


def jumlah_anggaran(nodes: list[NodeAnggaran]) -> tuple[Decimal | None, Decimal | None]:
    """Pagu (after change) and realisation of some budget lines, exactly."""
    return _sum([n.pagu_efektif for n in nodes]), _sum([n.realisasi for n in nodes])


def efisiensi(cap: Hasil, serap: Hasil, metode: Metode) -> tuple[Hasil, str | None]:
    """Efficiency per the method: ratio, difference, 100 − absorption, or a verbal verdict."""
    rumus = metode.efisiensi
    if rumus == "sisa_anggaran":
        if not serap.ada:
            return Hasil(alasan=serap.alasan), None
        return _hasil(SERATUS - serap.tampil, metode.pembulatan), None  # type: ignore[operator]
    if not cap.ada or not serap.ada:
        return Hasil(alasan=cap.alasan or serap.alasan), None
    c, s = cap.tampil, serap.tampil
    if rumus == "rasio":
        if s == 0:
            return Hasil(alasan="penyerapan 0%: efisiensi tidak dapat dihitung"), None
        return _hasil(_div(c * SERATUS, s), metode.pembulatan), None  # type: ignore[operator]
    if rumus == "selisih":
        return _hasil(c - s, metode.pembulatan), None  # type: ignore[operator]
    return Hasil(alasan="efisiensi verbal"), ("Efisien" if c >= s else "Kurang efisien")  # type: ignore[operator]


# ---------------------------------------------------------------------------------------------------
# Whole report


@dataclass
class HasilTahun:
    tahun: int
    target: object
    realisasi: object
    capaian: Hasil
    sumber: str  # which file the values came from


@dataclass
class HasilTriwulan:
    """One quarter of an indicator: its target, realisasi and capaian by the indicator's own formula."""

    tw: int
    target: object
    realisasi: object
    capaian: Hasil


def hitung_triwulan(ind: Indikator, metode: Metode) -> list[HasilTriwulan]:
    """Capaian per quarter (TW I–IV) with the indicator's direction and the method's formulas and rounding."""
    return [HasilTriwulan(t.tw, t.target, t.realisasi, capaian(t.target, t.realisasi, ind.arah, metode)) for t in sorted(ind.triwulan, key=lambda t: t.tw)]


@dataclass
class HasilIndikator:
    model: Indikator
    jalur: tuple
    sasaran: Sasaran | None
    target: object  # the target measured against: PK perubahan, else PK, else the plan's target for the year
    realisasi: object
    capaian: Hasil
    capaian_batas: Decimal | None
    predikat: str | None
    renstra: Hasil
    riwayat: list[HasilTahun]
    perubahan_realisasi: Hasil  # vs previous year (percentage points for percentages)
    perubahan_capaian: Hasil
    penyerapan: Hasil
    anggaran: list[NodeAnggaran]
    efisiensi: Hasil
    efisiensi_teks: str | None
    target_pk: object
    target_pk_perubahan: object
    dirata: bool = True  # counts in the sasaran and overall averages under the method's scope
    capaian_batas_tampil: Decimal | None = None  # the capped capaian rounded as shown ("capaian untuk predikat")
    status: str = TIDAK_TERUKUR  # tercapai | tidak tercapai | tidak dapat diukur (status_target)
    triwulan: list[HasilTriwulan] = field(default_factory=list)  # TW I–IV, capaian by the indicator's formula
    efisiensi_kategori: str | None = None  # by metode.skala_efisiensi
    pagu: Decimal | None = None  # the budget lines that fund it (exact sums; budget per sasaran table)
    realisasi_anggaran: Decimal | None = None


@dataclass
class HasilSasaran:
    model: Sasaran
    jalur: tuple
    indikator: list[HasilIndikator]
    capaian: Hasil  # displayed mean
    predikat: str | None
    penyerapan: Hasil
    efisiensi: Hasil
    efisiensi_teks: str | None
    capaian_batas_tampil: Decimal | None = None
    target: JumlahTarget = field(default_factory=JumlahTarget)  # its averaged indicators: targets met / missed
    efisiensi_kategori: str | None = None  # by metode.skala_efisiensi
    pagu: Decimal | None = None  # its program links (or its indicators' lines, each counted once)
    realisasi_anggaran: Decimal | None = None
    anggaran: list[NodeAnggaran] = field(default_factory=list)


@dataclass
class Jumlah:
    """Counts a report's pages state (and the audit compares with the counts printed in the report)."""

    sasaran: int  # sasaran strategis
    iku: int
    indikator: int
    program: int
    kegiatan: int
    sub_kegiatan: int
    indikator_berpredikat: int = 0  # indicators counted per predikat (those in the average)


@dataclass
class HasilPegawai:
    """One staff table: each row's total, each column's sum, the grand total."""

    baris: list[int]
    kolom: list[int]
    total: int


@dataclass
class HasilBaris:
    """A row of spending by type or by funding source: absorption and share of the total pagu; a subtotal row of
    spending by type (``rincian``) carries the sums of its rows."""

    penyerapan: Hasil
    porsi: Decimal | None = None
    pagu: Decimal | None = None
    realisasi: Decimal | None = None
    subtotal: bool = False


@dataclass
class HasilTahunLalu:
    """Last year's budget beside this year's, from last year's own report when there is one."""

    tahun: int
    pagu: Decimal | None
    realisasi: Decimal | None
    penyerapan: Hasil
    dari_laporan_lalu: bool  # False: the values this report prints for last year (anggaran.tahun_lalu)
    perubahan: Decimal | None  # this year's shown absorption minus last year's, in percentage points


@dataclass
class HasilKomponen:
    """One SAKIP evaluation component: its score as a share of its weight."""

    nama: str
    bobot: Decimal
    nilai: Decimal | None
    persen: Hasil  # nilai / bobot × 100


@dataclass
class HasilEvaluasi:
    """The SAKIP evaluation components and their sums (exact: scores are added, never rounded)."""

    komponen: list[HasilKomponen]
    bobot: Decimal
    nilai: Decimal | None  # None when no component has a score


def hitung_evaluasi(lap: Laporan, metode: Metode) -> HasilEvaluasi | None:
    ev = lap.evaluasi_akip
    if ev is None or not ev.komponen:
        return None
    out = []
    for k in ev.komponen:
        if k.nilai is None:
            p = Hasil(alasan="nilai tidak tercetak")
        elif k.bobot == 0:
            p = Hasil(alasan="bobot 0")
        else:
            p = _hasil(_div(k.nilai * SERATUS, k.bobot), metode.pembulatan)
        out.append(HasilKomponen(k.nama, k.bobot, k.nilai, p))
    return HasilEvaluasi(out, sum((k.bobot for k in ev.komponen), D(0)), _sum([k.nilai for k in ev.komponen]))


@dataclass
class HasilLaporan:
    tahun: int
    metode: Metode
    sasaran: list[HasilSasaran]
    indikator_tujuan: list[HasilIndikator]
    keseluruhan: Hasil
    predikat: str | None
    anggaran: HasilAnggaran
    jumlah_per_predikat: dict[str, int]
    jumlah: Jumlah | None = None
    keseluruhan_batas: Decimal | None = None  # the capped overall capaian as shown, when the method caps
    pegawai: list[HasilPegawai] = field(default_factory=list)
    belanja_jenis: list[HasilBaris] = field(default_factory=list)
    belanja_jenis_pagu: Decimal | None = None
    belanja_jenis_realisasi: Decimal | None = None
    sumber_dana: list[HasilBaris] = field(default_factory=list)
    tahun_lalu: HasilTahunLalu | None = None
    target: JumlahTarget = field(default_factory=JumlahTarget)  # the indicators the method averages: targets met / missed
    pita: Any = None  # the rating band of the overall capaian (its bounds say what the predikat means)
    evaluasi: HasilEvaluasi | None = None  # SAKIP evaluation components and their sum

    @property
    def semua_indikator(self) -> list[HasilIndikator]:
        return [i for s in self.sasaran for i in s.indikator]


def hitung_indikator(ind: Indikator, jalur: tuple, sas: Sasaran | None, lap: Laporan, metode: Metode, anggaran: HasilAnggaran, sebelumnya: dict[int, tuple[Laporan, dict[str, Indikator]]]) -> HasilIndikator:
    y = lap.tahun
    pk = lap.perjanjian_kinerja
    target_pk = pk.target.get(ind.id) if pk else None
    target_pk_p = pk.perubahan.target.get(ind.id) if pk and pk.perubahan else None
    # performance is measured against the (latest) Perjanjian Kinerja target; without one, the plan's target
    target = next((t for t in (target_pk_p, target_pk, ind.target.get(y)) if t is not None), None)
    cap = capaian(target, ind.realisasi.get(y), ind.arah, metode)
    # history: this file's values, replaced by an earlier year's own file when it exists
    years = sorted({*ind.target, *ind.realisasi} - {y})
    for ty, (_, ids) in sebelumnya.items():
        if ind.id in ids and ty < y:
            years = sorted({*years, ty})
    riwayat: list[HasilTahun] = []
    for ty in years:
        if ty > y:
            continue
        t, r, src = ind.target.get(ty), ind.realisasi.get(ty), "laporan ini"
        if ty in sebelumnya and ind.id in sebelumnya[ty][1]:
            old = sebelumnya[ty][1][ind.id]
            t = old.target.get(ty, t)
            r = old.realisasi.get(ty, r)
            src = f"LKIP {ty}"
        riwayat.append(HasilTahun(ty, t, r, capaian(t, r, ind.arah, metode), src))
    prev = next((h for h in reversed(riwayat) if h.tahun == y - 1), None)
    r_now = ind.realisasi.get(y)
    if prev is not None and isinstance(prev.realisasi, Decimal) and isinstance(r_now, Decimal):
        d_real = _hasil(r_now - prev.realisasi, metode.pembulatan)
    else:
        d_real = Hasil(alasan="realisasi tahun lalu tidak ada")
    if prev is not None and prev.capaian.ada and cap.ada:
        d_cap = _hasil(cap.nilai - prev.capaian.nilai, metode.pembulatan)  # type: ignore[operator]
    else:
        d_cap = Hasil(alasan="capaian tahun lalu tidak ada")
    renstra = capaian(ind.target_akhir_renstra, r_now, ind.arah, metode) if ind.target_akhir_renstra is not None else Hasil(alasan="target akhir Renstra tidak ada")
    serap, nodes = gabung_penyerapan(ind.anggaran, anggaran, metode)
    eff, eff_teks = efisiensi(cap, serap, metode)
    cap_batas = batasi(cap.nilai, metode)
    ordinal = isinstance(target, str) or isinstance(ind.realisasi.get(y), str)
    return HasilIndikator(
        model=ind, jalur=jalur, sasaran=sas, target=target, realisasi=ind.realisasi.get(y), capaian=cap, capaian_batas=cap_batas,
        predikat=nilai_predikat(cap.nilai, metode), renstra=renstra, riwayat=riwayat,
        perubahan_realisasi=d_real, perubahan_capaian=d_cap, penyerapan=serap, anggaran=nodes,
        efisiensi=eff, efisiensi_teks=eff_teks, target_pk=target_pk if target_pk is not None else ind.target.get(y), target_pk_perubahan=target_pk_p,
        status=status_target(cap, ordinal, metode), triwulan=hitung_triwulan(ind, metode), efisiensi_kategori=kategori_efisiensi(eff, metode),
        pagu=jumlah_anggaran(nodes)[0] if nodes else None, realisasi_anggaran=jumlah_anggaran(nodes)[1] if nodes else None,
    )


def _dihitung(h: HasilIndikator, metode: Metode) -> bool:
    return metode.agregasi.cakupan == "semua" or h.model.iku


def batas_tampil(x: Decimal | None, metode: Metode) -> Decimal | None:
    """A capaian capped by the method's limits for the predikat, rounded as shown."""
    return bulat(batasi(x, metode), metode.pembulatan) if x is not None else None


def hitung_jumlah(lap: Laporan, indikator: list[HasilIndikator], per_predikat: dict[str, int]) -> Jumlah:
    prog = lap.anggaran.program
    return Jumlah(indikator_berpredikat=sum(per_predikat.values()), sasaran=sum(1 for s in lap.sasaran if s.tingkat == "strategis"), iku=sum(1 for i in indikator if i.model.iku), indikator=len(indikator),
                  program=len(prog), kegiatan=sum(len(p.kegiatan) for p in prog), sub_kegiatan=sum(len(k.sub_kegiatan) for p in prog for k in p.kegiatan))


def hitung_pegawai(lap: Laporan) -> list[HasilPegawai]:
    out = []
    for tp in lap.pegawai.tabel if lap.pegawai else []:
        n = len(tp.kolom)
        rows = [list(r.nilai[:n]) + [None] * (n - len(r.nilai[:n])) for r in tp.baris]
        kolom = [sum(row[c] or 0 for row in rows) for c in range(n)]
        out.append(HasilPegawai([sum(v or 0 for v in r.nilai) for r in tp.baris], kolom, sum(kolom)))
    return out


def hitung_rincian_anggaran(lap: Laporan, metode: Metode) -> tuple[list[HasilBaris], Decimal, Decimal | None, list[HasilBaris]]:
    """Spending by type (absorption, share of the types' total pagu) and by funding source (absorption)."""
    items = lap.anggaran.belanja_per_jenis
    daun = [x for x in items if not x.rincian]  # subtotal rows are sums of other rows: never counted twice
    total = sum((x.pagu for x in daun if x.pagu is not None), D(0))
    by_jenis: dict[str, Any] = {}
    for x in daun:
        by_jenis.setdefault(x.jenis, x)
    jenis = []
    for x in items:
        anak = [by_jenis[n] for n in x.rincian if n in by_jenis]
        pagu, real_x = (_sum([a.pagu for a in anak]), _sum([a.realisasi for a in anak])) if x.rincian else (x.pagu, x.realisasi)
        jenis.append(HasilBaris(penyerapan(pagu, real_x, metode), bulat(_div(pagu * 100, total), metode.pembulatan_anggaran) if pagu is not None and total else None,
                                pagu, real_x, bool(x.rincian)))
    real = [x.realisasi for x in daun if x.realisasi is not None]
    dana = [HasilBaris(penyerapan(x.pagu, x.realisasi, metode)) for x in lap.anggaran.sumber_dana]
    return jenis, total, (sum(real, D(0)) if real else None), dana


def hitung_tahun_lalu(lap: Laporan, metode: Metode, ang: HasilAnggaran, lalu: "HasilLaporan | None") -> HasilTahunLalu | None:
    if lalu is not None and lalu.anggaran.program:
        pa = lalu.anggaran
        prev = HasilTahunLalu(lalu.tahun, pa.pagu_efektif, pa.realisasi, pa.penyerapan, True, None)
    elif lap.anggaran.tahun_lalu:
        tl = lap.anggaran.tahun_lalu
        prev = HasilTahunLalu(tl.tahun, tl.pagu, tl.realisasi, penyerapan(tl.pagu, tl.realisasi, metode), False, None)
    else:
        return None
    if prev.penyerapan.ada and ang.penyerapan.ada:
        prev.perubahan = ang.penyerapan.tampil - prev.penyerapan.tampil  # type: ignore[operator]
    return prev


def hitung(lap: Laporan, metode: Metode, sebelumnya: dict[int, Laporan] | None = None, lalu: "HasilLaporan | None" = None) -> HasilLaporan:
    """Compute every derived value of one report. ``sebelumnya`` holds the same agency's earlier years, ``lalu``
    the computed report of the year before (its budget is shown beside this year's)."""
    prev = {t: (l, {i.id: i for s in l.sasaran for i in s.indikator} | {i.id: i for t_ in (l.renstra.tujuan if l.renstra else []) for i in t_.indikator}) for t, l in (sebelumnya or {}).items()}
    ang = hitung_anggaran(lap, metode)
    batas_dulu = metode.agregasi.batas == "sebelum"
    sasaran: list[HasilSasaran] = []
    for i, s in enumerate(lap.sasaran):
        inds = [hitung_indikator(ind, ("sasaran", i, "indikator", j), s, lap, metode, ang, prev) for j, ind in enumerate(s.indikator)]
        counted = [h for h in inds if _dihitung(h, metode)]
        mean = rata_rata([h.capaian.nilai for h in counted], metode, batas_dulu)
        if inds and not counted:  # it has indicators, none of them in the average: say why (not "no indicator")
            mean = Hasil(alasan="indikatornya bukan IKU; metode hanya merata-rata IKU (agregasi.cakupan: iku)")
        # a sasaran's budget: its own program links, else the union of its indicators' links
        ids = list(s.program) or list(dict.fromkeys(a for h in inds for a in h.model.anggaran))
        serap, nodes = gabung_penyerapan(ids, ang, metode)
        eff, eff_teks = efisiensi(mean, serap, metode)
        pagu, real = jumlah_anggaran(nodes) if nodes else (None, None)
        sasaran.append(HasilSasaran(s, ("sasaran", i), inds, mean, nilai_predikat(mean.nilai, metode), serap, eff, eff_teks, efisiensi_kategori=kategori_efisiensi(eff, metode),
                                    pagu=pagu, realisasi_anggaran=real, anggaran=nodes))
    tujuan_inds = []
    if lap.renstra:
        for i, t in enumerate(lap.renstra.tujuan):
            tujuan_inds += [hitung_indikator(ind, ("renstra", "tujuan", i, "indikator", j), None, lap, metode, ang, prev) for j, ind in enumerate(t.indikator)]
    if metode.agregasi.dasar == "indikator":
        overall = rata_rata([h.capaian.nilai for s in sasaran for h in s.indikator if _dihitung(h, metode)], metode, batas_dulu)
    else:
        overall = rata_rata([s.capaian.nilai for s in sasaran if s.indikator], metode, batas_dulu)
    counts: dict[str, int] = {}
    if metode.skala is not None:
        for p in metode.skala.pita:
            counts[p.predikat] = 0
        for s in sasaran:
            for h in s.indikator:
                if h.predikat and _dihitung(h, metode):
                    counts[h.predikat] += 1
    for hi in tujuan_inds + [h for x in sasaran for h in x.indikator]:
        hi.dirata = _dihitung(hi, metode)
        hi.capaian_batas_tampil = batas_tampil(hi.capaian.nilai, metode) if hi.capaian.ada else None
    for x in sasaran:
        x.capaian_batas_tampil = batas_tampil(x.capaian.nilai, metode) if x.capaian.ada else None
        x.target = hitung_target(h for h in x.indikator if h.dirata)
    jenis, jenis_pagu, jenis_real, dana = hitung_rincian_anggaran(lap, metode)
    return HasilLaporan(lap.tahun, metode, sasaran, tujuan_inds, overall, nilai_predikat(overall.nilai, metode, keseluruhan=True), ang, counts,
                        jumlah=hitung_jumlah(lap, [h for x in sasaran for h in x.indikator], counts),
                        keseluruhan_batas=batas_tampil(overall.nilai, metode) if overall.ada else None,
                        pegawai=hitung_pegawai(lap), belanja_jenis=jenis, belanja_jenis_pagu=jenis_pagu, belanja_jenis_realisasi=jenis_real,
                        sumber_dana=dana, tahun_lalu=hitung_tahun_lalu(lap, metode, ang, lalu),
                        target=hitung_target(h for x in sasaran for h in x.indikator if h.dirata), pita=pita_predikat(overall.nilai, metode, keseluruhan=True),
                        evaluasi=hitung_evaluasi(lap, metode))
