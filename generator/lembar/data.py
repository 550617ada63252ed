"""An agency's data as plain Python (the loader's exact values), and the rows each sheet shows of it.

Shared by the template writer and the importer so that both directions agree on what each cell means:
what :func:`baris_rencana` writes in a column is exactly what the importer reads back into that key.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..load import load_file

_YEAR_FILE = re.compile(r"^(\d{4})\.ya?ml$")


@dataclass
class BerkasTahun:
    """The YAML file(s) of one report year: which top-level key lives in which file."""

    paths: list[Path]
    data: dict[str, Any]
    pemilik: dict[str, Path] = field(default_factory=dict)


def berkas_tahun(folder: Path, tahun: int) -> list[Path]:
    for ext in (".yaml", ".yml"):
        p = folder / f"{tahun}{ext}"
        if p.is_file():
            return [p]
    d = folder / str(tahun)
    if d.is_dir():
        return sorted(p for p in d.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file() and not p.name.startswith("."))
    return []


def muat_tahun(folder: Path, tahun: int, root: Path) -> BerkasTahun | None:
    paths = berkas_tahun(folder, tahun)
    if not paths:
        return None
    data: dict[str, Any] = {}
    pemilik: dict[str, Path] = {}
    for p in paths:
        doc = load_file(p, _rel(p, root))
        if isinstance(doc.data, dict):
            for k, v in doc.data.items():
                data.setdefault(k, v)
                pemilik.setdefault(k, p)
    return BerkasTahun(paths, data, pemilik)


def tahun_tersedia(folder: Path) -> list[int]:
    out = set()
    for p in folder.iterdir() if folder.is_dir() else []:
        if p.is_file() and (m := _YEAR_FILE.match(p.name)):
            out.add(int(m[1]))
        elif p.is_dir() and re.fullmatch(r"\d{4}", p.name):
            out.add(int(p.name))
    return sorted(out)


def rencana_dari_tahun_lalu(data: dict, tahun: int) -> dict:
    """What ``lkip new year`` copies forward: the plan kept, this year's realisation empty."""
    from .. import scaffold

    plan = {k: copy.deepcopy(data[k]) for k in ("judul", "metode", "penandatangan", "renstra", "sasaran", "perjanjian_kinerja", "anggaran") if k in data}
    plan["tahun"] = tahun
    for s in plan.get("sasaran", []):
        for ind in s.get("indikator", []):
            scaffold.reset_indicator(ind)
    for t in (plan.get("renstra") or {}).get("tujuan", []):
        for ind in t.get("indikator", []):
            scaffold.reset_indicator(ind)
    ang = plan.get("anggaran") or {}
    plan["anggaran"] = {"program": [scaffold.reset_budget(p) for p in ang.get("program", [])]}
    if isinstance(plan.get("penandatangan"), dict):
        plan["penandatangan"].pop("tanggal", None)
    plan.pop("perjanjian_kinerja", None)
    return plan


def muat_instansi(root: Path, slug: str, tahun: int) -> tuple[dict, dict, str]:
    """(profil, laporan, where it came from) for the template; raises LoadError / FileNotFoundError."""
    folder = root / "agencies" / slug
    if not (folder / "profil.yaml").is_file():
        raise FileNotFoundError(f"instansi '{slug}' tidak ada (tidak ada agencies/{slug}/profil.yaml); buat dengan: lkip new agency {slug}")
    profil = load_file(folder / "profil.yaml", _rel(folder / "profil.yaml", root)).data or {}
    bt = muat_tahun(folder, tahun, root)
    if bt is not None:
        return profil, bt.data, f"data {tahun}"
    earlier = [y for y in tahun_tersedia(folder) if y < tahun]
    if earlier:
        prev = muat_tahun(folder, earlier[-1], root)
        return profil, rencana_dari_tahun_lalu(prev.data, tahun), f"rencana {earlier[-1]} (realisasi {tahun} dikosongkan)"
    return profil, {"tahun": tahun}, "kosong"


