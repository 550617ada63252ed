"""Drawing every chart of a build once: the on-disk cache (file name = :attr:`ChartSpec.kunci`), the process pool,
copying into the report folders and pruning."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any, Callable, Iterable
from xml.sax.saxutils import escape

from .gaya import ABU, LEBAR, TEKS
from .spec import SUBFOLDER, Chart, ChartSpec

def _tulis_atomik(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _gambar_ke_cache(batch: list[tuple[str, ChartSpec]], cache_dir: str) -> dict[str, str]:
    """Worker: draw each spec and store it as ``<cache_dir>/<kunci>.svg``. Returns ``{kunci: error}`` of failures."""
    from . import svg  # looked up at call time, so patching ``generator.charts.svg.draw_svg`` takes effect

    errors: dict[str, str] = {}
    for key, spec in batch:
        try:
            data = svg.draw_svg(spec)
        except Exception as e:  # noqa: BLE001 — one bad chart must not stop the build (see _svg_cadangan)
            errors[key] = f"{type(e).__name__}: {e}"
            continue
        _tulis_atomik(Path(cache_dir) / f"{key}.svg", data)
    return errors


def _svg_cadangan(c: Chart) -> bytes:
    """A small text-only SVG used when drawing failed: same title/desc, points to the data table. Not cached."""
    w, h = LEBAR * 72, 72.0
    body = (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="grafik-{c.id}-judul" '
            f'aria-describedby="grafik-{c.id}-desk" xml:lang="id" lang="id" width="{w:g}pt" height="{h:g}pt" '
            f'viewBox="0 0 {w:g} {h:g}" id="grafik-{c.id}">\n'
            f' <title id="grafik-{c.id}-judul">{escape(c.alt)}</title>\n <desc id="grafik-{c.id}-desk">{escape(c.deskripsi)}</desc>\n'
            f' <rect width="100%" height="100%" fill="white" stroke="{ABU}"/>\n'
            f' <text x="12" y="40" font-family="sans-serif" font-size="11" fill="{TEKS}">Grafik tidak dapat digambar; angkanya ada di tabel data.</text>\n'
            "</svg>\n")
    return body.encode("utf-8")


def _gambar_paralel(items: list[tuple[str, ChartSpec]], cache_dir: Path, n_workers: int) -> dict[str, str]:
    """Draw in a process pool, one batch per process (matplotlib is imported once per process).

    ``fork`` where the platform has it (no ``if __name__ == "__main__"`` guard needed in the caller, nothing
    re-imported); if the pool cannot start or breaks, whatever is still missing is drawn in this process.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    if ctx is not None:  # import once here; forked workers inherit it instead of each importing matplotlib
        import matplotlib.backends.backend_agg  # noqa: F401
        import matplotlib.backends.backend_svg  # noqa: F401
        import matplotlib.figure  # noqa: F401
    batches = [items[i::n_workers] for i in range(n_workers)]
    errors: dict[str, str] = {}
    try:
        with ProcessPoolExecutor(max_workers=n_workers, mp_context=ctx) as pool:
            for e in pool.map(_gambar_ke_cache, batches, [str(cache_dir)] * len(batches)):
                errors.update(e)
    except Exception:  # noqa: BLE001 — a broken pool must not break the build; fall back below
        pass
    missing = [(k, s) for k, s in items if k not in errors and not (cache_dir / f"{k}.svg").exists()]
    if missing:
        errors.update(_gambar_ke_cache(missing, str(cache_dir)))
    return errors


MIN_PER_WORKER = 6  # fewer charts per process than this and a pool costs more than it saves (≈1 s matplotlib import each)


class Gambar:
    """Charts being drawn into the cache in a process pool while the caller does other work (``mulai_gambar``).

    The pool is started from the calling thread (no extra thread: forking a multi-threaded process could copy a
    held lock). :meth:`selesai` waits and returns ``{kunci: error}`` of the charts that failed to draw.
    """

    def __init__(self, items: list[tuple[str, ChartSpec]], cache_dir: Path, n_workers: int):
        self.items, self.cache_dir, self.errors = items, cache_dir, None
        self.pool = self.futures = None
        if n_workers > 1 and items:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            ctx = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
            if ctx is not None:
                import matplotlib.backends.backend_agg  # noqa: F401
                import matplotlib.backends.backend_svg  # noqa: F401
                import matplotlib.figure  # noqa: F401
            try:
                self.pool = ProcessPoolExecutor(max_workers=n_workers, mp_context=ctx)
                self.futures = [self.pool.submit(_gambar_ke_cache, items[i::n_workers], str(cache_dir)) for i in range(n_workers)]
            except Exception:  # noqa: BLE001 — no pool: drawn in this process by selesai()
                self.pool = self.futures = None

    def selesai(self) -> dict[str, str]:
        if self.errors is not None:
            return self.errors
        errors: dict[str, str] = {}
        if self.futures is not None:
            for f in self.futures:
                try:
                    errors.update(f.result())
                except Exception:  # noqa: BLE001 — a broken pool must not break the build; drawn below
                    pass
            self.pool.shutdown()
        missing = [(k, s) for k, s in self.items if k not in errors and not (self.cache_dir / f"{k}.svg").exists()]
        if missing:
            errors.update(_gambar_ke_cache(missing, str(self.cache_dir)))
        self.errors = errors
        return errors


