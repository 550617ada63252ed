"""Reference pages generated from the model and the method presets, so the docs never drift from the code.

``field_reference()`` documents every YAML key of ``profil.yaml``, ``TAHUN.yaml`` and ``site_config/lkip.yaml``
with its type and description; ``method_reference()`` documents every method setting and preset.
"""

from __future__ import annotations

import html
import typing
from decimal import Decimal

from pydantic import BaseModel

from . import metode as metode_mod
from .format import angka
from .model import Laporan, MetodeParsial, Profil, SiteConfig
from .posisi import POSISI_BAGIAN, POSISI_ID


def _type_label(annotation) -> str:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        base = args[0]
        meta = " ".join(str(getattr(m, "__name__", "")) for m in args[1:])
        if base is Decimal:
            if "rupiah" in meta:
                return "rupiah"
            return "angka"
        if base is int and "count" in meta:
            return "bilangan bulat"
        return _type_label(base)
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        parts = [_type_label(a) for a in args if a is not type(None)]
        return " atau ".join(dict.fromkeys(parts))
    if origin is list:
        return f"daftar {_type_label(args[0])}"
    if origin is dict:
        return f"peta {_type_label(args[0])} → {_type_label(args[1])}"
    if origin is typing.Literal:
        return " / ".join(f"`{a}`" for a in args)
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
        return {str: "teks", int: "bilangan bulat", bool: "true/false", Decimal: "angka"}.get(annotation, annotation.__name__)
    return str(annotation)


def _models(root: type[BaseModel], seen: dict[str, type[BaseModel]]) -> None:
    if root.__name__ in seen:
        return
    seen[root.__name__] = root
    for f in root.model_fields.values():
        stack = [f.annotation]
        while stack:
            a = stack.pop()
            if isinstance(a, type) and issubclass(a, BaseModel):
                _models(a, seen)
            stack.extend(typing.get_args(a))


def _table(cls: type[BaseModel], contoh: dict[str, str] | None = None, judul: str | None = None) -> str:
    """Pipe table of a model's keys; ``contoh`` adds a column of real values (``Class.field`` → YAML text)."""
    rows = [f"Tabel: {judul or 'Kunci ' + cls.__name__}", ""]
    if contoh is None:
        rows += ["| Kunci | Jenis | Wajib | Keterangan |", "|---|---|---|---|"]
    else:
        rows += ["| Kunci | Jenis | Wajib | Keterangan | Contoh dari data |", "|---|---|---|---|---|"]
    for name, f in cls.model_fields.items():
        desc = (f.description or "").replace("|", "\\|")
        wajib = "ya" if f.is_required() else "tidak"
        row = f"| `{name}` | {_type_label(f.annotation)} | {wajib} | {html.escape(desc, quote=False) or '–'} |"
        if contoh is not None:
            ex = contoh.get(f"{cls.__name__}.{name}")
            row += f" {_kode(ex)} |" if ex else " – |"
        rows.append(row)
    return "\n".join(rows)


