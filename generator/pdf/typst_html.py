"""The print edition's HTML → Typst markup, element by element.

The PDF shows what the site's print page shows — the same tables, figures, marks and notes, every number as
the render stage formatted it — so this module never sees a number, only HTML already made from the computed
views. Every text node is escaped (each ASCII punctuation character gets a backslash), so nothing from YAML can
become Typst syntax; attribute values (alt text, URLs) become Typst string literals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_PUNKTUASI = re.compile(r"([!-/:-@\[-`{-~])")
_SPASI = re.compile(r"\s+")
_LABEL = re.compile(r"^[A-Za-z0-9_.:-]+$")
_VOID = {"br", "img", "hr", "meta", "link", "input", "col", "wbr", "source"}
_LEWATI_KELAS = {"tanpa-cetak", "sr-only", "headerlink", "tautan-salin", "unduh-tabel"}
_BLOK = {"p", "div", "ul", "ol", "li", "table", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "details",
         "summary", "section", "article", "header", "footer", "nav", "blockquote", "dl", "dt", "dd", "hr", "pre", "caption", "aside"}


def teks(s: str) -> str:
    """Plain text as Typst markup: whitespace collapsed, every ASCII punctuation character escaped."""
    return _PUNKTUASI.sub(r"\\\1", _SPASI.sub(" ", s))


def string(s: str) -> str:
    """A Typst string literal."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "").replace("\t", " ") + '"'


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    anak: list = field(default_factory=list)  # Node | str

    @property
    def kelas(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def teks_polos(self) -> str:
        return "".join(a if isinstance(a, str) else a.teks_polos() for a in self.anak if isinstance(a, str) or not lewati(a))


def lewati(n: Node) -> bool:
    """What the site does not print (``.tanpa-cetak``), screen-reader-only text, permalinks."""
    return bool(n.kelas & _LEWATI_KELAS) or n.tag in ("script", "style", "button") or "hidden" in n.attrs


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        n = Node(tag, {k: (v or "") for k, v in attrs})
        self.stack[-1].anak.append(n)
        if tag not in _VOID:
            self.stack.append(n)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].anak.append(Node(tag, {k: (v or "") for k, v in attrs}))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].anak.append(data)


def parse(html: str) -> Node:
    p = _Parser()
    p.feed(html)
    p.close()
    return p.root