def _belum_ada(jobs: list[tuple[Path, list[ChartSpec]]], cache_dir: Path) -> list[tuple[str, ChartSpec]]:
    """Charts whose cache entry is missing, each key once."""
    todo: dict[str, ChartSpec] = {}
    for _folder, specs in jobs:
        for s in specs:
            if s.kunci not in todo and not (cache_dir / f"{s.kunci}.svg").exists():
                todo[s.kunci] = s
    return list(todo.items())


def mulai_gambar(jobs: Iterable[tuple[Path, list[ChartSpec]]], cache_dir: Path, workers: int | None = None) -> Gambar:
    """Start drawing the charts of ``jobs`` that are not in the cache; pass the result to ``render_charts(sudah=…)``."""
    jobs = [(Path(folder), list(specs)) for folder, specs in jobs]
    cache_dir = Path(cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    items = _belum_ada(jobs, cache_dir)
    return Gambar(items, cache_dir, min(workers or os.cpu_count() or 1, max(1, len(items) // MIN_PER_WORKER)))


def render_charts(jobs: Iterable[tuple[Path, list[ChartSpec]]], cache_dir: Path, workers: int | None = None,
                  tulis: Callable[[Path, bytes], None] | None = None, sudah: Gambar | None = None) -> dict[str, Any]:
    """Draw (or take from the cache) every chart and write it to ``<folder>/<chart.berkas>``.

    ``jobs``: ``(report output folder, plan_charts(...))`` pairs. Only charts whose cache entry is missing are
    drawn; identical charts are drawn once. Stale ``*.svg`` files in each ``<folder>/grafik/`` are removed.
    ``tulis``: optional writer ``tulis(path, data)`` called for every output file instead of writing it here
    (e.g. the renderer's own writer that skips unchanged files and removes what a run did not write); with
    it, this function neither writes nor deletes anything under the output folders.
    Returns ``{"dirender": drawn now, "dari_cache": files served from an existing cache entry,
    "berkas": files in the output, "gagal": ["<tahun>/grafik/x.svg: error", …], "detik": seconds}``. A chart that
    fails to draw gets a text-only placeholder SVG with the same title/desc (not cached) and is listed in
    ``gagal``; the build goes on — print those as warnings. ``sudah``: the drawing started earlier by
    :func:`mulai_gambar` for these jobs (waited for here instead of drawing).
    """
    start = time.perf_counter()
    jobs = [(Path(folder), list(specs)) for folder, specs in jobs]
    cache_dir = Path(cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    keyed: list[tuple[Path, ChartSpec, str]] = [(folder, s, s.kunci) for folder, specs in jobs for s in specs]
    if sudah is not None:
        items = sudah.items
        errors = sudah.selesai()
    else:
        items = _belum_ada(jobs, cache_dir)
        n_workers = min(workers or os.cpu_count() or 1, max(1, len(items) // MIN_PER_WORKER))
        errors = _gambar_ke_cache(items, str(cache_dir)) if n_workers <= 1 else _gambar_paralel(items, cache_dir, n_workers)
    todo = dict(items)
    berkas = dari_cache = 0
    expected: dict[Path, set[str]] = {}
    for folder, s, key in keyed:
        dest = folder / s.chart.berkas
        expected.setdefault(dest.parent, set()).add(dest.name)
        data = _svg_cadangan(s.chart) if key in errors else (cache_dir / f"{key}.svg").read_bytes()
        if tulis is not None:
            tulis(dest, data)
        elif not (dest.exists() and dest.read_bytes() == data):
            _tulis_atomik(dest, data)
        berkas += 1
        dari_cache += key not in todo
    for folder, _specs in ([] if tulis is not None else jobs):
        sub = folder / SUBFOLDER
        keep = expected.get(sub, set())
        if sub.is_dir():
            for p in sub.glob("*.svg"):
                if p.name not in keep:
                    p.unlink()
    gagal = sorted({f"{folder.parent.name}/{folder.name}/{s.chart.berkas}: {errors[key]}" for folder, s, key in keyed if key in errors})
    return {"dirender": len(items) - len(errors), "dari_cache": dari_cache, "berkas": berkas, "gagal": gagal,
            "detik": round(time.perf_counter() - start, 3)}


def bersihkan_cache(cache_dir: Path, jobs: Iterable[tuple[Path, list[ChartSpec]]]) -> int:
    """Delete cache entries no chart in ``jobs`` uses (call after a full build); returns how many were removed."""
    keep = {f"{s.kunci}.svg" for _folder, specs in jobs for s in specs}
    removed = 0
    for p in Path(cache_dir).glob("*.svg"):
        if p.name not in keep:
            p.unlink()
            removed += 1
    return removed
