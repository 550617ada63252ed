"""``lkip new agency`` and ``lkip new year``: start files a planner fills in."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from .load import LoadError, load_file

SCHEMA_LINE = "# yaml-language-server: $schema=../../build/schema/{kind}.schema.json\n"

PROFIL = """{schema}# Profil instansi: data yang tetap dari tahun ke tahun. Lihat dokumentasi "Format data".
nama: Dinas ...
nama_singkat: ...
pemda: Kabupaten ...
provinsi: ...
alamat: ...
tugas_pokok: |
  ...
fungsi:
  - ...
"""

LAPORAN = """{schema}# LKIP tahun {tahun}. Angka ditulis sebagai angka YAML: 92.90 (titik desimal), 25493311518 (tanpa pemisah ribuan).
tahun: {tahun}
metode: {{}}  # kosong: metode bawaan di site_config/lkip.yaml
penandatangan:
  nama: ...
  jabatan: Kepala Dinas
  nip: "000000000000000000"
  tempat: ...
  tanggal: {next}-02-01
narasi:
  kata_pengantar: |
    ...
sasaran: []
"""


def new_agency(root: Path, slug: str) -> int:
    if not re.match(r"^[a-z0-9][a-z0-9-]*$", slug):
        print(f"nama '{slug}' harus huruf kecil, angka dan '-' (mis. dinas-kesehatan)", file=sys.stderr)
        return 2
    folder = root / "agencies" / slug
    if folder.exists():
        print(f"{folder} sudah ada; tidak ada yang diubah.", file=sys.stderr)
        return 1
    folder.mkdir(parents=True)
    (folder / "profil.yaml").write_text(PROFIL.format(schema=SCHEMA_LINE.format(kind="profil")), encoding="utf-8")
    print(f"Dibuat {folder / 'profil.yaml'}. Lanjutkan dengan: lkip new year {slug} TAHUN")
    return 0


def new_year(root: Path, slug: str, tahun: int) -> int:
    """Copy the plan forward from the latest earlier year and empty the realisation."""
    folder = root / "agencies" / slug
    if not (folder / "profil.yaml").exists():
        print(f"instansi '{slug}' belum ada; buat dulu dengan: lkip new agency {slug}", file=sys.stderr)
        return 1
    target = folder / f"{tahun}.yaml"
    if target.exists() or (folder / str(tahun)).exists():
        print(f"{target} sudah ada; tidak ada yang diubah.", file=sys.stderr)
        return 1
    earlier = sorted(int(p.stem) for p in folder.glob("[0-9][0-9][0-9][0-9].yaml") if int(p.stem) < tahun)
    if not earlier:
        target.write_text(LAPORAN.format(schema=SCHEMA_LINE.format(kind="laporan"), tahun=tahun, next=tahun + 1), encoding="utf-8")
        print(f"Dibuat {target} (kosong; belum ada tahun sebelumnya).")
        return 0
    src = folder / f"{earlier[-1]}.yaml"
    try:
        data = load_file(src, str(src.relative_to(root))).data
    except LoadError as exc:
        print(f"tidak dapat membaca {src}: perbaiki dulu\n{exc}", file=sys.stderr)
        return 1
    plan = {k: data[k] for k in ("judul", "metode", "penandatangan", "renstra", "sasaran", "perjanjian_kinerja", "anggaran") if k in data}
    plan["tahun"] = tahun
    for s in plan.get("sasaran", []):
        for ind in s.get("indikator", []):
            reset_indicator(ind)
    for t in (plan.get("renstra") or {}).get("tujuan", []):
        for ind in t.get("indikator", []):
            reset_indicator(ind)
    if "perjanjian_kinerja" in plan:
        plan["perjanjian_kinerja"] = {k: v for k, v in plan["perjanjian_kinerja"].items() if k in ("pihak_pertama", "pihak_kedua", "judul")}
    ang = plan.get("anggaran") or {}
    plan["anggaran"] = {"program": [reset_budget(p) for p in ang.get("program", [])]}
    if isinstance(plan.get("penandatangan"), dict):
        plan["penandatangan"].pop("tanggal", None)
    text = SCHEMA_LINE.format(kind="laporan") + f"# Disalin dari {src.name}: rencana dipertahankan, realisasi dikosongkan.\n"
    text += yaml.safe_dump(plain(plan), allow_unicode=True, sort_keys=False, width=100)
    target.write_text(text, encoding="utf-8")
    print(f"Dibuat {target} dari {src.name}; isi realisasi {tahun}.")
    return 0


def reset_indicator(ind: dict) -> None:
    for k in ("tercetak", "riwayat_tercetak", "analisis", "narasi", "komponen", "pembanding"):
        ind.pop(k, None)
    # keep realisasi history, drop nothing of the plan
    ind.setdefault("realisasi", {})


def reset_budget(node: dict) -> dict:
    out = {k: v for k, v in node.items() if k in ("id", "kode", "nama", "sumber_dana")}
    if node.get("kegiatan"):
        out["kegiatan"] = [reset_budget(k) for k in node["kegiatan"]]
    elif node.get("sub_kegiatan"):
        out["sub_kegiatan"] = [reset_budget(k) for k in node["sub_kegiatan"]]
    return out


def plain(x):
    """Decimal → float-free YAML: keep exact text by converting to int or str-free numbers."""
    from decimal import Decimal

    if isinstance(x, dict):
        return {k: plain(v) for k, v in x.items()}
    if isinstance(x, list):
        return [plain(v) for v in x]
    if isinstance(x, Decimal):
        return int(x) if x == x.to_integral_value() and x.as_tuple().exponent >= 0 else _DecimalText(x)
    return x


class _DecimalText(float):
    """A float subclass whose YAML repr is the exact decimal text (92.90 stays 92.90)."""

    def __new__(cls, d):
        obj = super().__new__(cls, float(d))
        obj.text = format(d, "f")
        return obj


yaml.SafeDumper.add_representer(_DecimalText, lambda dumper, v: dumper.represent_scalar("tag:yaml.org,2002:float", v.text))