class Konversi:
    """One document's conversion: which labels exist (links only to those), how images and links resolve."""

    def __init__(self, gambar, tautan, daftar_tabel=None):
        self.gambar = gambar  # src → (path inside the Typst root, or None when the image is not available)
        self.tautan = tautan  # href → external URL or None (plain text)
        self.daftar_tabel = daftar_tabel or (lambda anchor: False)  # numbered tables listed in "Daftar Tabel"
        self.label: set[str] = set()
        self.dipakai: set[str] = set()
        self.di_ttd = False

    # --- labels

    def kumpul_label(self, n: Node) -> None:
        """Ids that become labels: each only once, in document order."""
        i = n.attrs.get("id")
        if i and _LABEL.match(i) and not lewati(n):
            self.label.add(i)
        for a in n.anak:
            if isinstance(a, Node) and not lewati(a):
                self.kumpul_label(a)

    def selesai(self, typst: str) -> str:
        """Links to anchors that never got a label (an element this converter does not label) become plain text."""
        return re.sub(r"#link\(<([^>]+)>\)\[", lambda m: m.group(0) if m.group(1) in self.dipakai else "#[", typst)

    def _lbl(self, n: Node) -> str:
        i = n.attrs.get("id")
        if i and i in self.label and i not in self.dipakai:
            self.dipakai.add(i)
            return f" <{i}>"
        return ""

    def _lbl_blok(self, n: Node) -> str:
        lb = self._lbl(n)
        return f"#metadata(none){lb}\n" if lb else ""

    # --- inline

    def inline(self, nodes) -> str:
        out = []
        for a in nodes:
            if isinstance(a, str):
                out.append(teks(a))
            elif not lewati(a):
                out.append(self._inline1(a))
        return "".join(out)

    def _inline1(self, n: Node) -> str:
        lb = self._lbl(n) if n.tag not in _BLOK else ""
        return (f"#metadata(none){lb}" if lb else "") + self._inline2(n)

    def _inline2(self, n: Node) -> str:
        t = n.tag
        isi = lambda: self.inline(n.anak)  # noqa: E731
        if t in ("strong", "b"):
            return f"#strong[{isi()}]"
        if t in ("em", "i"):
            return f"#emph[{isi()}]"
        if t == "sup":
            return f"#super[{isi()}]"
        if t == "sub":
            return f"#sub[{isi()}]"
        if t == "code":
            return f"#raw({string(n.teks_polos())})"
        if t == "br":
            return "#linebreak()"
        if t == "img":
            return self._gambar(n)
        if t == "a":
            return self._a(n, isi())
        if t in _BLOK:  # a block inside inline content (e.g. a list in a table cell)
            return f"#block[{self.blok([n])}]"
        return isi()

    def _a(self, n: Node, isi: str) -> str:
        href = n.attrs.get("href", "")
        if href.startswith("#"):
            target = href[1:]
            return f"#link(<{target}>)[{isi}]" if target in self.label else isi
        url = self.tautan(href)
        return f"#link({string(url)})[{isi}]" if url else isi

    def _gambar(self, n: Node) -> str:
        alt = n.attrs.get("alt", "").strip()
        path = self.gambar(n.attrs.get("src", ""))
        if path is None:
            return f"#emph[{teks('Gambar tidak tersedia. Keterangan: ' + alt)}]"
        return f"#gambar({string(path)}, {string(alt or 'Gambar')})"

    # --- blocks

    def blok(self, nodes) -> str:
        """Block content: runs of inline nodes become paragraphs."""
        out: list[str] = []
        run: list = []

        def tutup():
            s = self.inline(run).strip()
            if s:
                out.append(s)
            run.clear()

        for a in nodes:
            if isinstance(a, Node) and lewati(a):
                continue
            if isinstance(a, Node) and a.tag in _BLOK:
                tutup()
                s = self._blok1(a)
                if s.strip():
                    out.append(s)
            else:
                run.append(a)
        tutup()
        return "\n\n".join(out)

    def _blok1(self, n: Node) -> str:
        t, k = n.tag, n.kelas
        if t[0] == "h" and t[1:].isdigit():
            if n.attrs.get("id") in ("daftar-tabel", "daftar-gambar"):
                return ""  # the PDF's own lists, with page numbers, replace the site's
            return f"#heading(level: {int(t[1])})[{self.inline(n.anak).strip()}]{self._lbl(n)}"
        if t == "p":
            gaya = "kecil" if k & {"sumber-tabel", "keterangan-tabel", "kecil", "deskripsi-grafik", "jawaban-sumber"} else ""
            isi = self.inline(n.anak).strip()
            if not isi:
                return ""
            if "nama" in k and self.di_ttd:  # room for the signature above the signer's name
                isi = "#ruang-ttd\n" + isi
            return f"{self._lbl_blok(n)}#{gaya}[{isi}]" if gaya else self._lbl_blok(n) + isi
        if t in ("ul", "ol"):
            if "daftar-tabel" in k:
                return ""
            items = [self._lbl_blok(li) + self.blok(li.anak) for li in n.anak if isinstance(li, Node) and li.tag == "li" and not lewati(li)]
            fn = "enum" if t == "ol" else "list"
            start = f"start: {int(n.attrs['start'])}, " if t == "ol" and n.attrs.get("start", "").isdigit() else ""
            return self._lbl_blok(n) + f"#{fn}({start}" + ", ".join(f"[{i}]" for i in items) + ")"
        if t == "dl":
            pairs, dt = [], ""
            for c in n.anak:
                if isinstance(c, Node) and c.tag == "dt":
                    dt = self.inline(c.anak).strip()
                elif isinstance(c, Node) and c.tag == "dd":
                    pairs.append(f"terms.item([{dt}], [{self.blok(c.anak)}])")
            return "#terms(" + ", ".join(pairs) + ("," if len(pairs) == 1 else "") + ")" if pairs else ""
        if t == "table":
            return self.tabel(n)
        if t == "figure":
            return self.figur(n)
        if t == "div" and "tanda-tangan" in k:
            self.di_ttd = True
            try:
                return f"#tanda-tangan[{self.blok(n.anak)}]"
            finally:
                self.di_ttd = False
        if t == "div" and "tabel-gulir" in k:
            return self._lbl_blok(n) if not any(isinstance(c, Node) and c.tag == "table" for c in n.anak) else self.tabel_dalam(n)
        if t == "blockquote":
            return f"#quote(block: true)[{self.blok(n.anak)}]"
        if t == "hr":
            return "#line(length: 100%, stroke: 0.5pt)"
        if t == "pre":
            return f"#raw(block: true, {string(n.teks_polos())})"
        if t == "summary":
            return ""  # print: every disclosure open, its summary hidden
        if t in ("nav",):
            return ""
        if t == "figcaption" or t == "caption":
            return f"#strong[{self.inline(n.anak).strip()}]"
        if t in ("dt", "dd"):
            return self.blok(n.anak)
        return self._lbl_blok(n) + self.blok(n.anak)

    # --- tables

    def tabel_dalam(self, div: Node) -> str:
        tab = next(c for c in div.anak if isinstance(c, Node) and c.tag == "table")
        return self.tabel(tab, div.attrs.get("id", ""), div)

    def tabel(self, n: Node, anchor: str = "", pembungkus: Node | None = None) -> str:
        caption, bagian = None, {"thead": [], "tbody": [], "tfoot": []}
        for c in n.anak:
            if not isinstance(c, Node):
                continue
            if c.tag == "caption":
                caption = c
            elif c.tag in bagian:
                bagian[c.tag] += [r for r in c.anak if isinstance(r, Node) and r.tag == "tr"]
            elif c.tag == "tr":
                bagian["tbody"].append(c)
        semua = bagian["thead"] + bagian["tbody"] + bagian["tfoot"]
        kolom = _lebar_grid(semua)
        if not kolom:
            return ""
        out = []
        if bagian["thead"]:
            out.append("table.header(repeat: true, " + ", ".join(self._baris(bagian["thead"])) + ")")
        out += self._baris(bagian["tbody"])
        if bagian["tfoot"]:
            out.append("table.footer(repeat: false, " + ", ".join(self._baris(bagian["tfoot"])) + ")")
        kiri = _kolom_kiri(semua, kolom)
        cols = "(" + ", ".join("auto" if i in kiri else "1fr" for i in range(kolom)) + ("," if kolom == 1 else "") + ")"
        badan = f"table(columns: {cols}, " + ", ".join(out) + ")"
        if caption is None:
            return badan
        cap = self.inline(caption.anak).strip()
        jenis = "tabel" if self.daftar_tabel(anchor) else "data"
        lb = self._lbl(pembungkus) if pembungkus is not None else ""
        return f"#figure(kind: {string(jenis)}, supplement: none, caption: figure.caption(position: top)[{cap}], {badan}){lb}"

    def _baris(self, rows: list[Node]) -> list[str]:
        out = []
        for r in rows:
            lb = self._lbl_blok(r).strip()  # a row's anchor: on its first cell
            for i, s in enumerate(_sel_baris(r)):
                out.append(self._sel(s, lb if i == 0 else ""))
        return out

    def _sel(self, s: Node, awal: str = "") -> str:
        opsi = []
        for a in ("colspan", "rowspan"):
            v = s.attrs.get(a, "1")
            if v.isdigit() and int(v) > 1:
                opsi.append(f"{a}: {int(v)}")
        if "angka" in s.kelas:
            opsi.append("align: right")
        isi = self.blok(s.anak) if any(isinstance(c, Node) and c.tag in _BLOK for c in s.anak) else self.inline(s.anak).strip()
        if s.tag == "th":
            isi = f"#strong[{isi}]" if isi else isi
        isi = awal + isi
        if not opsi:
            return f"[{isi}]"
        return f"table.cell({', '.join(opsi)})[{isi}]"

    # --- figures

    def figur(self, n: Node) -> str:
        cap_node = next((c for c in n.anak if isinstance(c, Node) and c.tag == "figcaption"), None)
        cap = self.inline(cap_node.anak).strip() if cap_node is not None else ""
        img = _cari(n, lambda x: x.tag == "img")
        sisa = [c for c in n.anak if c is not cap_node]
        lb = self._lbl(n)
        if img is not None:
            badan = self._gambar(img).removeprefix("#")
            if badan.startswith("emph"):
                badan = f"[#{badan}]"
            lain = self.blok([c for c in sisa if not (isinstance(c, Node) and _cari(c, lambda x: x is img) is not None)])
            fig = f"#figure(kind: \"gambar\", supplement: none, caption: figure.caption(position: top)[{cap}], {badan}){lb}"
            return fig + ("\n\n" + lain if lain.strip() else "")
        badan = self.blok(sisa)
        return f"#figure(kind: \"gambar\", supplement: none, caption: figure.caption(position: top)[{cap}], block(width: 100%)[{badan}]){lb}"


