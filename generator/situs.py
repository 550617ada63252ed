"""Stage 7 — publish: MkDocs and Pagefind redo only what changed, and the published folder changes only on success.

MkDocs builds into a staging folder kept between builds (``.lkip-cache/situs/``); ``.lkip-cache/situs.json``
records, after each successful build, what that staging folder was built from and what it holds:

- ``masukan``: every file under the docs folder (``build/docs``): size, mtime, inode, ctime and SHA-256 (hashed
  again only when the stat changed);
- ``konfigurasi``: a hash of everything else MkDocs reads: mkdocs.yml and the files it INHERITs, the theme's
  custom_dir and hooks, the generator package (its Markdown extensions and plugins), the versions of Python,
  MkDocs, Material, pymdown-extensions, Markdown and Pagefind;
- ``tanggal``: SOURCE_DATE_EPOCH (only the sitemap shows it);
- ``nav``: a hash of the navigation as MkDocs resolved it (titles, URLs, front matter of the pages in the nav);
- ``staging`` and ``keluaran``: the stat and hash of every file in the staging folder and in the published one.

Then a build chooses the least work that gives the bytes of a cold build:

- nothing changed and the staging folder is intact → no MkDocs, no Pagefind;
- the same files with new contents (or a new date) and the same configuration → MkDocs rebuilds, into the
  staging folder, only the pages and static files whose contents changed, plus the pages of the navigation
  (every page shows the navigation) and the whole-site files (sitemap, 404). This is exact because a page's
  HTML depends only on its own Markdown, the configuration and the navigation; if the navigation comes out
  different from the recorded one the build starts over as a full one;
- anything else (files added or removed, configuration or code changed, staging folder missing or touched) →
  a full, clean MkDocs build into the staging folder.

Pagefind has no incremental mode: whenever MkDocs ran, the whole staging folder is indexed again (old bundle
removed first). Publishing then copies into the published folder only the files whose bytes differ (each
written beside its target and renamed over it) and deletes the files that are gone — when the published folder
is still exactly as the last build left it; otherwise the staging folder is copied whole into a temporary
folder that replaces the published one. MkDocs or Pagefind failing leaves the published folder untouched, and
the staging folder is then rebuilt from scratch next time. Deleting ``.lkip-cache/`` makes the next build a
cold one.

MkDocs runs in a child process (``python -m generator.situs``) so plugins start from a clean interpreter.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

from .kompres import kompres

FORMAT = "1"
CACHE_FOLDER = ".lkip-cache"
STAGING = "situs"
RECORD = "situs.json"
PAKET = ("mkdocs", "mkdocs-material", "pymdown-extensions", "Markdown", "pagefind", "pagefind_bin")
# exit code of the child when the navigation differs from the recorded one: a partial build would be wrong
PERLU_PENUH = 3


# ---------------------------------------------------------------------------------------------------
# Manifests: relative path → [size, mtime_ns, inode, ctime_ns, sha256]; folders as "path/" → None


def _stat(st: os.stat_result) -> list:
    return [st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns]


def _sha(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _jelajah(folder: Path, lewati: Callable[[str], bool] | None = None):
    """Yield (relative path, stat or None for a folder) for everything under ``folder``, in sorted order."""
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        rel = Path(dirpath).relative_to(folder).as_posix()
        pre = "" if rel == "." else rel + "/"
        if pre and lewati is not None and lewati(pre + "x"):
            dirnames[:] = []
            continue
        if pre:
            yield pre, None
        for name in sorted(filenames):
            if lewati is None or not lewati(pre + name):
                yield pre + name, os.stat(os.path.join(dirpath, name))


def pindai(folder: Path, lama: dict | None = None, lewati: Callable[[str], bool] | None = None) -> dict:
    """Manifest of ``folder``, reusing the hash recorded in ``lama`` for files whose stat did not change
    (``lewati``: files left out, not even looked at — they may be being written meanwhile)."""
    lama = lama or {}
    out: dict = {}
    for rel, st in _jelajah(folder, lewati):
        if st is None:
            out[rel] = None
            continue
        s = _stat(st)
        old = lama.get(rel)
        out[rel] = s + [old[4] if old and old[:4] == s else _sha(folder / rel)]
    return out


def periksa(folder: Path, manifest: dict | None) -> dict | None:
    """``manifest`` with fresh stats if ``folder`` holds exactly its files and folders with the recorded contents,
    else None. Contents are hashed only where the stat differs (e.g. a folder restored from a CI cache)."""
    if manifest is None or not folder.is_dir():
        return None
    baru: dict = {}
    for rel, st in _jelajah(folder):
        rec = manifest.get(rel, False)
        if rec is False or (st is None) != (rec is None):
            return None
        if st is None:
            baru[rel] = None
            continue
        s = _stat(st)
        if s != rec[:4] and (s[0] != rec[0] or _sha(folder / rel) != rec[4]):
            return None
        baru[rel] = s + [rec[4]]
    return baru if len(baru) == len(manifest) else None


def _isi(manifest: dict) -> dict:
    return {rel: v[4] for rel, v in manifest.items() if v is not None}


# ---------------------------------------------------------------------------------------------------
# What MkDocs reads besides the docs folder


def _yaml_longgar(path: Path) -> dict:
    """mkdocs.yml read just for a few paths: unknown tags (!ENV, !relative, python names) read as None."""
    import yaml

    class Longgar(yaml.SafeLoader):
        pass

    Longgar.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=Longgar)  # noqa: S506 — a SafeLoader subclass
    except (OSError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def konfigurasi_mkdocs(config_file: Path) -> tuple[Path, list[Path]]:
    """(docs folder, files MkDocs reads besides the docs) from mkdocs.yml and the files it INHERITs.

    As in MkDocs, the child file wins over the file it inherits, and paths are relative to mkdocs.yml's folder.
    """
    files: list[Path] = []
    merged: dict = {}
    path, seen = config_file, set()
    while path is not None and path.is_file() and path not in seen:
        seen.add(path)
        files.append(path)
        data = _yaml_longgar(path)
        theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
        for key, value in (("docs_dir", data.get("docs_dir")), ("hooks", data.get("hooks")), ("custom_dir", theme.get("custom_dir"))):
            if value is not None:
                merged.setdefault(key, value)
        inherit = data.get("INHERIT")
        path = (path.parent / inherit).resolve() if isinstance(inherit, str) else None
    base = config_file.parent
    docs = base / merged["docs_dir"] if isinstance(merged.get("docs_dir"), str) else base / "docs"
    if isinstance(merged.get("custom_dir"), str) and (base / merged["custom_dir"]).is_dir():
        files += sorted(p for p in (base / merged["custom_dir"]).rglob("*") if p.is_file())
    if isinstance(merged.get("hooks"), list):
        files += [base / h for h in merged["hooks"] if isinstance(h, str)]
    return docs, files


@functools.lru_cache(maxsize=1)
def hash_kode() -> str:
    """Hash of the generator package (its Markdown extensions and MkDocs plugin run inside MkDocs; the agency cache
    keys on it too, generator/pipeline.py): read once per process."""
    pkg = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for p in sorted(p for p in pkg.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"):
        h.update(f"\0{p.relative_to(pkg).as_posix()}\0".encode("utf-8"))
        h.update(p.read_bytes())
    return h.hexdigest()


def hash_konfigurasi(config_file: Path) -> str:
    """Hash of what MkDocs reads besides the docs folder (see the module docstring)."""
    from importlib import metadata

    h = hashlib.sha256(f"{FORMAT}|{sys.version_info[:2]}|kode {hash_kode()}".encode())
    for name in PAKET:
        try:
            h.update(f"|{name} {metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"|{name} -".encode())
    _, files = konfigurasi_mkdocs(config_file)
    for p in files:
        h.update(f"\0{os.path.relpath(p, config_file.parent)}\0".encode("utf-8"))
        h.update(p.read_bytes() if p.is_file() else b"-")
    return h.hexdigest()


# ---------------------------------------------------------------------------------------------------
# The record


class Catatan:
    """``.lkip-cache/situs.json``, written atomically; a missing or unreadable record means a full build."""

    def __init__(self, root: Path):
        self.path = root / CACHE_FOLDER / RECORD
        try:
            self.data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.data = {}
        if self.data.get("format") != FORMAT:
            self.data = {"format": FORMAT}

    def simpan(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{RECORD}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(self.data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.path)


def rencana(cat: Catatan, staging: Path, konf: str, tanggal: str, masukan: dict) -> tuple[str, list[str] | str]:
    """("tetap", []) | ("sebagian", docs files whose contents changed) | ("penuh", why) for this build."""
    d = cat.data
    if "masukan" not in d:
        return "penuh", "belum ada pembangunan sebelumnya yang tercatat"
    if d.get("konfigurasi") != konf:
        return "penuh", "konfigurasi MkDocs, tema, kode generator atau versi paket berubah"
    d["staging"] = periksa(staging, d.get("staging"))
    if d["staging"] is None:
        return "penuh", f"folder antara {staging} tidak ada atau berubah"
    if d["masukan"].keys() != masukan.keys():
        return "penuh", "ada berkas yang ditambah atau dihapus"
    lama, baru = _isi(d["masukan"]), _isi(masukan)
    berubah = sorted(k for k in baru if baru[k] != lama[k])
    if not berubah and d.get("tanggal") == tanggal:
        return "tetap", []
    return "sebagian", berubah


# ---------------------------------------------------------------------------------------------------
# MkDocs (child process) and Pagefind


def jalankan_mkdocs(config_file: Path, staging: Path, tanggal: str, berubah: list[str] | None, nav: str | None) -> tuple[int, str, str | None]:
    """Build into ``staging``: everything (``berubah`` None) or only those docs files plus the navigation pages.

    Returns (exit code, stderr, navigation hash).
    """
    staging.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lkip-situs-") as tmp:
        rencana_file, hasil_file = Path(tmp) / "rencana.json", Path(tmp) / "hasil.json"
        rencana_file.write_text(json.dumps({"berubah": berubah, "nav": nav}), encoding="utf-8")
        env = dict(os.environ, SOURCE_DATE_EPOCH=tanggal)
        cmd = [sys.executable, "-m", "generator.situs", str(config_file), str(staging), str(rencana_file), str(hasil_file)]
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
        try:
            hasil = json.loads(hasil_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            hasil = {}
    return proc.returncode, proc.stdout + proc.stderr, hasil.get("nav")


def _sidik_nav(nav) -> str:
    """Hash of what every page shows of the navigation: sections, titles, URLs and the nav pages' front matter."""

    def item(x):
        if x.is_section:
            return ["S", x.title, [item(c) for c in x.children]]
        if x.is_page:
            return ["P", x.title, x.url, x.file.src_uri, x.meta]
        return ["L", x.title, x.url]

    text = json.dumps([item(x) for x in nav.items], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _anak(argv: list[str]) -> int:
    """Child process: ``python -m generator.situs CONFIG SITE_DIR RENCANA HASIL`` (see :func:`jalankan_mkdocs`)."""
    import logging

    from mkdocs.commands import build as mk_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException
    from mkdocs.plugins import BasePlugin
    from mkdocs.structure.files import File

    config_file, site_dir, rencana_file, hasil_file = argv
    plan = json.loads(Path(rencana_file).read_text(encoding="utf-8"))
    log = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.ERROR)  # as `mkdocs build --quiet`
    log.propagate = False
    berubah = None if plan["berubah"] is None else set(plan["berubah"])
    keadaan: dict = {"nav_uri": set(), "nav": None}

    class Rekam(BasePlugin):
        """Registered last: sees the navigation as the other plugins leave it."""

        def on_nav(self, nav, config, files):
            keadaan["nav_uri"] = {p.file.src_uri for p in nav.pages}
            keadaan["nav_obj"] = nav
            return nav

        def on_env(self, env, config, files):  # every page read, nothing written yet
            keadaan["nav"] = _sidik_nav(keadaan["nav_obj"])
            if berubah is not None and plan["nav"] != keadaan["nav"]:
                raise _NavBerubah()
            return env

    if berubah is not None:
        def is_modified(self) -> bool:
            return getattr(self, "_content", None) is not None or self.src_uri in berubah or self.src_uri in keadaan["nav_uri"]

        File.is_modified = is_modified  # this process builds once and exits
    try:
        cfg = load_config(config_file=config_file, site_dir=site_dir)
        cfg.plugins["lkip-situs"] = Rekam()
        cfg.plugins.on_startup(command="build", dirty=berubah is not None)
        try:
            mk_build.build(cfg, dirty=berubah is not None)
        finally:
            cfg.plugins.on_shutdown()
    except _NavBerubah:
        return PERLU_PENUH
    except MkDocsException as e:
        print(f"{type(e).__name__}: {e}", file=sys.stderr)
        return 1
    Path(hasil_file).write_text(json.dumps({"nav": keadaan["nav"]}), encoding="utf-8")
    return 0