def _kode(text: str) -> str:
    """A Markdown code span (its content is never parsed: data from YAML stays text) safe in a pipe table cell."""
    import re

    fence = "`" * (max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    return f"{fence} {text.replace('|', '¦')} {fence}"


# ---------------------------------------------------------------------------------------------------
# Examples taken from the agencies' own YAML (so the reference shows real values of this portal)

CONTOH_MAKS = 90  # characters per example


def _polos(x):
    if isinstance(x, dict):
        return {_polos(k): _polos(v) for k, v in list(x.items())[:6]}
    if isinstance(x, list):
        return [_polos(v) for v in x[:3]]
    if isinstance(x, Decimal):
        return int(x) if x == x.to_integral_value() and "." not in str(x) else float(str(x))
    if isinstance(x, (str, int, float, bool)) or x is None:
        return x
    return str(x)


def _cuplik(value) -> str:
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: ~8× faster, same text once "..." is dropped
    text = yaml.dump(_polos(value), Dumper=dumper, default_flow_style=True, allow_unicode=True, sort_keys=False, width=10_000).strip()
    text = text.removesuffix("\n...").strip()
    text = " ".join(text.split())
    return text if len(text) <= CONTOH_MAKS else text[: CONTOH_MAKS - 1].rstrip() + "…"


def kumpulkan_contoh(cls: type[BaseModel], data, out: dict[str, str], depth: int = 0) -> None:
    """Walk raw YAML ``data`` alongside the model ``cls``; record the first value seen for each ``Class.field``."""
    if not isinstance(data, dict) or depth > 12:
        return
    for name, f in cls.model_fields.items():
        key = f.alias or name
        if key not in data or data[key] in (None, "", [], {}):
            continue
        value = data[key]
        if f"{cls.__name__}.{name}" not in out:  # the first value only: dumping every value cost half the render time
            out[f"{cls.__name__}.{name}"] = _cuplik(value)
        subs: list[type[BaseModel]] = []
        stack = [f.annotation]
        while stack:
            a = stack.pop()
            if isinstance(a, type) and issubclass(a, BaseModel):
                subs.append(a)
            else:
                stack.extend(typing.get_args(a))
        if not subs:
            continue
        items = value if isinstance(value, list) else list(value.values()) if isinstance(value, dict) and not any(k in value for k in subs[0].model_fields) else [value]
        for item in items[:50]:
            for sub in subs:
                kumpulkan_contoh(sub, item, out, depth + 1)


def contoh_instansi(inst) -> dict[str, str]:
    """Examples from one agency (validate.Instansi): its profile and every report year."""
    out: dict[str, str] = {}
    kumpulkan_contoh(Profil, inst.profil_dokumen.data, out)
    for _tahun, b in sorted(inst.laporan.items(), reverse=True):
        for doc in b.dokumen:
            kumpulkan_contoh(Laporan, doc.data, out)
    return out


def field_reference(contoh: dict[str, str] | None = None) -> str:
    """Every YAML key; with ``contoh`` (see :func:`contoh_instansi`) a column of real values from the data."""
    out = [
        "# Format data (setiap kunci YAML)",
        "",
        "Halaman ini dibuat otomatis dari model data (`generator/model.py`), jadi selalu sesuai dengan validasi.",
        "Angka ditulis sebagai angka YAML: `92.90` (titik desimal, tanpa tanda persen), `25493311518` (tanpa pemisah ribuan).",
        "Teks naratif boleh memakai Markdown (paragraf, daftar, huruf tebal/miring); HTML ditampilkan sebagai teks biasa.",
        "",
    ]
    for title, root in (("Berkas tahun laporan `agencies/SLUG/TAHUN.yaml`", Laporan), ("Profil instansi `agencies/SLUG/profil.yaml`", Profil), ("Pengaturan situs `site_config/lkip.yaml`", SiteConfig)):
        out += [f"## {title}", "", _table(root, contoh, f"Kunci teratas {title.split('`')[1]}"), ""]
    out += [posisi_reference(), "", narasi_reference(), ""]
    seen: dict[str, type[BaseModel]] = {}
    for root in (Laporan, Profil, SiteConfig):
        _models(root, seen)
    out += ["## Bagian-bagian", ""]
    for name in sorted(seen):
        if name in ("Laporan", "Profil", "SiteConfig"):
            continue
        cls = seen[name]
        doc = (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ else ""
        out += [f"### {name}", "", doc, "", _table(cls, contoh), ""]
    return "\n".join(out)


def narasi_reference() -> str:
    """The narrative file names (``TAHUN/narasi/<name>.md``) and the ``narasi`` key each one fills."""
    from .validate import NARASI_BERKAS

    rows = [
        "## Narasi sebagai berkas Markdown",
        "",
        "Setiap kunci `narasi` boleh ditulis sebagai berkas Markdown di folder `agencies/SLUG/TAHUN/narasi/` (di samping",
        "`TAHUN.yaml`, atau di dalam folder `TAHUN/`) alih-alih teks di YAML. Nama berkas lain ditolak; satu bagian tidak",
        "boleh ditulis di YAML dan sebagai berkas sekaligus.",
        "",
        "Tabel: Nama berkas narasi dan kunci yang diisinya",
        "",
        "| Berkas | Kunci |",
        "|---|---|",
    ]
    rows += [f"| `{name}` | `narasi.{field}` |" for name, field in NARASI_BERKAS.items()]
    return "\n".join(rows)


_BAB = {"bab1": "BAB I", "bab2": "BAB II", "bab3": "BAB III", "bab4": "BAB IV"}


def posisi_reference() -> str:
    """Every valid ``posisi`` of a table, chart, photo or extra section (generator/posisi.py), one row each."""
    rows = [
        "## Nilai `posisi`",
        "",
        "Kunci `posisi` pada `tabel`, `grafik`, `foto` dan `bagian_tambahan` menentukan di mana blok itu tampil. Hanya",
        "nilai berikut yang sah; nilai lain (mis. salah ketik `bab3.realisasi_angaran`) ditolak `lkip validate` dengan",
        "daftar nilai yang benar — blok tidak pernah dipindahkan diam-diam.",
        "",
        "Tabel: Nilai posisi yang sah",
        "",
        "| `posisi` | Letak blok |",
        "|---|---|",
        "| `ringkasan` | Ringkasan Eksekutif |",
        "| `kata_pengantar` | Kata Pengantar |",
    ]
    for bab, bagian in POSISI_BAGIAN.items():
        rows.append(f"| `{bab}` | akhir {_BAB.get(bab, bab)} |")
        rows += [f"| `{bab}.{k}` | {_BAB.get(bab, bab)}, setelah bagian *{k.replace('_', ' ')}* |" for k in bagian]
    rows += [
        "| `lampiran` | Lampiran |",
        "| `lampiran.<grup>` | Lampiran, dikelompokkan per grup, mis. `lampiran.dokumentasi` (nama grup bebas) |",
    ]
    rows += [f"| `{k}:<id>` | setelah uraian {k} dengan id itu, mis. `{k}:{ {'indikator': 'iku-pelatihan', 'sasaran': 'ss1', 'tujuan': 't1'}.get(k, 'x')}` (id harus ada) |" for k in POSISI_ID]
    return "\n".join(rows)


def _pita_text(p) -> str:
    lo = "−∞" if p.bawah is None else angka(p.bawah)
    hi = "∞" if p.atas is None else angka(p.atas)
    left = "[" if p.bawah is not None and p.bawah_inklusif else "("
    right = "]" if p.atas is not None and p.atas_inklusif else ")"
    return f"{left}{lo}; {hi}{right}"


def method_reference() -> str:
    out = [
        "# Pengaturan metode perhitungan",
        "",
        "Metode bawaan ditulis di `site_config/lkip.yaml` di bawah `metode:`; setiap laporan dapat menimpanya dengan",
        "`metode:` di berkas tahunnya. Urutan penerapan: bawaan program → preset → nilai yang ditulis.",
        "",
        _table(MetodeParsial, None, "Pengaturan metode"),
        "",
        "## Preset",
        "",
        "Tabel: Preset metode dan laporan yang memakainya",
        "",
        "| Preset | Dipakai oleh |",
        "|---|---|",
    ]
    for name, text in metode_mod.PRESET_KETERANGAN.items():
        out.append(f"| `{name}` | {text} |")
    out += ["", "## Skala predikat", "", "Tanda `[` / `]` berarti batas termasuk, `(` / `)` berarti tidak termasuk.", ""]
    for name, s in metode_mod.SKALA.items():
        out += [f"### `{name}` — {s.nama}", "", s.sumber or "", "", f"Tabel: Skala {name}", "", "| Predikat | Kode | Rentang capaian |", "|---|---|---|"]
        for p in s.pita:
            out.append(f"| {p.predikat} | {p.kode or '–'} | {_pita_text(p)} |")
        problems = metode_mod.periksa_skala(s)
        if problems:
            out += ["", "Skala ini **tidak lengkap** sebagaimana tercetak: " + "; ".join(m for _, m in problems) + ". Pemakaiannya ditolak oleh `lkip validate`."]
        out.append("")
    return "\n".join(out)
