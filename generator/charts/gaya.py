"""Chart style (colours, hatches, markers, sizes, matplotlib rc) and the drawing-code version; both are part of
every chart's cache key."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

# Okabe–Ito colours that keep ≥ 3:1 contrast against white (orange, sky blue and yellow do not).
BIRU, MERAH, HIJAU, UNGU, HITAM = "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000"
# (colour, face, hatch, marker, linestyle) per series index; series 0 is solid, the others outlined + hatched.
GAYA = [
    (BIRU, BIRU, None, "o", "-"),
    (MERAH, "white", "///", "s", "--"),
    (HIJAU, "white", "\\\\\\", "^", "-."),
    (UNGU, "white", "xxx", "D", ":"),
    (HITAM, "white", "...", "v", "-"),
    (BIRU, "white", "---", "P", "--"),
    (MERAH, "white", "ooo", "X", "-."),
    (HIJAU, "white", "+++", "*", ":"),
]
TEKS = "#1a1a1a"
LATAR = {"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": "none", "alpha": 0.85}  # behind value labels
ABU = "#595959"  # 7:1 on white: axes, reference lines
PITA = ["#ececec", "#ffffff"]  # rating bands: alternating tints with dark named borders
# One SVG for every screen: drawn 4 in (288 pt) wide and scaled to the column (lkip.css), so on a 360–390 px phone
# (328–358 px of column) every text of at least FONT_KECIL stays ≥ 12 px: 10,5 pt × 328/288 ≈ 12 px.
LEBAR = 4.0  # inches; 288 pt
TINGGI = 3.0
FONT = 11.0
FONT_KECIL = 10.5
RC: dict[str, Any] = {
    "svg.hashsalt": "lkip-grafik",
    "svg.fonttype": "none",
    # layout uses the DejaVu Sans bundled with matplotlib; the SVG names Verdana-like fallbacks, then sans-serif
    "font.family": ["sans-serif"],
    "font.sans-serif": ["DejaVu Sans", "Bitstream Vera Sans", "Verdana"],
    "font.size": FONT,
    "axes.labelsize": FONT,
    "xtick.labelsize": FONT,
    "ytick.labelsize": FONT,
    "legend.fontsize": FONT,
    "text.color": TEKS,
    "axes.labelcolor": TEKS,
    "axes.edgecolor": ABU,
    "xtick.color": TEKS,
    "ytick.color": TEKS,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.linewidth": 0.8,
    "grid.color": "#d9d9d9",
    "grid.linewidth": 0.6,
    "hatch.linewidth": 1.0,
    "legend.frameon": False,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "axes.facecolor": "white",
    "axes.unicode_minus": False,
    "path.simplify": True,
}

_VERSI: str | None = None


def versi() -> str:
    """Drawing-code version: the bytes of every module of this package plus the matplotlib and Babel versions
    (read without importing them). Part of every cache key, so any change to the chart code redraws."""
    global _VERSI
    if _VERSI is None:
        from importlib.metadata import version

        h = hashlib.sha256()
        for p in sorted(Path(__file__).parent.glob("*.py")):
            h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
        h.update(f"|mpl {version('matplotlib')}|babel {version('babel')}".encode())
        _VERSI = h.hexdigest()[:16]
    return _VERSI
