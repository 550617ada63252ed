"""``lkip demo-portal``: a synthetic pemda portal (N agencies × Y years) derived from the sample agencies.

Used by benchmarks and scale tests. Every agency is a real sample report with its names, numbers and budgets
varied deterministically (seeded), shifted to other years; all output validates.
"""

from __future__ import annotations

import copy
import datetime as _dt
import random
import re
import shutil
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import yaml

from .load import load_file
from .scaffold import plain

D = Decimal
_DATE_TEXT = re.compile(r"^(\d{4})(-\d{2}(-\d{2})?)$")
_YEAR_KEYS = {"tahun", "awal", "akhir", "tahun_evaluasi"}
_MONEY_KEYS = {"pagu", "pagu_perubahan", "realisasi"}

BIDANG = ["Kesehatan", "Pendidikan", "Perhubungan", "Pertanian", "Koperasi dan UKM", "Pariwisata", "Sosial",
          "Lingkungan Hidup", "Kependudukan dan Pencatatan Sipil", "Perikanan", "Perindustrian", "Perdagangan",
          "Pekerjaan Umum", "Perumahan", "Komunikasi dan Informatika", "Pemuda dan Olahraga", "Ketahanan Pangan",
          "Arsip dan Perpustakaan", "Penanaman Modal", "Pemberdayaan Masyarakat"]


def _shift(x: Any, delta: int, key: str | None = None) -> Any:
    if isinstance(x, dict):
        out = {}
        for k, v in x.items():
            nk = k + delta if isinstance(k, int) and 1990 <= k <= 2100 else k
            out[nk] = _shift(v, delta, k if isinstance(k, str) else None)
        return out
    if isinstance(x, list):
        return [_shift(v, delta, key) for v in x]
    if isinstance(x, _dt.date):
        try:
            return x.replace(year=x.year + delta)
        except ValueError:
            return x.replace(year=x.year + delta, day=28)
    if key in _YEAR_KEYS and isinstance(x, int) and not isinstance(x, bool):
        return x + delta
    if key == "tanggal" and isinstance(x, str) and (m := _DATE_TEXT.match(x)):
        return f"{int(m[1]) + delta}{m[2]}"
    return x


def _vary(x: Any, rng: random.Random, key: str | None = None) -> Any:
    """Scale money and realisasi by seeded factors, keeping every leaf's realisasi ≤ pagu."""
    if isinstance(x, dict):
        if "id" in x and any(_num(x.get(k)) for k in _MONEY_KEYS):
            x = dict(x)
            f = D(str(round(rng.uniform(0.6, 1.6), 3)))
            for k in ("pagu", "pagu_perubahan"):
                if _num(x.get(k)):
                    x[k] = (D(x[k]) * f).quantize(D(1), rounding=ROUND_HALF_UP)
            pagu = x.get("pagu_perubahan") if x.get("pagu_perubahan") is not None else x.get("pagu")
            if _num(x.get("realisasi")) and _num(pagu):
                x["realisasi"] = (D(pagu) * D(str(round(rng.uniform(0.55, 1.0), 4)))).quantize(D(1), rounding=ROUND_HALF_UP)
            x.pop("tercetak", None)
            return {k: (_vary(v, rng, k) if k not in _MONEY_KEYS else v) for k, v in x.items()}
        out = {}
        for k, v in x.items():
            if k == "realisasi" and isinstance(v, dict):
                out[k] = {yy: (_jitter(D(vv), rng) if _num(vv) else vv) for yy, vv in v.items()}
            else:
                out[k] = _vary(v, rng, k if isinstance(k, str) else None)
        return out
    if isinstance(x, list):
        return [_vary(v, rng, key) for v in x]
    return x


def _num(v: Any) -> bool:
    return isinstance(v, (int, Decimal)) and not isinstance(v, bool)


def _jitter(v: Decimal, rng: random.Random) -> Decimal:
    exp = v.as_tuple().exponent
    q = D(1).scaleb(exp if isinstance(exp, int) else 0)
    out = (v * D(str(round(rng.uniform(0.8, 1.2), 3)))).quantize(q, rounding=ROUND_HALF_UP)
    return out if out > 0 else v


def _strip_printed(x: Any) -> Any:
    """Printed values belong to the real report; synthetic data has none (so findings stay meaningful)."""
    if isinstance(x, dict):
        return {k: _strip_printed(v) for k, v in x.items() if k not in ("tercetak", "riwayat_tercetak", "total_tercetak", "jumlah_anggaran_tercetak", "jumlah_tercetak", "jumlahkan")}
    if isinstance(x, list):
        return [_strip_printed(v) for v in x]
    return x


def _dump(data: Any, path: Path, header: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + yaml.safe_dump(plain(data), allow_unicode=True, sort_keys=False, width=110), encoding="utf-8")


def demo_portal(source_root: Path, out: Path, agencies: int, years: int, seed: int = 2024) -> dict[str, int]:
    src_agencies = sorted(p for p in (source_root / "agencies").iterdir() if (p / "profil.yaml").exists())
    bases = []
    for folder in src_agencies:
        year_files = sorted(folder.glob("[0-9][0-9][0-9][0-9].yaml"))
        if year_files:
            bases.append((folder, load_file(folder / "profil.yaml").data, load_file(year_files[-1]).data))
    if not bases:
        raise SystemExit("tidak ada instansi contoh di agencies/ untuk dijadikan dasar")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for item in ("site_config", "content", "theme", "mkdocs.yml"):
        src = source_root / item
        if src.is_dir():
            shutil.copytree(src, out / item)
        elif src.exists():
            shutil.copy2(src, out / item)
    rng = random.Random(seed)
    n_reports = 0
    for k in range(agencies):
        folder, profil, laporan = bases[k % len(bases)]
        bidang = BIDANG[k % len(BIDANG)]
        slug = f"dinas-{k + 1:02d}-{re.sub(r'[^a-z0-9]+', '-', bidang.lower()).strip('-')}"
        p = copy.deepcopy(profil)
        p["nama"] = f"Dinas {bidang} (contoh {k + 1})"
        p.pop("logo", None)
        p.pop("gambar_struktur", None)
        _dump(p, out / "agencies" / slug / "profil.yaml", f"# Data sintetis dari {folder.name}\n")
        base_year = int(laporan["tahun"])
        for j in range(years):
            year = base_year - (years - 1) + j
            data = _shift(_strip_printed(copy.deepcopy(laporan)), year - base_year)
            data = _vary(data, rng)
            data.pop("foto", None)
            data["tahun"] = year
            ren = data.get("renstra")
            if ren and "periode" in ren:
                ren["periode"]["awal"] = min(ren["periode"]["awal"], year)
                ren["periode"]["akhir"] = max(ren["periode"]["akhir"], year)
            _dump(data, out / "agencies" / slug / f"{year}.yaml", f"# Data sintetis dari {folder.name}, tahun {year}\n")
            n_reports += 1
    return {"instansi": agencies, "laporan": n_reports}
