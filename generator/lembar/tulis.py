"""Minimal-diff YAML writing: change only the values that differ, keep comments, order and layout.

The file is loaded twice: by the project's loader (exact ``Decimal`` values, for comparing) and by
ruamel.yaml in round-trip mode (comments, quotes, flow/block style, for writing). The desired data is compared
with the loaded data value by value; only differing values are assigned into the ruamel tree, so an unchanged
``92.90`` stays ``92.90`` and a comment beside a changed value stays beside it. Lists of mappings with an
``id`` are matched by id, so inserting an indicator does not rewrite its neighbours.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import io
import re
from decimal import Decimal
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from .angka import bersih


def _wakil_decimal(representer, d: Decimal):
    text = format(d, "f")
    if d == d.to_integral_value() and "." not in text:
        return representer.represent_scalar("tag:yaml.org,2002:int", text)
    return representer.represent_scalar("tag:yaml.org,2002:float", text)


def _yaml(mapping: int, sequence: int, offset: int) -> YAML:
    y = YAML()
    y.preserve_quotes = True
    y.width = 4096
    y.indent(mapping=mapping, sequence=sequence, offset=offset)
    y.representer.add_representer(Decimal, _wakil_decimal)
    return y


def yaml_rt(teks: str) -> tuple[YAML, Any]:
    """A round-trip loader/dumper laid out like the file, and the loaded tree.

    The indentation is guessed, then confirmed: the first layout that writes the unchanged file back byte for
    byte is used, so the diff after a change shows only that change.
    """
    _, ind, bsi = load_yaml_guess_indent(teks)
    ind, bsi = ind or 2, bsi or 0
    calon = [(max(ind - bsi, 2), ind, bsi), (2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 2)]
    for c in dict.fromkeys(calon):
        y = _yaml(*c)
        data = y.load(teks)
        if tulis_rt(y, data, teks) == teks:
            return y, y.load(teks)
    y = _yaml(*calon[0])
    return y, y.load(teks)


def tulis_rt(y: YAML, data: Any, asli: str) -> str:
    out = io.StringIO()
    y.dump(data, out)
    return pulihkan_null(asli, out.getvalue())


def pulihkan_null(asli: str, baru: str) -> str:
    """ruamel writes an explicit ``null`` as an empty value (``key:``); put back what the file had."""
    a, b = asli.splitlines(keepends=True), baru.splitlines(keepends=True)
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "replace" and i2 - i1 == j2 - j1:
            for x, yline in zip(a[i1:i2], b[j1:j2]):
                xs, ys = x.rstrip("\n").rstrip(), yline.rstrip("\n").rstrip()
                same = xs in (ys + " null", ys + " ~") or re.sub(r"\s+#.*$", "", xs) in (ys + " null",)
                out.append(x if same else yline)
        else:
            out.extend(b[j1:j2])
    return "".join(out)


# ---------------------------------------------------------------------------------------------------
# Semantic comparison


def _norm_teks(s: str) -> str:
    return "\n".join(bersih(line) for line in s.strip().splitlines())


def sama(a: Any, b: Any) -> bool:
    """Equal as data: ``92.90 == 92.9``, text equal up to stray spaces, mappings and lists element-wise."""
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, Decimal)) and isinstance(b, (int, Decimal)):
        return Decimal(a) == Decimal(b)
    if isinstance(a, str) and isinstance(b, str):
        return a == b or _norm_teks(a) == _norm_teks(b)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(sama(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(sama(x, y) for x, y in zip(a, b))
    if isinstance(a, _dt.date) and isinstance(b, _dt.date):
        return a == b
    return type(a) is type(b) and a == b


# ---------------------------------------------------------------------------------------------------
# Python data → ruamel nodes (new values)


def _skalar(v: Any) -> bool:
    return v is None or isinstance(v, (str, int, Decimal, bool, _dt.date))


def ke_rt(v: Any) -> Any:
    if isinstance(v, dict):
        m = CommentedMap()
        for k, x in v.items():
            m[k] = ke_rt(x)
        if v and all(_skalar(x) and not (isinstance(x, str) and ("\n" in x or len(x) > 60)) for x in v.values()) and len(v) <= 6:
            m.fa.set_flow_style()
        return m
    if isinstance(v, list):
        s = CommentedSeq([ke_rt(x) for x in v])
        if v and all(_skalar(x) and not (isinstance(x, str) and len(x) > 40) for x in v):
            s.fa.set_flow_style()
        return s
    if isinstance(v, str) and "\n" in v:
        return LiteralScalarString(v.rstrip("\n") + "\n")
    return v


# ---------------------------------------------------------------------------------------------------
# Patching


def tambal(rt: Any, lama: Any, baru: Any) -> Any:
    """Make ``rt`` (ruamel tree loaded from the file whose data is ``lama``) hold ``baru``; return the node."""
    if sama(lama, baru):
        return rt
    if isinstance(baru, dict) and isinstance(lama, dict) and isinstance(rt, CommentedMap):
        _tambal_map(rt, lama, baru)
        return rt
    if isinstance(baru, list) and isinstance(lama, list) and isinstance(rt, CommentedSeq):
        _tambal_seq(rt, lama, baru)
        return rt
    return ke_rt(baru)


def _kunci_rt(rt: CommentedMap, k: Any) -> Any:
    if k in rt:
        return k
    for kk in rt:
        if str(kk) == str(k):
            return kk
    return k


def _tambal_map(rt: CommentedMap, lama: dict, baru: dict) -> None:
    for k in list(lama):
        if k not in baru:
            kk = _kunci_rt(rt, k)
            if kk in rt:
                del rt[kk]
    prev = None
    for k, v in baru.items():
        kk = _kunci_rt(rt, k)
        if k not in lama or kk not in rt:
            node = ke_rt(v)
            keys = list(rt.keys())
            pos = keys.index(prev) + 1 if prev in keys else len(keys)
            rt.insert(pos, k, node)
        else:
            node = tambal(rt[kk], lama[k], v)
            if node is not rt[kk]:
                rt[kk] = node
        prev = _kunci_rt(rt, k)


def _id(x: Any) -> Any:
    return x.get("id") if isinstance(x, dict) else None


def _tambal_seq(rt: CommentedSeq, lama: list, baru: list) -> None:
    keyed = lama and baru and all(_id(x) is not None for x in lama) and all(_id(x) is not None for x in baru)
    if keyed and len({_id(x) for x in lama}) == len(lama) and len({_id(x) for x in baru}) == len(baru):
        old_ids = [_id(x) for x in lama]
        new_ids = [_id(x) for x in baru]
        kept_old = [i for i in old_ids if i in new_ids]
        kept_new = [i for i in new_ids if i in old_ids]
        by_id = {_id(x): x for x in lama}
        if kept_old == kept_new:
            for idx in range(len(lama) - 1, -1, -1):
                if old_ids[idx] not in new_ids:
                    del rt[idx]
            for i, item in enumerate(baru):
                if _id(item) in by_id:
                    node = tambal(rt[i], by_id[_id(item)], item)
                    if node is not rt[i]:
                        rt[i] = node
                else:
                    rt.insert(i, ke_rt(item))
            return
        nodes = {old_ids[i]: rt[i] for i in range(len(lama))}
        fresh = []
        for item in baru:
            if _id(item) in nodes:
                fresh.append(tambal(nodes[_id(item)], by_id[_id(item)], item))
            else:
                fresh.append(ke_rt(item))
        del rt[:]
        rt.extend(fresh)
        return
    n = min(len(lama), len(baru))
    for i in range(n):
        node = tambal(rt[i], lama[i], baru[i])
        if node is not rt[i]:
            rt[i] = node
    for i in range(len(lama) - 1, n - 1, -1):
        del rt[i]
    for item in baru[n:]:
        rt.append(ke_rt(item))
