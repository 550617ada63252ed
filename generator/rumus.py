"""A report's own capaian formula for lower-is-better indicators, written with T (target) and R (realisasi).

Real reports use more than the two common formulas ((2T−R)/T×100 and T/R×100), e.g. ``100 + (T - R)`` for a rate
measured in percentage points. ``metode.capaian_turun`` may therefore hold an arithmetic expression::

    capaian_turun: "(T - R) / T * 100 + 100"

Only numbers, T, R, ``+ - * /`` and parentheses are allowed; the expression is parsed once with :mod:`ast` (never
``eval``) and computed in :class:`~decimal.Decimal`, so it gives the exact value the rounding then applies to.
"""

from __future__ import annotations

import ast
from decimal import Decimal, DivisionByZero, InvalidOperation, localcontext

RUMUS_BAKU = {"dua_t_kurang_r": "(2 × Target − Realisasi) ÷ Target × 100", "t_per_r": "Target ÷ Realisasi × 100"}
_OP = {ast.Add: "+", ast.Sub: "−", ast.Mult: "×", ast.Div: "÷"}


class RumusError(ValueError):
    pass


def periksa(teks: str) -> ast.Expression:
    """Parse ``teks``; raise :class:`RumusError` with an Indonesian message naming what is not allowed."""
    try:
        tree = ast.parse(teks.replace("×", "*").replace("÷", "/").replace("−", "-"), mode="eval")
    except SyntaxError:
        raise RumusError(f"rumus '{teks}' tidak dapat dibaca; tulis misalnya \"(2 * T - R) / T * 100\" (T = target, R = realisasi)") from None
    for node in ast.walk(tree):
        if isinstance(node, (ast.Expression, ast.BinOp, ast.UnaryOp, ast.USub, ast.UAdd, ast.Load, *_OP)):
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            continue
        if isinstance(node, ast.Name) and node.id in ("T", "R"):
            continue
        bagian = node.id if isinstance(node, ast.Name) else type(node).__name__
        raise RumusError(f"rumus '{teks}' memuat '{bagian}'; yang boleh hanya angka, T (target), R (realisasi), + - * / dan kurung")
    nama = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    if "R" not in nama:
        raise RumusError(f"rumus '{teks}' tidak memakai R (realisasi)")
    return tree


def hitung(teks: str, target: Decimal, realisasi: Decimal) -> Decimal | None:
    """The formula's value (None when it divides by zero)."""
    nilai = {"T": Decimal(target), "R": Decimal(realisasi)}

    def ev(node) -> Decimal:
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.Constant):
            return Decimal(str(node.value))
        if isinstance(node, ast.Name):
            return nilai[node.id]
        if isinstance(node, ast.UnaryOp):
            return -ev(node.operand) if isinstance(node.op, ast.USub) else ev(node.operand)
        a, b = ev(node.left), ev(node.right)
        if isinstance(node.op, ast.Add):
            return a + b
        if isinstance(node.op, ast.Sub):
            return a - b
        if isinstance(node.op, ast.Mult):
            return a * b
        return a / b

    with localcontext() as ctx:
        ctx.prec = 28
        ctx.traps[DivisionByZero] = ctx.traps[InvalidOperation] = True
        try:
            return ev(periksa(teks))
        except (DivisionByZero, InvalidOperation):
            return None


def uraian(teks: str) -> str:
    """The formula for readers: the two common ones in words, a report's own with × and ÷."""
    if teks in RUMUS_BAKU:
        return RUMUS_BAKU[teks]

    def tulis(node, induk: int = 0) -> str:
        if isinstance(node, ast.Expression):
            return tulis(node.body)
        if isinstance(node, ast.Constant):
            return str(node.value).replace(".", ",")
        if isinstance(node, ast.Name):
            return "Target" if node.id == "T" else "Realisasi"
        if isinstance(node, ast.UnaryOp):
            return ("−" if isinstance(node.op, ast.USub) else "") + tulis(node.operand, 3)
        kuat = 1 if isinstance(node.op, (ast.Add, ast.Sub)) else 2
        s = f"{tulis(node.left, kuat)} {_OP[type(node.op)]} {tulis(node.right, kuat + (1 if isinstance(node.op, (ast.Sub, ast.Div)) else 0))}"
        return f"({s})" if kuat < induk else s

    return tulis(periksa(teks))
