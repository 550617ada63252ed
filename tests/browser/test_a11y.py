"""Accessibility and self-containment of the built sample site, in Debian's Chromium.

* axe-core (bundled with axe-playwright-python), WCAG 2.1 A and AA rules, on every page type of PAGE_TYPES at
  desktop (1280×900) and phone (375×740) widths: zero violations. The runs of both widths go in parallel
  (two browser contexts), and every other check reuses the same page loads where it can.
* What axe does not check: html lang="id"; the first Tab reaches "Lewati ke isi" and activating it moves focus
  to the content; headings never skip a level; every table has a caption and every <th> a scope; no empty
  data cell; charts are figures with a caption, an alt text and their data; every focus stop is visible and
  ringed (desktop, phone, and inside the phone's navigation drawer, which works with the keyboard alone).
* No request to any host but localhost while each page type loads (other hosts are blocked and recorded), and
  no local request fails: the site works offline. A static crawl of every built .html/.css/.js/.svg file finds
  no resource (script, stylesheet, image, font, frame, CSS url()/@import) on another host.

Policy for other hosts: hyperlinks a reader follows (<a href>, <form action>, and <link rel> values that are
never fetched: canonical, alternate, prev, next, author, license, help) may point anywhere; anything the
browser loads by itself must be local. Absolute URLs inside the JavaScript of Material and Pagefind are listed
in JS_URL_DIKETAHUI with the condition under which they would be requested, and the test checks that the
condition does not occur on this site.
"""

from __future__ import annotations

import json
import re
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import PAGE_TYPES, buka_pencarian

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "ponsel": {"width": 375, "height": 740}}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
REPORT_PAGES = [k for k, v in PAGE_TYPES.items() if re.search(r"/\d{4}/", v)]
SCOPES = {"col", "row", "colgroup", "rowgroup"}

# Facts about one page that axe does not check, read in the browser (article content only).
STRUKTUR_JS = """() => {
  const art = document.querySelector("article.md-content__inner") || document.querySelector("article");
  const teks = el => (el ? el.textContent : "").replace(/\\s+/g, " ").trim();
  const kode = el => el.outerHTML.replace(/\\s+/g, " ").slice(0, 200);
  const hs = [...art.querySelectorAll("h1, h2, h3, h4, h5, h6")];
  return {
    lang: document.documentElement.getAttribute("lang"),
    judul: hs.map(h => [Number(h.tagName[1]), teks(h).replace(/¶$/, "").trim().slice(0, 80)]),
    tabel: [...art.querySelectorAll("table")].map(t => ({
      kode: kode(t).slice(0, 120),
      caption: t.caption ? teks(t.caption) : null,
      th_tanpa_scope: [...t.querySelectorAll("th")].filter(th => !%s.includes(th.getAttribute("scope"))).map(kode),
      td_kosong: [...t.querySelectorAll("td")].filter(td => !teks(td) && !td.querySelector("img, svg")).map(kode),
    })),
    grafik: [...art.querySelectorAll("figure.grafik")].map(f => {
      const next = f.nextElementSibling;
      return {
        id: f.id,
        caption: teks(f.querySelector(":scope > figcaption")),
        img_tanpa_alt: [...f.querySelectorAll("img")].filter(i => !(i.getAttribute("alt") || "").trim()).map(kode),
        svg_tanpa_nama: [...f.querySelectorAll("svg")].filter(s => s.getAttribute("aria-hidden") !== "true"
          && !(s.getAttribute("aria-label") || s.getAttribute("aria-labelledby") || s.querySelector("title"))).map(kode),
        data: !!(f.querySelector("table, a[href]") || (next && next.matches("table, a[href], .tabel-gulir, details, p:has(a[href])"))),
      };
    }),
  };
}""" % json.dumps(sorted(SCOPES))

