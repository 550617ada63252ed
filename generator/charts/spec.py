"""What a chart is: the texts the renderer places (:class:`Chart`) and the drawing instructions (:class:`ChartSpec`)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from .gaya import RC, versi

SUBFOLDER = "grafik"


@dataclass
class Chart:
    """What the renderer needs to place one figure; no drawing involved."""

    id: str
    posisi: str
    judul: str
    alt: str
    deskripsi: str
    kolom: list[str]
    baris: list[list[str]]
    berkas: str
    sumber: str | None = None


@dataclass
class ChartSpec:
    """A chart to draw: its :class:`Chart` texts plus neutral drawing instructions (plain JSON data)."""

    chart: Chart
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def kunci(self) -> str:
        """Cache key: hash of everything that ends up in the SVG, the style and the code version."""
        payload = {
            "id": self.chart.id,
            "alt": self.chart.alt,
            "deskripsi": self.chart.deskripsi,
            "data": self.data,
            "gaya": RC,
            "versi": versi(),
        }
        raw = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def berkas_svg(chart_id: str) -> str:
    return f"{SUBFOLDER}/{chart_id}.svg"
