"""``lkip pdf SLUG TAHUN``: one report's PDF without building the site (load → validate → compute → render in
memory → charts → Typst), using the same caches as ``lkip build``."""

from __future__ import annotations

import tempfile
from pathlib import Path


def pdf_satu(root: Path, slug: str, tahun: int, out: Path | None = None) -> tuple[Path, dict]:
    """Write the PDF of one report to ``out`` (default: ``laporan-<slug>-<tahun>.pdf`` in the current folder).

    Data errors raise :class:`~generator.pesan.GalatData` with the problems in Indonesian; returns the path
    written and the build statistics of :func:`generator.pdf.mesin.bangun`."""
    from ..charts import render_charts
    from ..load import Lokasi, Masalah
    from ..pesan import GalatData, cetak_masalah, tangkap
    from ..pipeline import compute_repo
    from ..render import Kumpul, buat_env, render_instansi, template_dir
    from ..validate import Repo, load_instansi, load_site
    from .dokumen import nama_pdf
    from .mesin import bangun

    masalah: list[Masalah] = []
    site = load_site(root, masalah)
    folder = root / "agencies" / slug
    if site is not None and not folder.is_dir():
        ada = ", ".join(sorted(p.name for p in (root / "agencies").iterdir() if p.is_dir())) if (root / "agencies").is_dir() else "-"
        masalah.append(Masalah(Lokasi(f"agencies/{slug}", 1, 1), f"instansi '{slug}' tidak ada; yang ada: {ada}"))
    inst = load_instansi(folder, root, site, masalah) if site is not None and folder.is_dir() else None
    if inst is not None and tahun not in inst.laporan:
        masalah.append(Masalah(Lokasi(f"agencies/{slug}", 1, 1), f"laporan tahun {tahun} tidak ada; tahun yang ada: {', '.join(map(str, sorted(inst.laporan))) or '-'}"))
    if inst is None or any(m.tingkat == "galat" for m in masalah):
        raise GalatData(masalah, "Perbaiki lalu jalankan ulang. PDF tidak dibuat.")
    cetak_masalah(masalah)
    site = site.model_copy(update={"pdf": site.pdf.model_copy(update={"aktif": True})})
    repo = Repo(root=root, site=site, instansi=[inst])
    hasil = list(compute_repo(repo))  # every year, as the build renders them (pages may link to other years)
    out = (out or Path.cwd() / nama_pdf(slug, tahun)).resolve()
    with tempfile.TemporaryDirectory(prefix="lkip-pdf-") as tmp:
        docs = Path(tmp)
        w = Kumpul()
        with tangkap():
            _, jobs = render_instansi(buat_env(template_dir(root)), repo, inst, hasil, w, docs)
        jobs = [(f, specs) for f, specs in jobs if f.name == str(tahun)]
        render_charts(jobs, root / ".lkip-cache" / "grafik", workers=1)
        sumber = [s for s in w.pdf if s.tahun == tahun]

        def tulis(rel: str, data: bytes) -> None:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(data)

        stats = bangun(sumber, root, docs, tulis)
    if stats["gagal"]:
        raise GalatData([Masalah(Lokasi(f"agencies/{slug}", 1, 1), "PDF gagal dibuat: " + g) for g in stats["gagal"]], "PDF tidak dibuat.")
    return out, stats