# Why the focused element cannot be seen ("" when it can): no ring, no size, off screen, transparent or
# hidden, and then either clipped by a scrolling ancestor or (cover=true, hit-testing, which also sees clipping)
# not the element found at its centre.
FOKUS_JS = """(cover) => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return "tidak ada elemen yang terfokus";
  const cls = typeof e.className === "string" && e.className.trim() ? "." + e.className.trim().split(/\\s+/).join(".") : "";
  const nama = `<${e.tagName.toLowerCase()}${cls}> "${(e.textContent || "").replace(/\\s+/g, " ").trim().slice(0, 40)}"`;
  const cs = getComputedStyle(e);
  const ring = (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 1) || cs.boxShadow !== "none";
  if (!ring) return nama + ": tanpa outline maupun box-shadow";
  const r = e.getBoundingClientRect();
  if (r.width < 1 || r.height < 1) return nama + ": berukuran nol";
  if (r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth || r.top >= innerHeight) return nama + ": di luar layar";
  if (!e.checkVisibility({opacityProperty: true, visibilityProperty: true})) return nama + ": transparan atau tersembunyi";
  for (let a = e.parentElement; !cover && a && a !== document.body; a = a.parentElement) {
    const s = getComputedStyle(a);
    if (s.overflowX === "visible" && s.overflowY === "visible") continue;
    const q = a.getBoundingClientRect();
    if (Math.min(r.right, q.right) - Math.max(r.left, q.left) < 1 || Math.min(r.bottom, q.bottom) - Math.max(r.top, q.top) < 1)
      return nama + ": terpotong oleh <" + a.tagName.toLowerCase() + " class=" + a.className + ">";
  }
  if (cover) {
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1), y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    if (top && top !== e && !e.contains(top) && !top.contains(e)) return nama + ": tertutup oleh <" + top.tagName.toLowerCase() + " class=" + top.className + ">";
  }
  return "";
}"""


def _asing(url: str) -> bool:
    u = urlsplit(url)
    return u.scheme in ("http", "https", "ws", "wss") and u.hostname not in LOCAL_HOSTS


def _target(t) -> str:
    return t if isinstance(t, str) else " >> ".join(map(_target, t))


def _laporan_axe(halaman: str, viewport: str, violations: list[dict]) -> str:
    out = [f"{len(violations)} pelanggaran WCAG 2.1 A/AA pada {halaman} ({PAGE_TYPES[halaman]}), {viewport}:"]
    for v in violations:
        out.append(f"- {v['id']} [{v['impact']}] {v['help']} ({v['helpUrl']}) — {len(v['nodes'])} elemen")
        for n in v["nodes"][:8]:
            out.append(f"    target: {', '.join(_target(t) for t in n['target'])}")
            out.append(f"    html:   {' '.join(n['html'].split())[:240]}")
            summary = " ".join(n.get("failureSummary", "").split())
            if summary:
                out.append(f"    sebab:  {summary[:400]}")
        if len(v["nodes"]) > 8:
            out.append(f"    … dan {len(v['nodes']) - 8} elemen lain")
    return "\n".join(out)


