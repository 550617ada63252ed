"""Spreadsheets in and out: ``lkip templat`` writes a workbook a planner fills in, ``lkip impor`` reads it back.

Modules:

- :mod:`.angka` — reading cells as Indonesian planners type them (``1.234.567,89``, ``92,9%``, ``Rp 1.234``);
- :mod:`.buku` — reading ``.xlsx``, ``.ods`` and ``.csv`` into plain cells, bounded in size, merged cells filled;
- :mod:`.skema` — the sheets and their columns (headers, synonyms, comments, drop-down choices);
- :mod:`.templat` — writing the workbook from an agency's data (or from its previous year);
- :mod:`.impor` — turning sheets into the agency's YAML data;
- :mod:`.anggaran` — the budget tree from kode rekening, and printed-total checks;
- :mod:`.tulis` — minimal-diff YAML writing (ruamel.yaml round trip: comments and layout kept);
- :mod:`.perintah` — the two ``lkip`` subcommands.
"""
