"""Building the matplotlib figure of one chart from its neutral drawing instructions (``ChartSpec.data``)."""

from __future__ import annotations

from .gaya import ABU, FONT_KECIL, HITAM, LEBAR, PITA, TEKS, TINGGI
from .tanda import Kanvas, gambar_batang, gambar_garis
from .tata_letak import fit
from .teks import tick_text, wrap


def _ukuran(d: dict) -> tuple[list[str], float]:
    """Wrapped category labels and the figure height (inches): horizontal bars grow with their categories."""
    kategori, k, bentuk = d["kategori"], len(d["seri"]), d["bentuk"]
    if d["arah"] == "h":
        wrapped = [wrap(c, 17, 4) for c in kategori]
        lines = [w.count("\n") + 1 for w in wrapped]
        per = [max(0.42, 0.19 * ln + 0.14, (0.26 * k + 0.14) if bentuk != "tumpuk" else 0.42) for ln in lines]
        return wrapped, max(2.4, 1.15 + sum(per) + (0.35 if d.get("pita") else 0) + (0.3 * ((k + 1) // 2) if k > 1 else 0))
    return [wrap(c, 10, 3) for c in kategori], TINGGI + (0.3 if k > 1 else 0) + (0.3 if k > 2 else 0)


def buat_figure(d: dict):
    """The laid-out figure of one chart (matplotlib imported here, not at module import)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    arah, bentuk = d["arah"], d["bentuk"]
    batas = d.get("batas")
    if batas is not None:  # capped value axis: bars past the cap end at it, with a break mark (labels keep the value)
        d = {**d, "seri": [{**s, "nilai": [None if v is None else min(v, batas) for v in s["nilai"]]} for s in d["seri"]]}
    wrapped, tinggi = _ukuran(d)
    fig = Figure(figsize=(LEBAR, tinggi))  # laid out by tata_letak (one tight-bbox pass), not a layout engine
    FigureCanvasAgg(fig)  # text measurement for the layout; saving as SVG switches canvas
    ax = fig.add_subplot()
    ax.set_axisbelow(True)
    ax.grid(True, axis="x" if arah == "h" else "y")
    if arah == "h":
        ax.spines["left"].set_visible(True)
    kv = Kanvas(fig, ax, arah, bentuk, list(range(len(d["kategori"]))))
    if bentuk in ("batang", "tumpuk"):
        gambar_batang(kv, d["seri"], d["sumbu"]["jenis"])
    else:  # garis
        gambar_garis(kv, d["seri"])
    _sumbu(kv, d, wrapped)
    lo, hi = _rentang_nilai(d)
    setlim = ax.set_xlim if arah == "h" else ax.set_ylim
    setlim(lo, hi)
    band_texts = _pita(kv, d.get("pita") or [])
    if d.get("pita"):
        setlim(lo, hi)  # spans must not widen the view
    acuan = d.get("acuan") or []
    _acuan(kv, acuan)
    _kosong(kv, d.get("kosong") or [])
    leg = None
    if len(d["seri"]) > 1 or (acuan and arah == "v"):
        handles = kv.handles
        ncols = len(handles) if len(handles) <= 3 and sum(len(h.get_label()) for h in handles) <= 34 else (2 if sum(len(h.get_label()) for h in handles) <= 60 else 1)
        leg = fig.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 1.0), ncols=ncols, handlelength=2.2,
                         columnspacing=1.2, handletextpad=0.5, borderaxespad=0.3)
    fit(fig, ax, leg, arah, kv.labels_artists, band_texts, setlim, lo, hi, d["sumbu"].get("tingkat") is not None)
    if batas is not None:
        _putus(kv, batas)
    return fig


def _putus(kv: Kanvas, batas: float) -> None:
    """A break mark near the end of every bar cut at the capped axis's end: two white slanted gaps ("//")."""
    if kv.arah != "h":
        return
    ax = kv.ax
    lo, hi = ax.get_xlim()
    ax.set_xticks([t for t in ax.get_xticks() if lo <= t <= batas])  # no tick past the cut
    ax.set_xlim(lo, hi)
    dx = (hi - lo) * 0.012
    x = batas - (hi - lo) * 0.05
    for rect in list(ax.patches):
        # bars only: they end exactly at the cap and are less than one category high (band spans are 1 axes high)
        if rect.get_height() >= 1 or abs(rect.get_x() + rect.get_width() - batas) > 1e-9:
            continue
        y0, y1 = rect.get_y() - 0.08, rect.get_y() + rect.get_height() + 0.08
        for off in (-1.2 * dx, 1.2 * dx):
            ax.plot([x + off - dx, x + off + dx], [y1, y0], color="white", linewidth=2.4, solid_capstyle="butt", zorder=2.5)


def _sumbu(kv: Kanvas, d: dict, wrapped: list[str]) -> None:
    """Category axis (fixed ticks, wrapped labels) and value axis (Indonesian ticks, grade ladder, axis title)."""
    from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator

    ax, arah, n = kv.ax, kv.arah, len(kv.pos)
    val_axis = ax.xaxis if arah == "h" else ax.yaxis
    cat_axis = ax.yaxis if arah == "h" else ax.xaxis
    cat_axis.set_major_locator(FixedLocator(kv.pos))
    cat_axis.set_ticklabels(wrapped)
    cat_axis.set_tick_params(length=0)
    if arah == "h":
        ax.set_ylim(n - 0.5, -0.5 - (0.55 if d.get("pita") else 0.0))
    else:
        ax.set_xlim(-0.6, n - 0.4)
    sumbu = d["sumbu"]
    jenis, tingkat = sumbu["jenis"], sumbu.get("tingkat")
    if tingkat:
        val_axis.set_major_locator(FixedLocator(list(range(1, len(tingkat) + 1))))
        val_axis.set_ticklabels(tingkat)
    else:
        whole = all(float(v).is_integer() for s in d["seri"] for v in s["nilai"] if v is not None)  # counts: no 0,5 orang ticks
        val_axis.set_major_locator(MaxNLocator(nbins=6 if arah == "v" else 5, steps=[1, 2, 2.5, 5, 10], integer=whole))
        val_axis.set_major_formatter(FuncFormatter(lambda v, _p: tick_text(v, jenis)))
    if sumbu.get("judul"):
        (ax.set_xlabel if arah == "h" else ax.set_ylabel)(sumbu["judul"])


def _rentang_nilai(d: dict) -> tuple[float, float]:
    """Value range including 0, stacked totals and reference lines, with 5 % room (grade ladders: fixed)."""
    seri, n = d["seri"], len(d["kategori"])
    tingkat = d["sumbu"].get("tingkat")
    vals = [v for s in seri for v in s["nilai"] if v is not None]
    if d["bentuk"] == "tumpuk":
        vals += [sum(s["nilai"][ci] or 0 for s in seri) for ci in range(n)]
    vals += [a["nilai"] for a in d.get("acuan") or [] if a.get("nilai") is not None]
    lo = min([0.0, *vals])
    hi = max([0.0, *vals])
    if tingkat:
        return 0.0, float(len(tingkat)) + 0.3
    if hi == lo:
        hi = lo + 1
    span = hi - lo
    hi = hi + span * 0.05 if hi > 0 else hi
    lo = lo - span * 0.05 if lo < 0 else lo
    return lo, hi


def _pita(kv: Kanvas, pita: list[dict]) -> list[tuple[dict, float, float]]:
    """Rating bands (capaian chart): alternating tints with dashed borders; named later by the layout."""
    ax, arah = kv.ax, kv.arah
    band_texts = []
    for bi, p in enumerate(pita):
        b_lo = p["bawah"] if p["bawah"] is not None else -1e9
        b_hi = p["atas"] if p["atas"] is not None else 1e9
        span_fn = ax.axvspan if arah == "h" else ax.axhspan
        span_fn(b_lo, b_hi, facecolor=PITA[bi % 2], edgecolor="none", zorder=0)
        for edge in (p["bawah"], p["atas"]):
            if edge is not None:
                (ax.axvline if arah == "h" else ax.axhline)(edge, color=ABU, linewidth=0.6, linestyle=(0, (2, 2)), zorder=1)
        band_texts.append((p, b_lo, b_hi))
    return band_texts


def _acuan(kv: Kanvas, acuan: list[dict]) -> None:
    """Reference lines: labelled above the axes (horizontal bars) or named in the legend with their value."""
    from matplotlib.lines import Line2D

    ax = kv.ax
    for a in acuan:
        if a.get("nilai") is None:
            continue
        if kv.arah == "h":
            ax.axvline(a["nilai"], color=HITAM, linewidth=1.3, zorder=3)
            ax.text(a["nilai"], 1.0, a["label"], transform=ax.get_xaxis_transform(), ha="center", va="bottom", fontsize=FONT_KECIL,
                    fontweight="bold", clip_on=False)
        else:  # named in the legend with its value (an inline label would collide with the bars' labels)
            ax.axhline(a["nilai"], color=HITAM, linewidth=1.3, linestyle=(0, (6, 3)), zorder=3)
            kv.handles.append(Line2D([], [], color=HITAM, linewidth=1.3, linestyle=(0, (6, 3)), label=a["label"]))


def _kosong(kv: Kanvas, kosong: list[str | None]) -> None:
    """Categories without data: say so in text."""
    ax, pos = kv.ax, kv.pos
    for ci, txt in enumerate(kosong):
        if txt:
            if kv.arah == "h":
                ax.annotate(wrap(txt, 48, 2), (0, pos[ci]), xytext=(3, 0), textcoords="offset points", ha="left", va="center",
                            fontsize=FONT_KECIL, style="italic", color=TEKS)
            else:
                ax.annotate(wrap(txt, 12, 3), (pos[ci], 0), xytext=(0, 3), textcoords="offset points", ha="center", va="bottom",
                            fontsize=FONT_KECIL, style="italic", color=TEKS)