class _NavBerubah(Exception):
    pass


def jalankan_pagefind(staging: Path):
    from .pencarian import run_pagefind

    shutil.rmtree(staging / "pagefind", ignore_errors=True)
    return run_pagefind(staging)


# ---------------------------------------------------------------------------------------------------
# Publishing


def _salin_berkas(src: Path, dst: Path) -> None:
    """Replace ``dst`` by a copy of ``src`` in one rename (a reader sees the old file or the new one)."""
    tmp = dst.with_name(f".{dst.name}.lkip-{os.getpid()}.tmp")
    shutil.copyfile(src, tmp)
    os.replace(tmp, dst)


def terbitkan_berkas(staging: Path, out: Path, isi_staging: dict, isi_out: dict) -> int:
    """Make ``out`` (known to hold ``isi_out``) hold ``isi_staging``: copy what differs, delete what is gone.

    Returns the number of files written or deleted.
    """
    n = 0
    for rel in sorted(k for k, v in isi_staging.items() if v is None):
        (out / rel).mkdir(exist_ok=True)
    for rel, sha in isi_staging.items():
        if sha is not None and isi_out.get(rel) != sha:
            _salin_berkas(staging / rel, out / rel)
            n += 1
    for rel in sorted((k for k in isi_out if k not in isi_staging), reverse=True):  # files before their folders
        if isi_out[rel] is None:
            shutil.rmtree(out / rel, ignore_errors=True)
        else:
            (out / rel).unlink(missing_ok=True)
            n += 1
    return n


