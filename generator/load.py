"""Stage 1 — load: read YAML safely into plain Python data, remembering where every value came from.

PyYAML's ``compose`` builds a node tree with line/column marks; we turn it into dicts, lists, ``int`` and
``Decimal`` ourselves (never ``float``, never Python objects from tags), detecting duplicate keys and
bounding size, depth and alias expansion. Each value's position is kept in a :class:`Posisi` map keyed by
its path, so later stages can say ``file:line:col`` for any field.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_BYTES = 5 * 1024 * 1024  # a real LKIP year file is < 200 KB; 5 MB leaves room and bounds memory
MAX_NODES = 500_000  # after alias expansion; stops "billion laughs"
MAX_DEPTH = 60  # real files nest < 10 levels

Path_ = tuple[Any, ...]


@dataclass(frozen=True)
class Lokasi:
    file: str
    line: int  # 1-based
    col: int  # 1-based

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass
class Masalah:
    """One problem found in the data, ready to print as ``file:line:col: message``."""

    lokasi: Lokasi
    pesan: str
    jalur: str = ""
    tingkat: str = "galat"  # galat (error) | peringatan (warning)

    def __str__(self) -> str:
        where = f"{self.jalur}: " if self.jalur else ""
        label = "" if self.tingkat == "galat" else "peringatan: "
        return f"{self.lokasi}: {label}{where}{self.pesan}"


class LoadError(Exception):
    def __init__(self, masalah: list[Masalah]):
        super().__init__("\n".join(map(str, masalah)))
        self.masalah = masalah


@dataclass
class Dokumen:
    """A loaded YAML document: plain data plus where each path was written."""

    file: str
    data: Any
    posisi: dict[Path_, Lokasi] = field(default_factory=dict)
    posisi_kunci: dict[Path_, Lokasi] = field(default_factory=dict)
    alir: set[Path_] = field(default_factory=set)  # paths of mappings written in flow style ``{a: 1, b: 2}``

    def lokasi(self, path: Path_, kunci: bool = False) -> Lokasi:
        """Position of the value at ``path`` (or of the nearest ancestor that exists)."""
        table = self.posisi_kunci if kunci else self.posisi
        p = tuple(path)
        while p:
            if p in table:
                return table[p]
            if p in self.posisi:
                return self.posisi[p]
            p = p[:-1]
        return self.posisi.get((), Lokasi(self.file, 1, 1))


def format_path(path: Path_) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


_YAML_MESSAGES = [
    (re.compile(r"found character '\\t' that cannot start any token"), "karakter TAB tidak boleh dipakai untuk indentasi; ganti dengan spasi"),
    (re.compile(r"found a tab character"), "karakter TAB tidak boleh dipakai untuk indentasi; ganti dengan spasi"),
    (re.compile(r"mapping values are not allowed here"), "tanda ':' tidak diharapkan di sini; bila teks memuat ': ' apit teks dengan tanda kutip, atau periksa indentasi"),
    (re.compile(r"could not find expected ':'"), "tanda ':' tidak ditemukan; setiap baris kunci ditulis 'kunci: nilai'"),
    (re.compile(r"did not find expected key"), "indentasi tidak konsisten atau tanda '-' salah tempat; periksa baris ini dan baris di atasnya"),
    (re.compile(r"did not find expected '-' indicator"), "indentasi daftar tidak konsisten; setiap butir daftar diawali '- ' pada kolom yang sama"),
    (re.compile(r"found unexpected end of stream"), "berkas berakhir sebelum teks yang diapit tanda kutip ditutup; tambahkan tanda kutip penutup"),
    (re.compile(r"found undefined alias"), "alias (*nama) belum didefinisikan dengan &nama"),
    (re.compile(r"found unknown escape character"), "karakter escape tidak dikenal di dalam tanda kutip ganda; pakai tanda kutip tunggal"),
    (re.compile(r"expected <block end>, but found"), "struktur tidak sesuai indentasi; periksa indentasi baris ini"),
    (re.compile(r"while scanning a simple key"), "baris ini tidak dapat dibaca sebagai 'kunci: nilai'; periksa tanda ':' dan indentasi"),
    (re.compile(r"expected ',' or '[}\]]', but got ':'"), "tanda ':' tidak diharapkan di dalam {…} atau […]: di sana ':' memisahkan kunci dan nilai dan ',' memisahkan butir; teks yang memuat ': ' atau ', ' harus diapit tanda kutip, mis. {tentang: \"Catatan: penting, segera\"}"),
    (re.compile(r"expected ',' or '[}\]]'"), "kurung tidak ditutup: setiap '{' perlu '}' dan setiap '[' perlu ']'"),
    (re.compile(r"expected the node content, but found '<stream end>'"), "berkas berakhir di tengah struktur; periksa kurung '[' atau '{' yang belum ditutup"),
    (re.compile(r"found unhashable key"), "kunci tidak boleh berupa daftar atau peta"),
    (re.compile(r"expected a single document"), "berkas berisi lebih dari satu dokumen ('---'); satu berkas satu dokumen"),
    (re.compile(r"special characters are not allowed"), "berkas memuat karakter kontrol yang tidak diizinkan; simpan ulang sebagai teks UTF-8"),
]


def _yaml_message(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None) or str(exc)
    for pattern, msg in _YAML_MESSAGES:
        if pattern.search(problem) or pattern.search(str(exc)):
            return msg
    return f"YAML tidak valid ({problem})"


class _Builder:
    def __init__(self, file: str):
        self.file = file
        self.posisi: dict[Path_, Lokasi] = {}
        self.posisi_kunci: dict[Path_, Lokasi] = {}
        self.alir: set[Path_] = set()
        self.masalah: list[Masalah] = []
        self.nodes = 0
        self.constructor = SafeConstructor()

    def loc(self, node: Node) -> Lokasi:
        return Lokasi(self.file, node.start_mark.line + 1, node.start_mark.column + 1)

    def build(self, node: Node, path: Path_, depth: int = 0) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise LoadError([Masalah(self.loc(node), f"berkas terlalu besar setelah alias diuraikan (lebih dari {MAX_NODES:,} nilai); jangan memakai alias (&/*) berulang".replace(",", "."))])
        if depth > MAX_DEPTH:
            raise LoadError([Masalah(self.loc(node), f"struktur bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat)")])
        self.posisi.setdefault(path, self.loc(node))
        if not node.tag.startswith("tag:yaml.org,2002:") or node.tag.rsplit(":", 1)[-1] not in ("map", "seq", "str", "int", "float", "bool", "null", "timestamp", "binary", "set", "omap", "pairs", "merge", "value"):
            self.masalah.append(Masalah(self.loc(node), f"tag YAML '{node.tag}' tidak diizinkan; hapus tag itu", format_path(path)))
            return None
        if isinstance(node, MappingNode):
            out: dict[Any, Any] = {}
            if node.flow_style:
                self.alir.add(path)
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    self.masalah.append(Masalah(self.loc(key_node), "kunci gabungan '<<' tidak didukung; tulis kunci-kuncinya secara langsung", format_path(path)))
                    continue
                if not isinstance(key_node, ScalarNode):
                    self.masalah.append(Masalah(self.loc(key_node), "kunci harus berupa teks atau angka sederhana", format_path(path)))
                    continue
                key = self.scalar(key_node, path)
                if isinstance(key, Decimal):
                    key = str(key)
                if key in out:
                    first = self.posisi_kunci.get(path + (key,))
                    where = f" (pertama di baris {first.line})" if first else ""
                    self.masalah.append(Masalah(self.loc(key_node), f"kunci '{key}' ditulis dua kali{where}; hapus salah satu", format_path(path + (key,))))
                    continue
                self.posisi_kunci[path + (key,)] = self.loc(key_node)
                out[key] = self.build(value_node, path + (key,), depth + 1)
            return out
        if isinstance(node, SequenceNode):
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self.scalar(node, path)

    def scalar(self, node: ScalarNode, path: Path_) -> Any:
        tag = node.tag
        value = node.value
        if tag == "tag:yaml.org,2002:str":
            return value
        if tag == "tag:yaml.org,2002:null":
            return None
        if tag == "tag:yaml.org,2002:bool":
            return self.constructor.construct_yaml_bool(node)
        if tag == "tag:yaml.org,2002:int":
            try:
                return self.constructor.construct_yaml_int(node)
            except ValueError:
                return value
        if tag == "tag:yaml.org,2002:float":
            text = value.replace("_", "")
            if text.lower().lstrip("+-") in (".inf", ".nan"):
                self.masalah.append(Masalah(self.loc(node), f"'{value}' bukan angka terhingga; tulis angka biasa atau null", format_path(path)))
                return None
            try:
                d = Decimal(text)
            except InvalidOperation:
                self.masalah.append(Masalah(self.loc(node), f"angka '{value}' tidak dikenali; tulis angka biasa seperti 92.90", format_path(path)))
                return value
            if not d.is_finite():
                self.masalah.append(Masalah(self.loc(node), f"'{value}' bukan angka terhingga; tulis angka biasa atau null", format_path(path)))
                return None
            return d
        if tag == "tag:yaml.org,2002:timestamp":
            try:
                ts = self.constructor.construct_yaml_timestamp(node)
            except (ValueError, TypeError):
                return value
            return ts.date() if isinstance(ts, _dt.datetime) else ts
        if tag in ("tag:yaml.org,2002:binary", "tag:yaml.org,2002:set", "tag:yaml.org,2002:omap", "tag:yaml.org,2002:pairs"):
            self.masalah.append(Masalah(self.loc(node), f"tag YAML '{tag.rsplit(':', 1)[-1]}' tidak didukung", format_path(path)))
            return None
        self.masalah.append(Masalah(self.loc(node), f"tag YAML '{tag}' tidak diizinkan; hapus tag itu", format_path(path)))
        return None


def load_text(text: str, file: str) -> Dokumen:
    """Parse one YAML text. Raises :class:`LoadError` listing every problem found."""
    if "\x00" in text:
        raise LoadError([Masalah(Lokasi(file, text[: text.index("\x00")].count("\n") + 1, 1), "berkas memuat byte nol (bukan teks); apakah ini berkas biner?")])
    try:
        try:  # libyaml composes ~10× faster; on any problem the pure-Python parser gives the (tested) messages
            node = yaml.compose(text, Loader=_CNodeLoader) if _CNodeLoader is not None else yaml.compose(text, Loader=_NodeLoader)
        except (yaml.YAMLError, RecursionError):
            node = yaml.compose(text, Loader=_NodeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = Lokasi(file, mark.line + 1, mark.column + 1) if mark else Lokasi(file, 1, 1)
        msg = _yaml_message(exc)
        if exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
            if "but got ':'" in (exc.problem or ""):  # '{' left open: the next line's 'key:' lands inside it
                msg = "kurung tidak ditutup: setiap '{' perlu '}' dan setiap '[' perlu ']'; atau, bila teks di dalam {…} memuat ': ', apit teksnya dengan tanda kutip"
            msg += f" (bagian ini dimulai di baris {exc.context_mark.line + 1})"
        raise LoadError([Masalah(loc, msg)]) from None
    except yaml.YAMLError as exc:
        raise LoadError([Masalah(Lokasi(file, 1, 1), _yaml_message(exc))]) from None
    except RecursionError:
        raise LoadError([Masalah(Lokasi(file, 1, 1), f"struktur bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat)")]) from None
    if node is None:
        raise LoadError([Masalah(Lokasi(file, 1, 1), "berkas kosong; isi minimal kunci wajib (lihat dokumentasi format YAML)")])
    builder = _Builder(file)
    try:
        data = builder.build(node, ())
    except RecursionError:
        raise LoadError([Masalah(Lokasi(file, 1, 1), f"struktur bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat)")]) from None
    if builder.masalah:
        raise LoadError(builder.masalah)
    return Dokumen(file=file, data=data, posisi=builder.posisi, posisi_kunci=builder.posisi_kunci, alir=builder.alir)


class _NodeLoader(yaml.SafeLoader):
    """SafeLoader used only for composing nodes (no object construction)."""


_CNodeLoader = getattr(yaml, "CSafeLoader", None)  # composing only: nodes carry line/column marks as well


def read_text(path: Path, shown: str) -> str:
    """Read a file as UTF-8 text with size limit; errors become :class:`LoadError`."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise LoadError([Masalah(Lokasi(shown, 1, 1), f"berkas tidak dapat dibaca ({exc.strerror})")]) from None
    if size > MAX_BYTES:
        raise LoadError([Masalah(Lokasi(shown, 1, 1), f"berkas terlalu besar ({size // 1024 // 1024} MB; batas {MAX_BYTES // 1024 // 1024} MB); pecah menjadi beberapa berkas di folder tahun")])
    raw = path.read_bytes()
    if b"\x00" in raw:
        nul = raw.index(b"\x00")
        raise LoadError([Masalah(Lokasi(shown, raw[:nul].count(b"\n") + 1, nul - (raw.rfind(b"\n", 0, nul) + 1) + 1), "berkas memuat byte nol (bukan teks); apakah ini berkas biner atau disimpan sebagai UTF-16? Simpan ulang sebagai teks UTF-8")])
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LoadError([Masalah(Lokasi(shown, line, col), "berkas bukan teks UTF-8; simpan ulang dengan encoding UTF-8 (di editor: Save with Encoding → UTF-8)")]) from None


def load_file(path: Path, shown: str | None = None) -> Dokumen:
    shown = shown or str(path)
    return load_text(read_text(path, shown), shown)
