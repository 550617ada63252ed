"""Precompressed copies (generator/kompres.py): .gz and .br that decompress to the file, same bytes every build,
stale copies removed, unchanged files skipped."""

import gzip
import os

import brotli

from generator.kompres import TERKECIL, kompres
from generator.situs import pindai

HALAMAN = ("<html lang=id><body>" + "<tr><th>Indikator</th><td class=angka>94,40%</td></tr>\n" * 200 + "</body></html>").encode()


def _situs(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_bytes(HALAMAN)
    (tmp_path / "gaya.css").write_bytes(b"body{margin:0}" * 100)
    (tmp_path / "kecil.js").write_bytes(b"x=1")  # below TERKECIL
    (tmp_path / "logo.png").write_bytes(b"\x89PNG" * 400)  # not text
    return tmp_path


def test_gz_and_br_decompress_to_the_file(tmp_path):
    s = _situs(tmp_path)
    assert kompres(s, workers=1) == 2
    for rel in ("a/index.html", "gaya.css"):
        asli = (s / rel).read_bytes()
        assert gzip.decompress((s / (rel + ".gz")).read_bytes()) == asli
        assert brotli.decompress((s / (rel + ".br")).read_bytes()) == asli
        assert (s / (rel + ".br")).stat().st_size < (s / (rel + ".gz")).stat().st_size
    assert len(b"x=1") < TERKECIL and not (s / "kecil.js.gz").exists() and not (s / "kecil.js.br").exists()
    assert not (s / "logo.png.gz").exists() and not (s / "logo.png.br").exists()


def test_same_input_same_bytes(tmp_path):
    (tmp_path / "1").mkdir()
    (tmp_path / "2").mkdir()
    a, b = _situs(tmp_path / "1"), _situs(tmp_path / "2")
    kompres(a, workers=1)
    kompres(b, workers=2)
    for akhiran in (".gz", ".br"):
        assert (a / ("a/index.html" + akhiran)).read_bytes() == (b / ("a/index.html" + akhiran)).read_bytes()


def test_unchanged_files_skipped_and_stale_copies_removed(tmp_path):
    s = _situs(tmp_path)
    kompres(s, workers=1)
    lama = pindai(s)
    assert kompres(s, lama, workers=1) == 0
    (s / "gaya.css").write_bytes(b"body{margin:1px}" * 100)
    assert kompres(s, lama, workers=1) == 1
    assert gzip.decompress((s / "gaya.css.gz").read_bytes()) == (s / "gaya.css").read_bytes()
    os.unlink(s / "a" / "index.html")
    assert kompres(s, pindai(s), workers=1) == 2  # its .gz and .br are gone with it
    assert not (s / "a" / "index.html.gz").exists() and not (s / "a" / "index.html.br").exists()
