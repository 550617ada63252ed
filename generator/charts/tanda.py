"""The marks of a chart and their direct value labels: bars (side by side or stacked) and lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .gaya import FONT_KECIL, GAYA, LATAR, TEKS
from .teks import tick_text


@dataclass
class Kanvas:
    """One figure being built: its axes, orientation, category positions and what the layout needs later."""

    fig: Any
    ax: Any
    arah: str  # "h": horizontal bars (categories on y), "v": vertical
    bentuk: str  # "batang", "tumpuk" (stacked) or "garis"
    pos: list[int]
    labels_artists: list[tuple[str, Any]] = field(default_factory=list)  # ("end"|"seg"|"pt", text) kept inside the axes
    handles: list[Any] = field(default_factory=list)  # legend entries


def _gaya(i: int):
    return GAYA[i % len(GAYA)]


def gambar_batang(kv: Kanvas, seri: list[dict], jenis: str) -> None:
    """Bars of every series (hatched, outlined) with a value label at each bar's end or inside each segment."""
    from matplotlib.patches import Patch

    ax, arah, bentuk, pos = kv.ax, kv.arah, kv.bentuk, kv.pos
    n, k = len(pos), len(seri)
    width = 0.8 / (k if bentuk == "batang" else 1)
    if k == 1:
        width = 0.6
    base = [0.0] * n
    for si, s in enumerate(seri):
        color, face, hatch, _m, _ls = _gaya(s["gaya"])
        off = (si - (k - 1) / 2) * width if bentuk == "batang" else 0.0
        # (horizontal axes are inverted, so a negative offset puts the first series on top)
        xs, hs, bs, labs = [], [], [], []
        for ci, v in enumerate(s["nilai"]):
            if v is None:
                continue
            xs.append(pos[ci] + off)
            hs.append(v)
            bs.append(base[ci] if bentuk == "tumpuk" else 0.0)
            labs.append((ci, s["label"][ci]))
        kw = dict(color=face, edgecolor=color, linewidth=1.2, hatch=hatch, label=s["nama"], zorder=2)
        bars = (ax.barh(xs, hs, height=width, left=bs, **kw) if arah == "h" else ax.bar(xs, hs, width=width, bottom=bs, **kw))
        kv.handles.append(Patch(facecolor=face, edgecolor=color, hatch=hatch, linewidth=1.2, label=s["nama"]))
        for rect, (ci, text) in zip(bars.patches, labs):
            if text:
                _label_batang(kv, rect, text, s["nilai"][ci])
        if bentuk == "tumpuk":
            for ci, v in enumerate(s["nilai"]):
                if v is not None:
                    base[ci] += v
    if bentuk == "tumpuk" and k > 1:
        _total_tumpukan(kv, seri, base, jenis)


def _label_batang(kv: Kanvas, rect, text: str, v: float) -> None:
    ax = kv.ax
    if kv.bentuk == "tumpuk":
        # label segments inside, centred; dropped later if they do not fit
        cx = rect.get_x() + rect.get_width() / 2
        cy = rect.get_y() + rect.get_height() / 2
        t = ax.text(cx, cy, text, ha="center", va="center", fontsize=FONT_KECIL, color=TEKS, zorder=4,
                    bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.9))
        t._lkip_rect = rect  # type: ignore[attr-defined]
        kv.labels_artists.append(("seg", t))
        return
    if kv.arah == "h":
        end = rect.get_x() + rect.get_width()
        t = ax.annotate(text, (end, rect.get_y() + rect.get_height() / 2), xytext=(3 if v >= 0 else -3, 0), textcoords="offset points",
                        ha="left" if v >= 0 else "right", va="center", fontsize=FONT_KECIL, zorder=4, bbox=LATAR)
    else:
        end = rect.get_y() + rect.get_height()
        t = ax.annotate(text, (rect.get_x() + rect.get_width() / 2, end), xytext=(0, 2 if v >= 0 else -2), textcoords="offset points",
                        ha="center", va="bottom" if v >= 0 else "top", fontsize=FONT_KECIL, zorder=4, bbox=LATAR)
    kv.labels_artists.append(("end", t))


def _total_tumpukan(kv: Kanvas, seri: list[dict], base: list[float], jenis: str) -> None:
    """Bold total on top of each stack."""
    ax, pos = kv.ax, kv.pos
    for ci in range(len(pos)):
        if any(s["nilai"][ci] is not None for s in seri):
            tot = base[ci]
            text = tick_text(tot, jenis)
            if kv.arah == "h":
                t = ax.annotate(text, (tot, pos[ci]), xytext=(3, 0), textcoords="offset points", ha="left", va="center", fontsize=FONT_KECIL, fontweight="bold")
            else:
                t = ax.annotate(text, (pos[ci], tot), xytext=(0, 2), textcoords="offset points", ha="center", va="bottom", fontsize=FONT_KECIL, fontweight="bold")
            kv.labels_artists.append(("end", t))


def gambar_garis(kv: Kanvas, seri: list[dict]) -> None:
    """One line per series (own colour, dash and marker) with a value label at every point."""
    from matplotlib.lines import Line2D

    ax, pos = kv.ax, kv.pos
    for si, s in enumerate(seri):
        color, _face, _hatch, marker, ls = _gaya(s["gaya"])
        xs = [pos[i] for i, v in enumerate(s["nilai"]) if v is not None]
        ys = [v for v in s["nilai"] if v is not None]
        ax.plot(xs, ys, color=color, linestyle=ls, marker=marker, markersize=6, linewidth=1.8, label=s["nama"], zorder=3,
                markerfacecolor=color if si == 0 else "white", markeredgewidth=1.4)
        kv.handles.append(Line2D([], [], color=color, linestyle=ls, marker=marker, markersize=6, linewidth=1.8, label=s["nama"],
                                 markerfacecolor=color if si == 0 else "white", markeredgewidth=1.4))
    # label side per point: the highest series at a category above its marker, the lowest below, others right
    for ci in range(len(pos)):
        pts = sorted(((s["nilai"][ci], si) for si, s in enumerate(seri) if s["nilai"][ci] is not None), key=lambda p: (-p[0], p[1]))
        for rank, (v, si) in enumerate(pts):
            text = seri[si]["label"][ci]
            if not text:
                continue
            if rank == 0:
                xy, ha, va = (0, 6), "center", "bottom"
            elif rank == len(pts) - 1:
                xy, ha, va = (0, -6), "center", "top"
            else:
                xy, ha, va = (7, 0), "left", "center"
            t = ax.annotate(text, (pos[ci], v), xytext=xy, textcoords="offset points", ha=ha, va=va, fontsize=FONT_KECIL, zorder=4, bbox=LATAR)
            kv.labels_artists.append(("pt", t))