def _cari(n: Node, pred) -> Node | None:
    if pred(n):
        return n
    for a in n.anak:
        if isinstance(a, Node):
            r = _cari(a, pred)
            if r is not None:
                return r
    return None


def _sel_baris(r: Node) -> list[Node]:
    return [c for c in r.anak if isinstance(c, Node) and c.tag in ("td", "th")]


def _span(s: Node, a: str) -> int:
    v = s.attrs.get(a, "1")
    return int(v) if v.isdigit() and int(v) > 0 else 1


def _lebar_grid(rows: list[Node]) -> int:
    """Number of columns of an HTML table (following row and column spans)."""
    terisi: set[tuple[int, int]] = set()
    lebar = 0
    for r, row in enumerate(rows):
        c = 0
        for s in _sel_baris(row):
            while (r, c) in terisi:
                c += 1
            for dr in range(_span(s, "rowspan")):
                for dc in range(_span(s, "colspan")):
                    terisi.add((r + dr, c + dc))
            c += _span(s, "colspan")
        lebar = max(lebar, max((cc + 1 for rr, cc in terisi if rr == r), default=0))
    return lebar


def _kolom_kiri(rows: list[Node], kolom: int) -> set[int]:
    """Columns that hold only numbers or short cells get their natural width; text columns share the rest."""
    panjang = [0] * kolom
    terisi: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        c = 0
        for s in _sel_baris(row):
            while (r, c) in terisi:
                c += 1
            cs, rs = _span(s, "colspan"), _span(s, "rowspan")
            for dr in range(rs):
                for dc in range(cs):
                    terisi.add((r + dr, c + dc))
            if cs == 1 and c < kolom:
                panjang[c] = max(panjang[c], len(s.teks_polos().strip()))
            c += cs
    return {i for i, p in enumerate(panjang) if p <= 14}
