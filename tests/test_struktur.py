"""The engine stays easy to read: no import cycle in generator/, no module over 800 lines, no class over 300,
no function over 80 (issue 11). Data declarations (the pydantic models) are the only exception."""

import ast
from pathlib import Path

GEN = Path(__file__).resolve().parents[1] / "generator"
DEKLARASI = {"model.py"}  # pydantic models: field declarations, not logic


def _modul() -> dict[str, Path]:
    out = {}
    for p in GEN.rglob("*.py"):
        parts = p.relative_to(GEN.parent).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = p
    return out


def _impor(mods: dict[str, Path]) -> dict[str, set[str]]:
    """Module → modules of generator/ it imports (anywhere in the file, function-level imports included)."""
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for m, p in mods.items():
        pkg = m if p.name == "__init__.py" else m.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = pkg.split(".")[: len(pkg.split(".")) - (node.level - 1)] if node.level else []
                tgt = ".".join(base + ([node.module] if node.module else []))
                found = {f"{tgt}.{a.name}" for a in node.names if f"{tgt}.{a.name}" in mods} or ({tgt} & mods.keys())
            elif isinstance(node, ast.Import):
                found = {a.name for a in node.names} & mods.keys()
            else:
                continue
            graph[m] |= found - {m}
    return graph


def _siklus(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    idx: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        idx[v] = low[v] = len(idx)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in idx:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], idx[w])
        if low[v] == idx[v]:
            comp = []
            while True:
                w = stack.pop()
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in idx:
            visit(v)
    return out


def test_no_import_cycle_in_the_engine():
    graph = _impor(_modul())
    assert "generator.cli" not in set().union(*(graph[m] for m in graph if m != "generator.cli")), "only the entry point imports cli"
    assert not any(m.startswith("generator.render") for m in graph["generator.opendata"]), "open data does not import render"
    assert _siklus(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _siklus({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_class_or_function_is_too_long():
    terlalu = []
    for p in sorted(GEN.rglob("*.py")):
        src = p.read_text(encoding="utf-8")
        rel = p.relative_to(GEN).as_posix()
        if src.count("\n") > 800:
            terlalu.append(f"{rel}: {src.count(chr(10))} baris")
        if rel in DEKLARASI:
            continue
        for node in ast.walk(ast.parse(src)):
            n = getattr(node, "end_lineno", 0) - getattr(node, "lineno", 0) + 1
            if isinstance(node, ast.ClassDef) and n > 300 or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and n > 80:
                terlalu.append(f"{rel}: {node.name} {n} baris")
    assert terlalu == []
