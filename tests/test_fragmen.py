"""Tables and figures travel beside the Markdown (generator/fragmen.py) and come back unchanged in the HTML."""

import markdown

from generator import fragmen

PAGE = """# Judul {: #judul }

Teks pembuka.

<!--lkip:awal-->
<div class="tabel-gulir" id="tabel-1-1">
<table><caption>Tabel 1.1 A &amp; B</caption><tr><td>1</td></tr></table>
</div>

<p class="sumber-tabel">Sumber: x</p>
<!--lkip:akhir-->

<!--lkip:awal-->
<figure class="grafik" id="gambar-1-1"><figcaption>Gambar 1.1</figcaption></figure>
<!--lkip:akhir-->

## Bagian {: #bagian }

Akhir.
"""


def _md(text: str) -> str:
    return markdown.Markdown(extensions=["attr_list", "toc"]).convert(text)


def test_blocks_move_to_the_end_and_come_back_as_python_markdown_would_pass_them():
    md = fragmen.pisahkan(PAGE)
    body, blok = fragmen.ambil(md)
    assert "<table" not in body and body.count("LKIPFRAGMEN") == 2
    assert len(blok) == 2 and blok[0].startswith('<div class="tabel-gulir"') and blok[1].startswith("<figure")
    plain = PAGE.replace(fragmen.AWAL + "\n", "").replace(fragmen.AKHIR + "\n", "")
    assert fragmen.sisipkan(_md(body), blok) == _md(plain)
    assert fragmen.id_dalam(blok) == {"tabel-1-1", "gambar-1-1"}


def test_a_page_without_blocks_is_left_alone():
    assert fragmen.pisahkan("# A\n\nteks\n") == "# A\n\nteks\n"
    assert fragmen.ambil("# A\n\nteks\n") == ("# A\n\nteks\n", [])


def test_a_block_at_the_very_end_of_the_page():
    page = "# A\n\n<!--lkip:awal-->\n<div id=\"x\">1</div>\n<!--lkip:akhir-->\n"
    body, blok = fragmen.ambil(fragmen.pisahkan(page))
    assert fragmen.sisipkan(_md(body), blok) == _md(page.replace(fragmen.AWAL + "\n", "").replace(fragmen.AKHIR + "\n", ""))


def test_every_complete_html_paragraph_moves_but_markdown_and_partial_html_stay():
    page = ('# A {: #a }\n\n<div class="narasi">\n<p>x</p>\n</div>\n\n<div class="luar">\n<p>1</p>\n\n<div class="dalam">2</div>\n</div>\n\n'
            '<p>teks</p>\nbukan html\n\n<span>inline</span>\n\nParagraf *biasa*.\n')
    body, blok = fragmen.ambil(fragmen.pisahkan(page))
    assert blok == ['<div class="narasi">\n<p>x</p>\n</div>', '<div class="luar">\n<p>1</p>\n\n<div class="dalam">2</div>\n</div>']
    assert "bukan html" in body and "<span>inline</span>" in body and "Paragraf *biasa*." in body
    assert fragmen.sisipkan(_md(body), blok) == _md(page)
