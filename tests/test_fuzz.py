"""Property-based tests: random or mutated YAML never crashes the loader/validator; capaian keeps its definition."""

from decimal import Decimal as D
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from generator.compute import capaian
from generator.load import LoadError, load_text
from generator.metode import resolve
from generator.model import Laporan, MetodeParsial
from generator.check import audit
from generator.compute import hitung
from generator.metode import MetodeError
from generator.validate import BerkasLaporan, parse_model, periksa_laporan

FIXTURE_ROOT = Path(__file__).parent / "fixtures" / "mini"
FIXTURE_FOLDER = FIXTURE_ROOT / "agencies" / "dinas-contoh"
SITE = MetodeParsial(preset="permendagri-86")

SEED = (Path(__file__).parent / "fixtures" / "mini" / "agencies" / "dinas-contoh" / "2024.yaml").read_text(encoding="utf-8")
M = resolve(MetodeParsial(preset="ppu-2024"))


def _load_and_validate(text: str) -> None:
    try:
        doc = load_text(text, "x.yaml")
    except LoadError as exc:
        assert exc.masalah and all(m.lokasi.line >= 1 for m in exc.masalah)
        return
    model, errs = parse_model(Laporan, [doc], doc.data)
    assert (model is None) == bool(errs)
    for e in errs:
        assert str(e).startswith("x.yaml:")
    if model is None:
        return
    # a model that passes the types also goes through the semantic rules, the engine and the audit
    try:
        metode = resolve(SITE, model.metode)
    except MetodeError:
        return
    b = BerkasLaporan(tahun=model.tahun, model=model, dokumen=[doc], metode=metode)
    problems = periksa_laporan(b, FIXTURE_FOLDER, FIXTURE_ROOT)
    if not [p for p in problems if p.tingkat == "galat"]:
        audit(b, hitung(model, metode))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_random_text_never_crashes(text):
    _load_and_validate(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_report_never_crashes(data):
    text = SEED
    for _ in range(data.draw(st.integers(1, 4))):
        pos = data.draw(st.integers(0, len(text)))
        op = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        chunk = data.draw(st.sampled_from(["\t", ":", "- ", "{", "[", "'", '"', "&a", "*a", "!!", "\n  ", "84,16", "null", "-1", "0", "1.0e+30", "2099", "B", "\x00", "é", "#"]))
        if op == "insert":
            text = text[:pos] + chunk + text[pos:]
        elif op == "delete":
            text = text[:pos] + text[pos + len(chunk):]
        else:
            text = text[:pos] + chunk + text[pos + 1:]
    _load_and_validate(text)


nums = st.decimals(min_value=D("0.01"), max_value=D("1e9"), places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=500, deadline=None)
@given(nums, nums)
def test_capaian_definition_higher_is_better(t, r):
    h = capaian(t, r, "naik", M)
    assert abs(h.nilai * t / 100 - r) < D("1e-20") * max(r, 1)
    assert (h.nilai >= 100) == (r >= t)


@settings(max_examples=500, deadline=None)
@given(nums, nums)
def test_capaian_definition_lower_is_better(t, r):
    h = capaian(t, r, "turun", M)
    assert abs(h.nilai - (2 * t - r) * 100 / t) < D("1e-20") * max(abs(h.nilai), 1)
    assert (h.nilai >= 100) == (r <= t)