def terbitkan_penuh(staging: Path, out: Path) -> None:
    """Copy the staging folder beside ``out``, then swap it in (rename) and delete the previous site."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    try:
        shutil.copytree(staging, tmp, copy_function=shutil.copyfile, dirs_exist_ok=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = out.with_name(f".{out.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        out.rename(old)
    tmp.rename(out)
    shutil.rmtree(old, ignore_errors=True)


# ---------------------------------------------------------------------------------------------------
# The stage


def _grafik(rel: str) -> bool:
    """A report's chart (``<slug>/<tahun>/grafik/…``) or PDF (``<slug>/<tahun>/laporan-….pdf``): MkDocs does not read
    them (``exclude_docs``); they may still be being written while MkDocs runs, and are copied here afterwards."""
    parts = rel.split("/")
    return len(parts) >= 3 and (parts[2] == "grafik" or (len(parts) == 3 and parts[2].startswith("laporan-") and parts[2].endswith(".pdf")))


_SESUDAH = ("*/*/grafik/*", "*/*/laporan-*.pdf")


def salin_grafik(docs: Path, staging: Path) -> int:
    """Make the staging folder's report charts and PDFs those of the docs folder (copy what differs, delete what is gone)."""
    n = 0
    punya = {p.relative_to(docs).as_posix() for pola in _SESUDAH for p in docs.glob(pola) if p.is_file()}
    for p in [p for pola in _SESUDAH for p in staging.glob(pola)] if staging.is_dir() else []:
        if p.relative_to(staging).as_posix() not in punya:
            p.unlink()
            n += 1
    for rel in sorted(punya):
        src, dst = docs / rel, staging / rel
        data = src.read_bytes()
        if not (dst.is_file() and dst.stat().st_size == len(data) and dst.read_bytes() == data):
            dst.parent.mkdir(parents=True, exist_ok=True)
            _salin_berkas(src, dst)
            n += 1
    return n


