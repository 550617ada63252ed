"""Layout without a layout engine: place the axes, make room for value labels, rotate or drop what would collide,
name the rating bands that fit. Extents are measured on the Agg renderer (same font metrics as the SVG)."""

from __future__ import annotations

from .gaya import FONT_KECIL, TEKS

_RENDERERS: dict[float, object] = {}


def renderer(fig):
    """One Agg renderer per dpi for every chart of the process: text extents depend only on text, font and dpi, and
    matplotlib caches them per renderer, so tick labels, legends and value labels measured for an earlier chart
    are not measured again."""
    r = _RENDERERS.get(fig.dpi)
    if r is None:
        from matplotlib.backends.backend_agg import RendererAgg

        r = _RENDERERS[fig.dpi] = RendererAgg(1, 1, fig.dpi)
    return r


def overlap(boxes: list, gap: float = 2.0) -> bool:
    """Whether any two boxes (display px) overlap or come closer than ``gap``."""
    boxes = [b.expanded(1.0, 1.0).padded(gap / 2) for b in boxes if b is not None]
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            if boxes[i].overlaps(boxes[j]):
                return True
    return False


def _letak(fig, ax, leg, r) -> None:
    """Place the axes so its tick labels, axis label, value labels and the legend fit the figure (pixels)."""
    pad = 5.0
    fw, fh = fig.bbox.width, fig.bbox.height
    ab = ax.get_window_extent(r)
    tb = ax.get_tightbbox(r)
    top_reserved = leg.get_window_extent(r).height + pad if leg is not None else 0.0
    left = max(pad, ab.x0 - tb.x0 + pad)
    right = max(pad, tb.x1 - ab.x1 + pad)
    bottom = max(pad, ab.y0 - tb.y0 + pad)
    top = max(pad, tb.y1 - ab.y1 + pad) + top_reserved
    w = max(fw * 0.3, fw - left - right)
    h = max(fh * 0.3, fh - bottom - top)
    ax.set_position([left / fw, bottom / fh, w / fw, h / fh])


def _headroom(ax, arah: str, labels_artists, setlim, lo: float, hi: float, ordinal: bool, r) -> tuple[float, float]:
    """Widen the value range just enough that every end/point label lies inside the axes box.

    A label ``L`` px long past a mark at value ``v`` fits when ``(v − lo)/(hi − lo)·S + L ≤ S`` (``S`` = axes size
    in px), i.e. ``hi ≥ lo + (v − lo)·S/(S − L)``; likewise below ``lo`` for negative marks.
    """
    box = ax.get_window_extent(r)
    S = box.width if arah == "h" else box.height
    if S <= 0:
        return lo, hi
    for _ in range(2):
        need_hi, need_lo = hi, lo
        for kind, t in labels_artists:
            if kind == "seg":
                continue
            bb = t.get_window_extent(r)
            x, y = t.xy
            v = x if arah == "h" else y
            anchor = ax.transData.transform((x, y))[0 if arah == "h" else 1]
            far, near = (bb.x1, bb.x0) if arah == "h" else (bb.y1, bb.y0)
            if v >= 0:
                L = max(0.0, far - anchor) + 3
                L = min(L, 0.7 * S)
                need_hi = max(need_hi, lo + (v - lo) * S / (S - L))
            elif not ordinal:
                L = max(0.0, anchor - near) + 3
                L = min(L, 0.7 * S)
                need_lo = min(need_lo, hi - (hi - v) * S / (S - L))
        if need_hi <= hi + 1e-12 and need_lo >= lo - 1e-12:
            break
        hi, lo = need_hi, need_lo
        setlim(lo, hi)
    return lo, hi


def fit(fig, ax, leg, arah: str, labels_artists, band_texts, setlim, lo: float, hi: float, ordinal: bool) -> None:
    """Lay out, make room for value labels, rotate what would overlap, name the rating bands that fit.

    No layout engine and no draw: extents are measured on the Agg renderer (same font metrics as the SVG), so
    ``savefig`` draws the figure exactly once.
    """
    r = renderer(fig)
    for _kind, t in labels_artists:
        t.set_in_layout(False)
    _letak(fig, ax, leg, r)
    ends = [t for kind, t in labels_artists if kind == "end"]
    if arah == "v":
        # value labels side by side that collide → vertical text
        if overlap([t.get_window_extent(r) for t in ends]):
            for t in ends:
                neg = t.xyann[1] < 0
                t.set_rotation(90)
                t.set_rotation_mode("anchor")
                t.set_ha("right" if neg else "left")
                t.set_va("center")
                t.xyann = (0, -3 if neg else 3)
            if overlap([t.get_window_extent(r) for t in ends], gap=0.5):
                # too many bars for readable labels even vertically: the data table carries the values
                for t in ends:
                    t.remove()
                labels_artists[:] = [(k, t) for k, t in labels_artists if t not in ends]
        # category tick labels that collide → slanted
        ticks = [t for t in ax.get_xticklabels() if t.get_text()]
        if overlap([t.get_window_extent(r) for t in ticks]):
            for t in ax.xaxis.get_major_ticks():
                t.label1.set_rotation(30)
                t.label1.set_ha("right")
                t.label1.set_rotation_mode("anchor")
    # line labels that would fall below the axes go above their marker instead
    box = ax.get_window_extent(r)
    for kind, t in labels_artists:
        if kind == "pt" and t.get_window_extent(r).y0 < box.y0:
            t.xyann = (0, 6)
            t.set_ha("center")
            t.set_va("bottom")
    val_ticks = ax.get_xticklabels if arah == "h" else ax.get_yticklabels
    lo, hi = _headroom(ax, arah, labels_artists, setlim, lo, hi, ordinal, r)
    for _ in range(2):  # margins depend on the value ticks, which depend on the range: settle both
        before = [t.get_text() for t in val_ticks()]
        _letak(fig, ax, leg, r)
        lo, hi = _headroom(ax, arah, labels_artists, setlim, lo, hi, ordinal, r)
        if [t.get_text() for t in val_ticks()] == before:
            break
    size = ax.get_window_extent(r).width if arah == "h" else ax.get_window_extent(r).height
    # stacked segment labels that do not fit their segment are removed (the total and the table carry them)
    for kind, t in labels_artists:
        if kind == "seg":
            bb = t.get_window_extent(r)
            rb = t._lkip_rect.get_window_extent(r)  # type: ignore[attr-defined]
            if bb.width > rb.width + 1 or bb.height > rb.height + 1:
                t.remove()
    # band names: full name if it fits, else the short code, else left out (each bar label names its predikat)
    if band_texts:
        view_lo, view_hi = (ax.get_xlim() if arah == "h" else ax.get_ylim())
        for p, b_lo, b_hi in band_texts:
            a, z = max(b_lo, view_lo), min(b_hi, view_hi)
            if z <= a:
                continue
            mid = (a + z) / 2
            room = (z - a) / (view_hi - view_lo) * size
            for cand in [p["label"], p.get("kode")]:
                if not cand:
                    continue
                if arah == "h":
                    t = ax.text(mid, 0.995, cand, transform=ax.get_xaxis_transform(), ha="center", va="top", fontsize=FONT_KECIL, color=TEKS, zorder=1.5)
                else:
                    t = ax.text(0.005, mid, cand, transform=ax.get_yaxis_transform(), ha="left", va="center", fontsize=FONT_KECIL, color=TEKS, zorder=1.5)
                bb = t.get_window_extent(r)
                if (bb.width if arah == "h" else bb.height) + 4 <= room:
                    break
                t.remove()
