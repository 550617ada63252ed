"""Orchestration of the stages, shared by the CLI verbs and the tests."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from .check import audit
from .compute import HasilLaporan, hitung
from .validate import Repo


def docs_dir(root: Path) -> Path:
    """Where generated Markdown goes (mkdocs.yml's docs_dir); never committed."""
    return root / "build" / "docs"


def compute_repo(repo: Repo):
    """Yield (agency, report file, computed report, audit findings) for every report, oldest year first."""
    for inst in repo.instansi:
        done: dict[int, HasilLaporan] = {}
        for tahun, b in sorted(inst.laporan.items()):
            earlier = {t: x.model for t, x in inst.laporan.items() if t < tahun}
            h = done[tahun] = hitung(b.model, b.metode, earlier, done.get(tahun - 1))
            yield inst, b, h, audit(b, h)


class Timer:
    def __init__(self, enabled: bool):
        self.enabled, self.rows = enabled, []

    def stage(self, name: str, start: float) -> float:
        now = time.perf_counter()
        self.rows.append((name, now - start))
        return now

    def report(self) -> None:
        if self.enabled:
            for name, secs in self.rows:
                print(f"  {name:<22} {secs:8.2f} s")
            if any(n.endswith(" *") for n, _ in self.rows):
                print("  (* jumlah waktu semua proses untuk instansi yang berubah; berjalan paralel)")


# ---------------------------------------------------------------------------------------------------
# Incremental generation: one agency folder is the unit of work and of caching.
#
# An agency's pages depend only on its own folder, the site settings and the code/templates, so its key is the
# hash of those; an unchanged agency is replayed from ``.lkip-cache/instansi/<slug>.json`` (file list, portal
# summary, build-log lines) and ``.lkip-cache/berkas/`` (the files, by content hash) without being loaded,
# validated, computed or rendered. Changed agencies are processed in parallel (fork) across cores.

CACHE_FOLDER = ".lkip-cache"
CACHE_FORMAT = "1"


def _hash_files(h, base: Path, files) -> None:
    for f in files:
        h.update(f.relative_to(base).as_posix().encode("utf-8") + b"\0")
        h.update(f.read_bytes())
        h.update(b"\0")


def code_version(root: Path) -> str:
    """Hash of what turns data into pages: generator code, templates, library versions."""
    import hashlib

    import babel
    import jinja2
    import markdown_it
    import pydantic

    from .render import template_dir

    import yaml

    from .charts import versi as versi_grafik

    # module attributes where they exist (importlib.metadata scans site-packages); the chart stage's own version
    # carries matplotlib's (agency records hold finished SVGs)
    h = hashlib.sha256(f"{CACHE_FORMAT}|{sys.version_info[:2]}|jinja2 {jinja2.__version__}|babel {babel.__version__}|"
                       f"markdown-it {markdown_it.__version__}|pydantic {pydantic.VERSION}|pyyaml {yaml.__version__}|"
                       f"grafik {versi_grafik()}".encode())
    from .situs import hash_kode

    h.update(f"kode {hash_kode()}".encode())  # the generator package, hashed once for this and the publish stage
    tpl = template_dir(root)
    _hash_files(h, tpl, sorted(p for p in tpl.rglob("*") if p.is_file()))
    from .pdf.mesin import folder_templat, versi_typst

    pdf = folder_templat(root)  # an agency's PDF is among its cached files
    _hash_files(h, pdf, sorted(p for p in pdf.rglob("*") if p.is_file()) if pdf.is_dir() else [])
    h.update(f"typst {versi_typst()}".encode())
    return h.hexdigest()


def agency_key(folder: Path, base: str) -> str:
    """Hash of everything under an agency folder that loading or rendering could read: every file (hidden ones
    too), every folder (an empty year folder is an error), following symlinks (images may be linked in)."""
    import hashlib

    h = hashlib.sha256(base.encode())
    seen: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in seen:  # a symlink cycle
            dirnames[:] = []
            continue
        seen.add(real)
        dirnames.sort()
        d = Path(dirpath)
        h.update(b"D" + d.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        _hash_files(h, folder, [d / f for f in sorted(filenames) if (d / f).is_file()])
    return h.hexdigest()


class BuildCache:
    """``.lkip-cache/``: safe to delete (the next build is a cold one), ignored by git."""

    def __init__(self, root: Path):
        self.folder = root / CACHE_FOLDER
        self.instansi = self.folder / "instansi"
        self.berkas = self.folder / "berkas"

    def get(self, slug: str, key: str) -> dict | None:
        import json

        try:
            rec = json.loads((self.instansi / f"{slug}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if rec.get("kunci") != key or not all((self.berkas / sha[:2] / sha).is_file() for sha in rec.get("berkas", {}).values()):
            return None
        return rec

    def blob(self, sha: str) -> bytes:
        return (self.berkas / sha[:2] / sha).read_bytes()

    def put(self, slug: str, rec: dict, files: dict[str, bytes]) -> None:
        import json

        for rel, sha in rec["berkas"].items():
            path = self.berkas / sha[:2] / sha
            if not path.is_file():
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_name(f".{sha}.{os.getpid()}.tmp")
                tmp.write_bytes(files[rel])
                os.replace(tmp, path)
        self.instansi.mkdir(parents=True, exist_ok=True)
        tmp = self.instansi / f".{slug}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps(rec, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.instansi / f"{slug}.json")

    def prune(self, keep_slugs: set[str]) -> None:
        """Forget agencies that no longer exist, and blobs and drawn charts no record uses (the cache stays bounded)."""
        import json

        used: set[str] = set()
        charts: set[str] = set()
        for p in self.instansi.glob("*.json") if self.instansi.is_dir() else []:
            if p.stem not in keep_slugs:
                p.unlink()
                continue
            try:
                rec = json.loads(p.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                p.unlink()
                continue
            used |= set(rec.get("berkas", {}).values())
            charts |= {f"{k}.svg" for k in rec.get("grafik_kunci", [])}
        for p in self.berkas.glob("*/*") if self.berkas.is_dir() else []:
            if p.name not in used:
                p.unlink()
        for p in (self.folder / "grafik").glob("*.svg") if (self.folder / "grafik").is_dir() else []:
            if p.name not in charts:
                p.unlink()


# Set in the parent before forking; read by _proses_instansi in the workers.
_KONTEKS: dict = {}


def _proses_instansi(slug: str) -> dict:
    """Load, validate, compute and render one agency in memory. Returns problems, or files and summary."""
    from .pesan import tangkap
    from .render import Kumpul, buat_env, render_instansi, template_dir
    from .validate import load_instansi

    root, site, out_dir = _KONTEKS["root"], _KONTEKS["site"], _KONTEKS["out_dir"]
    waktu = {}
    t = time.perf_counter()
    masalah: list = []
    inst = load_instansi(root / "agencies" / slug, root, site, masalah)
    waktu["muat + validasi"] = time.perf_counter() - t
    if inst is None or any(m.tingkat == "galat" for m in masalah):
        return {"slug": slug, "masalah": masalah}
    t = time.perf_counter()
    repo = Repo(root=root, site=site, instansi=[inst])
    results = list(compute_repo(repo))
    waktu["hitung + periksa"] = time.perf_counter() - t
    t = time.perf_counter()
    w = Kumpul()
    with tangkap() as log:
        env = _KONTEKS.get("env") or buat_env(template_dir(root))
        ri, jobs = render_instansi(env, repo, inst, results, w, out_dir)
    waktu["render Markdown"] = time.perf_counter() - t
    # the build log of every build, cached or not: validation warnings, audit findings, render warnings
    lines = [str(m) for m in masalah] + [f"peringatan: {f}" for _, _, _, temuan in results for f in temuan] + log
    return {"slug": slug, "masalah": masalah, "ringkasan": ri, "jobs": jobs, "berkas": w.berkas, "log": lines, "pdf": w.pdf,
            "temuan": sum(len(r[3]) for r in results), "laporan": len(results), "waktu": waktu}


class Kemajuan:
    """Progress of a long build: one updating line in a terminal, a plain line every tenth in CI logs."""

    def __init__(self, label: str, total: int, enabled: bool = True):
        self.label, self.total, self.n = label, total, 0
        self.enabled = enabled and total >= 10
        self.tty = sys.stderr.isatty()
        self.step = max(1, total // 10)

    def maju(self, nama: str = "") -> None:
        self.n += 1
        if not self.enabled:
            return
        if self.tty:
            end = "\n" if self.n == self.total else ""
            print(f"\r  {self.label} {self.n}/{self.total} {nama[:40]:<40}", end=end, file=sys.stderr, flush=True)
        elif self.n % self.step == 0 or self.n == self.total:
            print(f"  {self.label} {self.n}/{self.total}", file=sys.stderr, flush=True)


def _proses_banyak(slugs: list[str], workers: int, progress: bool = True) -> list[dict]:
    """Process agencies, in a fork-based process pool when there are several and several cores."""
    kemajuan = Kemajuan("instansi", len(slugs), progress)
    import multiprocessing

    if workers <= 1 or len(slugs) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        out = []
        for s in slugs:
            out.append(_proses_instansi(s))
            kemajuan.maju(s)
        return out
    from concurrent.futures import ProcessPoolExecutor

    out = []
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        for r in pool.map(_proses_instansi, slugs, chunksize=max(1, len(slugs) // (workers * 4))):
            out.append(r)
            kemajuan.maju(r["slug"])
    return out


def _ringkasan_dari(rec: dict):
    from .render import RingkasanInstansi, RingkasanTahun

    r = rec["ringkasan"]
    return RingkasanInstansi(r["slug"], r["nama"], [RingkasanTahun(**x) for x in r["ringkas"]], r.get("contoh", {}))


def _sidik(root: Path, timer: "Timer") -> tuple:
    """Site settings, and which agencies changed since the cache recorded them (by content hash)."""
    from .load import Lokasi, Masalah
    from .pesan import GalatData
    from .validate import agency_folders, load_site

    t = time.perf_counter()
    masalah: list[Masalah] = []
    site = load_site(root, masalah)
    if not (root / "agencies").is_dir():
        masalah.append(Masalah(Lokasi("agencies", 1, 1), "folder agencies/ tidak ada; buat dengan 'lkip new agency NAMA'"))
    if site is None or any(m.tingkat == "galat" for m in masalah):
        raise GalatData(masalah)
    cache = BuildCache(root)
    site_file = root / "site_config" / "lkip.yaml"
    base = code_version(root) + "|" + (site_file.read_bytes().hex() if site_file.is_file() else "")
    folders = agency_folders(root)
    keys = {f.name: agency_key(f, base) for f in folders}
    cached = {slug: rec for slug, k in keys.items() if (rec := cache.get(slug, k)) is not None}
    timer.stage("sidik berkas", t)
    return site, masalah, cache, base, folders, keys, cached


def _proses_berubah(root: Path, site, todo: list[str], n_cached: int, workers: int | None, progress: bool, timer: "Timer") -> dict[str, dict]:
    """Load, validate, compute and render the changed agencies (in parallel); raise GalatData on any error."""
    from .pesan import GalatData
    from .render import buat_env, template_dir

    t = time.perf_counter()
    _KONTEKS.update(root=root, site=site, out_dir=docs_dir(root), env=buat_env(template_dir(root)))
    n_workers = min(workers or os.cpu_count() or 1, max(1, len(todo)))
    if progress and todo:
        print(f"Memproses {len(todo)} instansi ({n_cached} tidak berubah, dari cache) dengan {n_workers} proses…", file=sys.stderr, flush=True)
    try:
        hasil = {r["slug"]: r for r in _proses_banyak(todo, n_workers, progress)}
    finally:
        _KONTEKS.clear()
    for name in ("muat + validasi", "hitung + periksa", "render Markdown"):
        timer.rows.append((name + " *", sum(r.get("waktu", {}).get(name, 0.0) for r in hasil.values())))
    timer.rows.append(("instansi (nyata)", time.perf_counter() - t))
    semua = [m for slug in todo for m in hasil[slug]["masalah"]]
    if any(m.tingkat == "galat" for m in semua) or any("ringkasan" not in hasil[s] for s in todo):
        raise GalatData(semua, "Perbaiki lalu jalankan ulang 'lkip validate'. Situs tidak diubah.")
    return hasil


def _tulis_instansi(w, folders, cached: dict, hasil: dict, keys: dict, cache: "BuildCache") -> tuple[list, list, dict]:
    """Write every agency's files (replayed from the cache or fresh) and replay its build log."""
    from dataclasses import asdict

    from .pesan import log

    daftar, jobs, n = [], [], {"temuan": 0, "laporan": 0, "grafik": 0}
    for f in folders:
        slug = f.name
        if slug in cached:
            rec = cached[slug]
            stat = rec.get("stat", {})
            for rel, sha in sorted(rec["berkas"].items()):
                # the file this build cache wrote last time, untouched since (same size and mtime): keep it unread
                if not w.sama(rel, sha, stat.get(rel)):
                    w.tulis(rel, cache.blob(sha))
            daftar.append(_ringkasan_dari(rec))
        else:
            r = hasil[slug]
            for rel, data in sorted(r["berkas"].items()):
                w.tulis(rel, data)
            daftar.append(r["ringkasan"])
            jobs += r["jobs"]
            rec = cached[slug] = {"kunci": keys[slug], "ringkasan": asdict(r["ringkasan"]), "log": r["log"], "temuan": r["temuan"], "laporan": r["laporan"],
                                  "grafik": sum(len(specs) for _, specs in r["jobs"]),
                                  "grafik_kunci": sorted({sp.kunci for _, specs in r["jobs"] for sp in specs})}
        for line in rec["log"]:
            log.warning(line)
        for k in n:
            n[k] += rec.get(k, 0)
    return daftar, jobs, n


def _tulis_skema(root: Path, versi_kode: str) -> None:
    """JSON Schemas for editors, rewritten only when the code changed (or a file is missing)."""
    from .skema import SKEMA, write_schemas

    schema = root / "build" / "schema"
    versi = schema / ".versi"
    lengkap = all((schema / f"{n}.schema.json").is_file() for n in SKEMA)
    if not (lengkap and versi.is_file() and versi.read_text(encoding="utf-8") == versi_kode):
        write_schemas(schema)
        versi.write_text(versi_kode, encoding="utf-8")


def _catat_cache(cache: "BuildCache", cached: dict, hasil: dict, todo: list[str], w, gagal_grafik: list[str], out_dir: Path) -> None:
    """Record the agencies rendered now (their files include the charts just written); refresh replayed stats."""
    gagal = {g.split("/", 1)[0] for g in gagal_grafik}
    for slug in todo:
        if slug in gagal:  # a chart failed to draw: do not keep its placeholder; the next build tries again
            continue
        # the agency's own files: what its worker wrote plus its charts (not portal pages under the same folder)
        own = set(hasil[slug]["berkas"]) | {(folder / sp.chart.berkas).relative_to(out_dir).as_posix() for folder, specs in hasil[slug]["jobs"] for sp in specs}
        own |= {x.rel for x in hasil[slug].get("pdf", [])}
        files = {rel: (out_dir / rel).read_bytes() for rel in sorted(own) if rel in w.sidik}
        cached[slug]["berkas"] = {rel: w.sidik[rel] for rel in files}
        cached[slug]["stat"] = {rel: w.stat(rel) for rel in files}
        cache.put(slug, cached[slug], files)
    for slug, rec in cached.items():  # files rewritten by a replay (e.g. build/docs deleted): refresh their stat
        if slug not in todo and "berkas" in rec and any(w.stat(rel) != rec.get("stat", {}).get(rel) for rel in rec["berkas"]):
            rec["stat"] = {rel: w.stat(rel) for rel in rec["berkas"]}
            cache.put(slug, rec, {})


class _Sisa:
    """What is left once the pages are written: the charts (drawn in a pool), then the PDFs that show them; in a
    thread while MkDocs and Pagefind run (they read neither), or at once. Then the build cache is recorded."""

    def __init__(self, root: Path, timer: "Timer", stats: dict, w, cache: "BuildCache", jobs: list, gambar, sumber_pdf: list):
        self.root, self.timer, self.stats, self.w, self.cache, self.jobs, self.gambar = root, timer, stats, w, cache, jobs, gambar
        self.sumber_pdf, self.thread, self.galat, self.waktu_grafik, self.catat, self.sudah = sumber_pdf, None, None, 0.0, None, False

    def kerja(self) -> None:
        from .pdf import bangun as bangun_pdf
        from .pdf.mesin import bersihkan as bersihkan_pdf
        from .render import tulis_grafik

        try:
            t = time.perf_counter()
            self.stats["grafik"] = tulis_grafik(self.jobs, self.cache.folder / "grafik", self.w, self.w.root, sudah=self.gambar)
            self.waktu_grafik = time.perf_counter() - t
            self.stats["pdf"] = bangun_pdf(self.sumber_pdf, self.root, self.w.root, self.w.tulis)
            bersihkan_pdf(self.root, simpan=max(400, 2 * len(self.sumber_pdf)))
        except BaseException as e:  # noqa: BLE001 — raised again in the main thread
            self.galat = e

    def mulai(self) -> None:
        import threading

        self.thread = threading.Thread(target=self.kerja, name="lkip-grafik-pdf", daemon=True)
        self.thread.start()

    def selesai(self) -> dict:
        from .pesan import log

        if self.sudah:
            return self.stats
        self.sudah = True
        t = time.perf_counter()
        if self.thread is not None:
            self.thread.join()
        else:
            self.kerja()
        if self.galat is not None:
            raise self.galat
        stats, p = self.stats, self.stats["pdf"]
        for g in p["gagal"]:
            log.warning("peringatan: PDF gagal dibuat: %s", g)
        self.catat(stats["grafik"]["gagal"] + [g.split(":", 1)[0] for g in p["gagal"]])
        stats["diubah"] = self.w.diubah
        stats.setdefault("detik", time.perf_counter() - stats.pop("t0", t))
        latar = " *" if self.thread is not None else ""
        self.timer.rows.append(("grafik" + latar, self.waktu_grafik))
        self.timer.rows.append((f"PDF ({p['dibangun']} dibangun){latar}", p["detik"]))
        self.timer.stage("grafik + PDF (sisa)" if latar else "catat cache", t)
        return stats


def generate(root: Path, timer: "Timer", workers: int | None = None, progress: bool = True, tunda_grafik: bool = False) -> dict:
    """Write build/docs for ``root``: unchanged agencies from the cache, changed ones loaded and rendered anew.

    Steps: fingerprint → process changed agencies → start drawing new charts → write/replay every agency →
    portal pages and schemas → remove stale files → charts written → record the cache. Returns statistics.
    Raises :class:`~generator.pesan.GalatData` when the data has errors (nothing is written).

    ``tunda_grafik``: return while the charts are still being drawn (in a process pool); ``stats["selesai"]()``
    then waits, writes them and records the cache — so MkDocs and Pagefind, which do not read the charts
    (``exclude_docs`` in mkdocs.yml; generator/situs.py copies them), run meanwhile on the other core.
    """
    from .charts import mulai_gambar
    from .pesan import cetak_masalah
    from .render import Penulis, buat_env, periksa_folder, render_portal, template_dir

    t0 = time.perf_counter()
    site, masalah, cache, base, folders, keys, cached = _sidik(root, timer)
    todo = [f.name for f in folders if f.name not in cached]
    hasil = _proses_berubah(root, site, todo, len(cached), workers, progress, timer)
    cetak_masalah([m for m in masalah if m.tingkat != "galat"])  # warnings about site_config
    t = time.perf_counter()
    out_dir = docs_dir(root)
    if out_dir.exists():
        periksa_folder(out_dir)
    jobs = [job for slug in todo for job in hasil[slug]["jobs"]]
    gambar = mulai_gambar(jobs, cache.folder / "grafik", workers)
    w = Penulis(out_dir)
    daftar, _, n = _tulis_instansi(w, folders, cached, hasil, keys, cache)
    for folder, specs in jobs:
        for sp in specs:
            w.akan_ditulis((folder / sp.chart.berkas).relative_to(out_dir).as_posix())
    for x in (x for slug in todo for x in hasil[slug].get("pdf", [])):  # compiled later: not stale
        w.akan_ditulis(x.rel)
    t = timer.stage("tulis + replay", t)
    render_portal(buat_env(template_dir(root)), Repo(root=root, site=site, instansi=[]), daftar, w, out_dir)
    _tulis_skema(root, base.split("|", 1)[0])
    removed = w.bersihkan()
    t = timer.stage("halaman portal", t)
    stats = {"halaman": w.halaman, "dihapus": removed, "temuan": n["temuan"], "laporan": n["laporan"], "jumlah_grafik": n["grafik"],
             "instansi": len(folders), "dari_cache": len(folders) - len(todo)}

    sisa = _Sisa(root, timer, stats, w, cache, jobs, gambar, [x for slug in todo for x in hasil[slug].get("pdf", [])])
    sisa.catat = lambda gagal: _catat_cache(cache, cached, hasil, todo, w, gagal, out_dir) or cache.prune(set(keys))
    stats.setdefault("t0", t0)
    if tunda_grafik:  # drawn and compiled in a thread while MkDocs and Pagefind run in their own processes
        sisa.mulai()
        stats.update(selesai=sisa.selesai, detik=time.perf_counter() - t0)
        return stats
    return sisa.selesai()


def build(root: Path, out: Path | None, timings: bool = False, mkdocs: bool = True, workers: int | None = None, strict: bool = False) -> int:
    """Generate the Markdown (incrementally), then build the site into ``out`` atomically.

    Data errors raise :class:`~generator.pesan.GalatData`. With ``strict``, any warning (validation, audit finding,
    render) stops the build before the site is touched, as ``mkdocs build --strict`` counts logged warnings.
    """
    from .pesan import Penghitung, log

    timer = Timer(timings)
    hitung = Penghitung()
    log.addHandler(hitung)
    try:  # with --strict every warning must be known before the site is touched: charts are drawn first
        stats = generate(root, timer, workers, tunda_grafik=mkdocs and not strict)
    finally:
        log.removeHandler(hitung)
    if strict and hitung.n:
        print(f"\n{hitung.n} peringatan; --strict menjadikannya galat. Situs tidak diubah.", file=sys.stderr)
        return 1
    rc = 0
    if mkdocs:
        try:
            rc = run_mkdocs(root, (out or root / "site").resolve(), timer, stats.get("selesai"))
        finally:
            stats.get("selesai", lambda: stats)()  # charts written and cached even when MkDocs failed
    g = stats["grafik"]
    print(f"{stats['halaman']} halaman Markdown ({stats['diubah']} berubah); {stats['instansi']} instansi "
          f"({stats['dari_cache']} dari cache); {stats['jumlah_grafik']} grafik ({g['dirender']} digambar, {stats['jumlah_grafik'] - g['dirender']} dari cache); "
          f"{stats['temuan']} temuan pemeriksaan data; PDF: {stats['pdf']['dibangun']} dibangun, {stats['pdf']['dari_cache']} dari cache PDF.")
    timer.rows.append(("generasi (jumlah)", stats["detik"]))
    timer.report()
    return rc


def source_date_epoch(root: Path) -> str:
    """Dates MkDocs writes (sitemap) come from the last commit, not the clock: same commit, same bytes."""
    try:
        proc = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "0"
    out = proc.stdout.strip()
    return out if proc.returncode == 0 and out.isdigit() else "0"


def run_mkdocs(root: Path, out: Path, timer: Timer | None = None, grafik=None) -> int:
    """Build the site into ``out`` with MkDocs and Pagefind, redoing only what changed (see generator/situs.py).

    ``grafik``: finishes the charts still being drawn (``generate(tunda_grafik=True)``); called once MkDocs and
    Pagefind, which do not need them, are done, before the charts are copied into the site."""
    from .situs import terbitkan

    return terbitkan(root, out, timer or Timer(False), source_date_epoch, grafik)