class _Konteks:
    """One browser context at one viewport, blocking and recording requests to other hosts."""

    def __init__(self, browser, viewport):
        self.ctx = browser.new_context(locale="id-ID", viewport=viewport)
        self.asing: list[str] = []
        self.gagal: list[str] = []
        self.ctx.route(_asing, self._blokir)
        self.ctx.on("response", lambda r: self.gagal.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        self.ctx.on("requestfailed", self._gagal)
        self.page = self.ctx.new_page()
        self.page.on("websocket", lambda ws: self.asing.append(ws.url) if _asing(ws.url) else None)

    def _blokir(self, route):
        self.asing.append(route.request.url)
        route.abort()

    def _gagal(self, req):
        if not _asing(req.url) and "ERR_ABORTED" not in (req.failure or ""):
            self.gagal.append(f"{req.failure} {req.url}")

    def mulai(self, url: str) -> None:
        self.asing, self.gagal = [], []
        self.page.goto(url, wait_until="load")


@pytest.fixture(scope="module")
def audit(browser, site_url):
    """{(page type, viewport): {"axe": results, "asing": foreign requests, "gagal": failed local requests,
    "struktur": STRUKTUR_JS facts (desktop only)}} — each page loaded once per viewport."""
    from axe_playwright_python.sync_playwright import Axe

    axe_js = Axe().axe_script
    konteks = {vp: _Konteks(browser, size) for vp, size in VIEWPORTS.items()}
    hasil: dict[tuple[str, str], dict] = {}
    try:
        for name, path in PAGE_TYPES.items():
            for vp, k in konteks.items():
                k.mulai(site_url + path)
                hasil[name, vp] = {"struktur": k.page.evaluate(STRUKTUR_JS) if vp == "desktop" else None}
                k.page.evaluate(axe_js)
                # started, not awaited: the other viewport's page loads and runs meanwhile
                k.page.evaluate("opts => { window.__lkipAxe = axe.run(document, opts); }", AXE_OPTIONS)
            for vp, k in konteks.items():
                hasil[name, vp]["axe"] = k.page.evaluate("() => window.__lkipAxe")
                k.page.wait_for_load_state("networkidle")
                hasil[name, vp]["asing"] = list(k.asing)
                hasil[name, vp]["gagal"] = list(k.gagal)
    finally:
        for k in konteks.values():
            k.ctx.close()
    return hasil


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("halaman", PAGE_TYPES)
def test_axe_tanpa_pelanggaran_wcag21_aa(audit, halaman, viewport):
    violations = audit[halaman, viewport]["axe"]["violations"]
    if violations:
        pytest.fail(_laporan_axe(halaman, viewport, violations), pytrace=False)


def test_axe_benar_benar_memeriksa(audit):
    """The runs checked something: colour contrast ran on every page, and dozens of WCAG rules in all."""
    rules: set[str] = set()
    for (halaman, vp), r in audit.items():
        ran = {x["id"] for key in ("passes", "violations", "incomplete") for x in r["axe"][key]}
        assert "color-contrast" in ran, (halaman, vp)
        assert r["axe"]["testEngine"]["version"].startswith("4."), r["axe"]["testEngine"]
        rules |= ran
    assert len(rules) >= 25, sorted(rules)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("halaman", PAGE_TYPES)
def test_tanpa_permintaan_ke_host_lain_dan_tanpa_galat(audit, halaman, viewport):
    r = audit[halaman, viewport]
    assert not r["asing"], f"{halaman} ({viewport}) meminta ke host lain: {r['asing']}"
    assert not r["gagal"], f"{halaman} ({viewport}): permintaan lokal gagal (situs tidak utuh tanpa internet): {r['gagal']}"


@pytest.mark.parametrize("halaman", PAGE_TYPES)
def test_bahasa_halaman_indonesia(audit, halaman):
    assert audit[halaman, "desktop"]["struktur"]["lang"] == "id"


@pytest.mark.parametrize("halaman", PAGE_TYPES)
def test_judul_berurutan_tanpa_loncatan(audit, halaman):
    judul = audit[halaman, "desktop"]["struktur"]["judul"]
    assert judul and judul[0][0] == 1, f"judul pertama bukan h1: {judul[:3]}"
    assert [lv for lv, _ in judul].count(1) == 1, "lebih dari satu h1"
    loncat = [(a, b) for a, b in zip(judul, judul[1:]) if b[0] > a[0] + 1]
    assert not loncat, f"{halaman}: tingkat judul meloncat: {loncat[:5]}"


@pytest.mark.parametrize("halaman", PAGE_TYPES)
def test_tabel_berjudul_berscope_tanpa_sel_kosong(audit, halaman):
    tabel = audit[halaman, "desktop"]["struktur"]["tabel"]
    salah = []
    for t in tabel:
        if not t["caption"]:
            salah.append(f"tanpa <caption>: {t['kode']}")
        salah += [f"<th> tanpa scope: {x}" for x in t["th_tanpa_scope"][:3]]
        salah += [f"<td> kosong (tulis '–' atau 'tidak ada data'): {x}" for x in t["td_kosong"][:3]]
    assert not salah, f"{halaman}:\n" + "\n".join(salah[:20])


@pytest.mark.parametrize("halaman", REPORT_PAGES)
def test_grafik_figure_dengan_keterangan_alt_dan_data(audit, halaman):
    salah = []
    for g in audit[halaman, "desktop"]["struktur"]["grafik"]:
        if not g["caption"]:
            salah.append(f"{g['id']}: tanpa <figcaption>")
        salah += [f"{g['id']}: <img> tanpa alt: {x}" for x in g["img_tanpa_alt"]]
        salah += [f"{g['id']}: <svg> tanpa nama: {x}" for x in g["svg_tanpa_nama"]]
        if not g["data"]:
            salah.append(f"{g['id']}: tanpa tabel atau tautan datanya")
    assert not salah, f"{halaman}:\n" + "\n".join(salah)


# --- keyboard -----------------------------------------------------------------------------------------------


def _fokus_tampak(page, cover: bool = False, tunggu: float = 1.0) -> str:
    """Wait (transitions) until the focused element can be seen; return the last reason it cannot, or ""."""
    batas = time.monotonic() + tunggu
    while True:
        alasan = page.evaluate(FOKUS_JS, cover)
        if not alasan or time.monotonic() > batas:
            return alasan
        time.sleep(0.05)


def _aktif(page) -> dict:
    return page.evaluate("""() => { const e = document.activeElement; return {
        kelas: typeof e.className === "string" ? e.className : "", teks: (e.textContent || "").trim(),
        href: e.getAttribute("href"), role: e.getAttribute("role"), label: e.getAttribute("aria-label"),
        expanded: e.getAttribute("aria-expanded"), for: e.htmlFor || null,
        di_isi: !!e.closest("article"), di_laci: !!e.closest(".md-sidebar--primary") }; }""")


@pytest.mark.parametrize("halaman", PAGE_TYPES)
def test_tab_pertama_lewati_ke_isi_lalu_fokus_ke_isi(page, site_url, halaman):
    page.goto(site_url + PAGE_TYPES[halaman])
    page.keyboard.press("Tab")
    a = _aktif(page)
    assert "md-skip" in a["kelas"] and a["teks"] == "Lewati ke isi", f"Tab pertama mengenai {a}"
    assert _fokus_tampak(page) == ""
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == a["href"]
    assert page.evaluate("h => !!document.getElementById(decodeURIComponent(h.slice(1))).closest('article')", a["href"])
    page.keyboard.press("Tab")
    assert _aktif(page)["di_isi"], f"Tab setelah 'Lewati ke isi' tidak masuk ke isi: {_aktif(page)}"
    assert _fokus_tampak(page) == ""


@pytest.mark.parametrize("viewport,langkah", [("desktop", 45), ("ponsel", 25)])
def test_setiap_fokus_tampak_dan_berbingkai(browser, site_url, viewport, langkah):
    """Tab through the header, navigation and the start of a BAB III page: every stop is seen and ringed."""
    ctx = browser.new_context(locale="id-ID", viewport=VIEWPORTS[viewport])
    try:
        page = ctx.new_page()
        page.goto(site_url + PAGE_TYPES["bab-3"])
        salah, dilihat = [], 0
        for _ in range(langkah):
            page.keyboard.press("Tab")
            alasan = _fokus_tampak(page, cover=True)
            dilihat += 1
            if alasan:
                salah.append(alasan)
        assert not salah, f"{viewport}: {len(salah)} dari {dilihat} fokus tidak tampak:\n" + "\n".join(salah[:15])
        # a link in the content, reached by keyboard, has a visible ring too
        page.evaluate("() => document.querySelector('article a[href]:not(.headerlink)').focus({focusVisible: true})")
        assert _aktif(page)["di_isi"] and _fokus_tampak(page) == ""
    finally:
        ctx.close()


def test_laci_navigasi_ponsel_dengan_papan_ketik_saja(browser, site_url):
    ctx = browser.new_context(locale="id-ID", viewport=VIEWPORTS["ponsel"])
    try:
        page = ctx.new_page()
        # an agency page: the "Perangkat daerah" level opens in the drawer with every agency (their reports are
        # listed on the agency page; each report page carries its own list of pages)
        page.goto(site_url + "/disnaker-jember/")
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        tombol = _aktif(page)
        assert tombol["for"] == "__drawer" and tombol["role"] == "button" and tombol["label"] == "Menu navigasi", tombol
        assert tombol["expanded"] == "false"
        assert _fokus_tampak(page, cover=True) == ""

        page.keyboard.press("Enter")
        assert page.evaluate("() => document.getElementById('__drawer').checked")
        assert _aktif(page)["di_laci"], _aktif(page)
        assert _fokus_tampak(page, cover=True) == ""
        # the level shown is the agencies': their pages, each focus seen (not under another level)
        dikunjungi = []
        for _ in range(12):
            page.keyboard.press("Tab")
            a = _aktif(page)
            if not a["di_laci"]:
                break
            assert _fokus_tampak(page, cover=True) == "", dikunjungi
            dikunjungi.append(a["teks"] or a["label"])
        assert any("Pasaman Barat" in t for t in dikunjungi), dikunjungi
        # Tab past the drawer's last link closes it, and focus is on the page, visible
        if _aktif(page)["di_laci"]:
            raise AssertionError(f"fokus tidak keluar dari laci setelah 12 Tab: {dikunjungi}")
        assert not page.evaluate("() => document.getElementById('__drawer').checked")
        assert _fokus_tampak(page, cover=True) == ""

        # back to the menu: open, go up one level with the back button, open a level again, close with Esc
        page.keyboard.press("Shift+Tab")
        while not (_aktif(page)["for"] == "__drawer"):
            page.keyboard.press("Shift+Tab")
        page.keyboard.press("Enter")
        kembali = _aktif(page)
        assert kembali["role"] == "button" and (kembali["label"] or "").startswith("Kembali dari "), kembali
        page.keyboard.press("Enter")
        naik = _aktif(page)
        assert naik["di_laci"] and naik["expanded"] == "false", naik
        assert _fokus_tampak(page, cover=True) == ""
        page.keyboard.press(" ")
        assert _aktif(page)["label"] == kembali["label"]
        page.keyboard.press("Escape")
        assert not page.evaluate("() => document.getElementById('__drawer').checked")
        assert _aktif(page)["for"] == "__drawer"
        assert page.evaluate("() => document.querySelector('.md-sidebar--primary').inert")
    finally:
        ctx.close()


# --- static crawl of the built files -------------------------------------------------------------------------

# <link rel> values the browser does not fetch by itself
LINK_BUKAN_SUMBER = {"canonical", "alternate", "prev", "next", "author", "license", "help", "me", "bookmark", "search"}
SUMBER_ATRIBUT = {
    "script": ("src",), "img": ("src", "srcset"), "source": ("src", "srcset"), "video": ("src", "poster"),
    "audio": ("src",), "track": ("src",), "iframe": ("src",), "embed": ("src",), "object": ("data",),
    "input": ("src",), "image": ("href", "xlink:href"), "use": ("href", "xlink:href"), "feimage": ("href", "xlink:href"),
}
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.I | re.S)
JS_URL = re.compile(r"""["'`]((?:https?:|wss?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^"'`\s]*)""")
# Absolute URLs in third-party JavaScript, each with the only case in which the browser would request it
JS_URL_DIKETAHUI = {
    "https://api.github.com/": "Material: data repositori, hanya bila repo_url diisi (halaman memuat .md-source)",
    "https://unpkg.com/mermaid@": "Material: diagram Mermaid, hanya pada halaman yang memuat .mermaid",
    "https://unpkg.com/resize-observer-polyfill": "Material: hanya di peramban tanpa ResizeObserver (sebelum 2020)",
    "https://example.com": "Pagefind: alamat dasar untuk new URL(), bukan permintaan",
    "http://www.w3.org/": "namespace SVG/XML, bukan permintaan",
}