def _rel(p: Path, root: Path) -> str:
    try:
        return str(p.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(p)


# ---------------------------------------------------------------------------------------------------
# Walking the report


def semua_indikator(lap: dict) -> list[tuple[dict, dict, str]]:
    """(indikator, parent, 'tujuan'|'sasaran') in the order of the Rencana sheet: tujuan first, then sasaran."""
    out = []
    for t in (lap.get("renstra") or {}).get("tujuan", []) or []:
        for ind in t.get("indikator", []) or []:
            out.append((ind, t, "tujuan"))
    for s in lap.get("sasaran", []) or []:
        for ind in s.get("indikator", []) or []:
            out.append((ind, s, "sasaran"))
    return out


def tahun_target(lap: dict, tahun: int) -> list[int]:
    ys = {tahun}
    per = (lap.get("renstra") or {}).get("periode") or {}
    if isinstance(per.get("awal"), int) and isinstance(per.get("akhir"), int) and 0 <= per["akhir"] - per["awal"] <= 10:
        ys.update(range(per["awal"], per["akhir"] + 1))
    for ind, _, _ in semua_indikator(lap):
        ys.update(y for y in (ind.get("target") or {}) if isinstance(y, int))
    return sorted(ys)


def tahun_realisasi(lap: dict, tahun: int) -> list[int]:
    ys = {tahun - 1, tahun}
    for ind, _, _ in semua_indikator(lap):
        ys.update(y for y in (ind.get("realisasi") or {}) if isinstance(y, int) and y <= tahun)
    return sorted(ys)


def komponen_tahun(ind: dict, peran: str, tahun: int) -> dict | None:
    for k in ind.get("komponen", []) or []:
        if k.get("peran") == peran and k.get("tahun") in (None, tahun):
            return k
    return None


def jalan_anggaran(lap: dict):
    """(node, tingkat, punya_anak) depth first: program → kegiatan → sub kegiatan."""
    for p in (lap.get("anggaran") or {}).get("program", []) or []:
        kids = p.get("kegiatan") or []
        yield p, "program", bool(kids)
        for k in kids:
            subs = k.get("sub_kegiatan") or []
            yield k, "kegiatan", bool(subs)
            for s in subs:
                yield s, "sub kegiatan", False


def ambil(d: Any, jalur: tuple) -> Any:
    for k in jalur:
        if not isinstance(d, dict):
            return None
        d = d.get(k)
    return d


def urutkan(data: Any, model: Any) -> Any:
    """Order each mapping's keys as the model declares its fields (unknown keys last), recursively.

    Only the position of *new* keys in the written YAML depends on this (existing keys keep their place), so a
    ``kode`` added to a program lands after its ``id``, not after its list of kegiatan.
    """
    import typing

    from pydantic import BaseModel

    def models(ann: Any) -> list:
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            return [ann]
        out = []
        for a in typing.get_args(ann):
            out.extend(models(a))
        return out

    if not isinstance(data, dict) or not (isinstance(model, type) and issubclass(model, BaseModel)):
        return data
    fields = model.model_fields
    order = [k for k in fields if k in data] + [k for k in data if k not in fields]
    out = {}
    for k in order:
        v = data[k]
        if k in fields:
            ann = fields[k].annotation
            ms = models(ann)
            if ms:
                m = ms[0]
                origin = typing.get_origin(ann)
                inner = [typing.get_origin(a) for a in typing.get_args(ann)]
                if isinstance(v, list):
                    v = [urutkan(x, m) for x in v]
                elif isinstance(v, dict) and (origin is dict or dict in inner) and not any(x in m.model_fields for x in v):
                    v = {kk: urutkan(x, m) for kk, x in v.items()}
                elif isinstance(v, dict):
                    v = urutkan(v, m)
        out[k] = v
    return out
