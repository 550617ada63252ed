"""JSON Schemas of the YAML files (profile, report, site settings), for editor autocomplete and validation."""

from __future__ import annotations

import json
from pathlib import Path

from .model import Laporan, Profil, SiteConfig

SKEMA = {"profil": Profil, "laporan": Laporan, "site": SiteConfig}


def teks_skema(cls) -> str:
    return json.dumps(cls.model_json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_schemas(folder: Path) -> None:
    """Write ``{profil,laporan,site}.schema.json`` into ``folder`` (only files whose text changed)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, cls in SKEMA.items():
        text = teks_skema(cls)
        path = folder / f"{name}.schema.json"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
