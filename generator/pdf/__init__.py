"""Stage 4c — the signed document: an accessible PDF of each report, from the same views as the site.

- :mod:`.dokumen` — the print page's Markdown → HTML → Typst markup, in the order of an LKIP document
  (built in the render worker: :func:`susun`, a picklable :class:`SumberPdf`);
- :mod:`.typst_html` — the HTML → Typst conversion (every text escaped; links only to labels that exist);
- :mod:`.mesin` — compiling with Typst (tagged PDF/UA-1, bundled fonts), cached by input hash in ``.lkip-cache/pdf``.

The template is ``theme/pdf/laporan.typ``; the settings are ``pdf:`` in ``site_config/lkip.yaml``.
"""

from .dokumen import SumberPdf, nama_pdf, susun
from .mesin import bangun, kompilasi

__all__ = ["SumberPdf", "bangun", "kompilasi", "nama_pdf", "susun"]