def _luar(url: str) -> bool:
    url = url.strip()
    return bool(re.match(r"(?i)^(https?:|wss?:)?//", url)) and _asing(url if ":" in url.split("//")[0] else "https:" + url)


class _Sumber(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sumber: list[tuple[str, str]] = []  # (what, url)
        self.tautan: list[str] = []
        self.mermaid = self.repo = False
        self._gaya = False

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        kelas = a.get("class", "").split()
        self.mermaid |= "mermaid" in kelas
        self.repo |= "md-source" in kelas
        if tag == "link":
            rel = set(a.get("rel", "").lower().split())
            if rel and rel <= LINK_BUKAN_SUMBER:
                self.tautan.append(a.get("href", ""))
            else:
                self.sumber.append((f'<link rel="{a.get("rel", "")}">', a.get("href", "")))
        elif tag in ("a", "area", "form"):
            self.tautan.append(a.get("href") or a.get("action") or "")
        for attr in SUMBER_ATRIBUT.get(tag, ()):
            for part in a.get(attr, "").split(","):
                if part.strip():
                    self.sumber.append((f"<{tag} {attr}>", part.strip().split()[0]))
        if a.get("style"):
            self.sumber += [(f"<{tag} style>", u) for u in _css_urls(a["style"])]
        self._gaya = tag == "style"

    def handle_data(self, data):
        if self._gaya:
            self.sumber += [("<style>", u) for u in _css_urls(data)]

    def handle_endtag(self, tag):
        self._gaya = False


def _css_urls(css: str) -> list[str]:
    return [m.group(2) or m.group(4) for m in CSS_URL.finditer(css) if (m.group(2) or m.group(4)) and not (m.group(2) or "").startswith("data:")]


def test_berkas_situs_tidak_memuat_sumber_dari_host_lain(built_site: Path):
    salah, tautan_keluar, mermaid, repo = [], set(), False, False
    for f in sorted(built_site.rglob("*")):
        rel = f.relative_to(built_site).as_posix()
        if f.suffix == ".html":
            p = _Sumber()
            p.feed(f.read_text(encoding="utf-8"))
            salah += [f"{rel}: {what} {u}" for what, u in p.sumber if _luar(u)]
            tautan_keluar |= {u for u in p.tautan if _luar(u)}
            mermaid |= p.mermaid
            repo |= p.repo
        elif f.suffix == ".css":
            salah += [f"{rel}: url({u})" for u in _css_urls(f.read_text(encoding="utf-8")) if _luar(u)]
        elif f.suffix == ".svg":
            teks = f.read_text(encoding="utf-8")
            hrefs = re.findall(r"""(?:xlink:)?href\s*=\s*["']([^"']+)""", teks) + _css_urls(teks)
            salah += [f"{rel}: {u}" for u in hrefs if _luar(u)]
        elif f.suffix in (".js", ".mjs"):
            for u in JS_URL.findall(f.read_text(encoding="utf-8", errors="replace")):
                if _luar(u) and not any(u.startswith(k) for k in JS_URL_DIKETAHUI):
                    salah.append(f"{rel}: {u}")
    assert not salah, "sumber dari host lain (harus disajikan dari situs sendiri):\n" + "\n".join(sorted(set(salah))[:30])
    # the conditions under which Material's known URLs would be requested do not occur here
    assert not mermaid, "halaman memuat diagram Mermaid: Material akan mengambil mermaid.js dari unpkg.com"
    assert not repo, "repo_url diisi: Material akan memanggil api.github.com"
    # outbound hyperlinks are allowed (recorded here only so that a change is visible when debugging)
    assert all(u.startswith(("http://", "https://", "//", "mailto:")) for u in tautan_keluar)


def test_tabel_di_semua_halaman_situs_berjudul_dan_berscope(built_site: Path):
    """Every built page (hand-written pages included, not only PAGE_TYPES): <caption>, <th scope>, no empty <td>."""

    class Tabel(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.salah, self.di_tabel, self.caption, self.td = [], 0, False, None

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "table":
                self.di_tabel += 1
                self.caption = False
            elif tag == "caption":
                self.caption = True
            elif tag in ("tr", "thead", "tbody", "tfoot") and self.di_tabel and not self.caption:
                self.salah.append(f"tabel tanpa <caption> (baris {self.getpos()[0]})")
                self.caption = True  # once per table
            elif tag == "th" and a.get("scope") not in SCOPES:
                self.salah.append(f"<th> tanpa scope (baris {self.getpos()[0]})")
            elif tag == "td":
                self.td = ""
            elif tag in ("img", "svg") and self.td is not None:
                self.td += "[gambar]"

        def handle_data(self, data):
            if self.td is not None:
                self.td += data

        def handle_endtag(self, tag):
            if tag == "table":
                self.di_tabel -= 1
            elif tag == "td" and self.td is not None:
                if not self.td.strip():
                    self.salah.append(f"<td> kosong (baris {self.getpos()[0]})")
                self.td = None

    salah = []
    for f in sorted(built_site.rglob("*.html")):
        p = Tabel()
        p.feed(f.read_text(encoding="utf-8"))
        salah += [f"{f.relative_to(built_site).as_posix()}: {s}" for s in p.salah]
    assert not salah, "\n".join(salah[:30])


def test_dialog_pencarian_terbuka_tanpa_pelanggaran(page, site_url):
    """The Pagefind dialog with results and filters shown: axe finds nothing (filter buttons have names)."""
    from axe_playwright_python.sync_playwright import Axe

    buka_pencarian(page, site_url + "/tentang/")
    page.keyboard.type("pelatihan")
    page.wait_for_selector("pagefind-results a.pf-result-link")
    page.wait_for_function("document.querySelectorAll('pagefind-filter-dropdown .pf-dropdown-trigger[aria-label]').length === 2")
    page.evaluate(Axe().axe_script)
    hasil = page.evaluate("opts => axe.run(document, opts)", AXE_OPTIONS)
    if hasil["violations"]:
        pytest.fail(_laporan_axe("dialog-pencarian", "desktop", hasil["violations"]), pytrace=False)
    labels = page.eval_on_selector_all("pagefind-filter-dropdown .pf-dropdown-trigger", "els => els.map((e) => e.getAttribute('aria-label'))")
    assert labels == ["Saring: Perangkat daerah", "Saring: Tahun"]


def test_ponsel_halaman_tidak_bergeser_ke_samping(browser, site_url):
    """At phone width no page scrolls sideways: wide tables stack (tests/browser/test_tata_letak.py), charts scale."""
    ctx = browser.new_context(locale="id-ID", viewport=VIEWPORTS["ponsel"])
    try:
        page = ctx.new_page()
        lebar = {}
        for name, path in PAGE_TYPES.items():
            page.goto(site_url + path)
            lebar[name] = page.evaluate("document.documentElement.scrollWidth")
        assert all(w <= VIEWPORTS["ponsel"]["width"] for w in lebar.values()), lebar
        # the chart is one SVG scaled to the column (its text stays ≥ 12 px: test_tata_letak.py), in its focusable box
        page.goto(site_url + PAGE_TYPES["bab-3"])
        box = page.locator("figure.grafik .grafik-gulir").first
        assert box.get_attribute("tabindex") == "0" and box.get_attribute("role") == "region"
        w = page.evaluate("document.querySelector('figure.grafik img.grafik-svg').getBoundingClientRect().width")
        assert 300 <= w <= VIEWPORTS["ponsel"]["width"] - 24
    finally:
        ctx.close()