def terbitkan(root: Path, out: Path, timer, epoch: Callable[[Path], str] | None = None, grafik: Callable[[], object] | None = None) -> int:
    """Build the site from the docs folder into ``out`` (see the module docstring). Returns an exit code.

    ``timer.stage(name, start)`` records the stages "periksa situs", "MkDocs", "Pagefind" and "ganti situs";
    ``epoch(root)`` gives SOURCE_DATE_EPOCH when the environment does not. ``grafik``: waits for the charts still
    being drawn and writes them into the docs folder; called after MkDocs and Pagefind (which do not read them),
    before they are copied into the staging folder.
    """
    t = time.perf_counter()
    out = out.resolve()
    config_file = root / "mkdocs.yml"
    staging = root / CACHE_FOLDER / STAGING
    tanggal = os.environ["SOURCE_DATE_EPOCH"] if "SOURCE_DATE_EPOCH" in os.environ else (epoch(root) if epoch else "0")
    cat = Catatan(root)
    docs, _ = konfigurasi_mkdocs(config_file)
    konf = hash_konfigurasi(config_file)
    masukan = pindai(docs, cat.data.get("masukan"), _grafik) if docs.is_dir() else {}
    mode, berubah = rencana(cat, staging, konf, tanggal, masukan)
    t = timer.stage("periksa situs", t)
    if mode == "tetap":
        print("Masukan situs tidak berubah: MkDocs dan Pagefind dilewati.")
        cat.data["masukan"] = masukan  # same contents; fresher stats
    else:
        rc = _bangun(cat, config_file, staging, tanggal, mode, berubah, timer, t, out)
        if rc:
            return rc
        cat.data.update(konfigurasi=konf, tanggal=tanggal, masukan=masukan)
        t = time.perf_counter()
    if grafik is not None:
        grafik()
    if salin_grafik(docs, staging) or mode != "tetap":
        kompres(staging, cat.data.get("staging_lama") or cat.data.get("staging"))  # .gz beside changed text files
        cat.data["staging"] = pindai(staging, cat.data.get("staging_lama") or cat.data.get("staging"))
    cat.data.pop("staging_lama", None)
    cat.simpan()
    t = timer.stage("grafik ke situs", t)
    return _terbitkan_ke(cat, staging, out, timer, t)


def _bangun(cat: Catatan, config_file: Path, staging: Path, tanggal: str, mode: str, berubah: list[str] | str, timer, t: float, out: Path) -> int:
    """Run MkDocs (partial or full) and Pagefind on the staging folder; the record says it is unusable meanwhile."""
    d = cat.data
    d["staging_lama"] = d.pop("staging", None)  # reuse its hashes afterwards; until then the staging is not trusted
    cat.simpan()
    if mode == "penuh":
        print(f"MkDocs membangun semua halaman: {berubah}.")
        shutil.rmtree(staging, ignore_errors=True)
    rc, log, nav = jalankan_mkdocs(config_file, staging, tanggal, berubah if mode == "sebagian" else None, d.get("nav"))
    if rc == PERLU_PENUH:
        print("Navigasi situs berubah: MkDocs membangun ulang semua halaman.")
        mode = "penuh"
        shutil.rmtree(staging, ignore_errors=True)
        rc, log, nav = jalankan_mkdocs(config_file, staging, tanggal, None, None)
    if rc != 0:
        print(log[-4000:], file=sys.stderr)
        print(f"MkDocs gagal; {out} tidak diubah.", file=sys.stderr)
        return 1
    d["nav"] = nav
    if mode == "sebagian":
        print(f"MkDocs membangun ulang sebagian: {len(berubah)} berkas berubah (halaman navigasi, sitemap dan 404 selalu).")
    t = timer.stage("MkDocs", t)
    proc = jalankan_pagefind(staging)
    if proc.returncode != 0:
        print((proc.stdout + proc.stderr)[-4000:], file=sys.stderr)
        print(f"Pagefind gagal membuat indeks pencarian; {out} tidak diubah.", file=sys.stderr)
        return 1
    timer.stage("Pagefind", t)
    return 0


def _terbitkan_ke(cat: Catatan, staging: Path, out: Path, timer, t: float) -> int:
    """Publish the staging folder to ``out``: only the differences when ``out`` is as the last build left it."""
    d = cat.data
    isi_staging = {k: (None if v is None else v[4]) for k, v in d["staging"].items()}
    kel = d.get("keluaran") or {}
    if kel.get("path") == str(out) and (berkas := periksa(out, kel.get("berkas"))) is not None:
        kel["berkas"] = berkas
        isi_out = {k: (None if v is None else v[4]) for k, v in kel["berkas"].items()}
        if isi_out == isi_staging:
            print(f"Situs di {out} sudah mutakhir; tidak ada berkas yang diubah.")
            cat.simpan()  # stats refreshed by periksa()
            timer.stage("ganti situs", t)
            return 0
        d.pop("keluaran")
        cat.simpan()  # interrupted from here on: the next build copies the whole site
        n = terbitkan_berkas(staging, out, isi_staging, isi_out)
        print(f"Situs diperbarui di {out} ({n} berkas diubah atau dihapus)")
    else:
        d.pop("keluaran", None)
        cat.simpan()
        terbitkan_penuh(staging, out)
        print(f"Situs dibangun di {out}")
    d["keluaran"] = {"path": str(out), "berkas": {rel: (None if sha is None else _stat(os.stat(out / rel)) + [sha]) for rel, sha in isi_staging.items()}}
    cat.simpan()
    timer.stage("ganti situs", t)
    return 0


if __name__ == "__main__":
    sys.exit(_anak(sys.argv[1:]))
