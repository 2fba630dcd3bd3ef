"""Claim formulas: a tiny, safe arithmetic language over indicator ids. Never ``eval``.

Grammar (recursive descent; nothing else is accepted)::

    expr    := term (("+" | "-") term)*
    term    := unary (("*" | "/") unary)*
    unary   := ("+" | "-") unary | primary
    primary := NUMBER | INDICATOR | PERIOD "(" INDICATOR ")" | "(" expr ")"

``NUMBER`` is a plain decimal (``50``, ``0.5``; no thousands separators);
``INDICATOR`` an indicator id; ``PERIOD`` one of ``days``, ``weeks``, ``months``,
``years``: the length of the indicator's period (``weeks(x)`` of 2021-01-01 to
2021-08-31 is 243 / 7). Dividing by zero, or taking the length of an open or
missing period, makes the value not computable rather than failing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

PERIOD_FUNCTIONS = ("days", "weeks", "months", "years")
_TOKEN = re.compile(r"\s*(?:(?P<number>\d+(?:\.\d+)?)|(?P<name>[a-z][a-z0-9_]*)|(?P<op>[-+*/()]))")
DAYS_PER_MONTH = 365.2425 / 12
DAYS_PER_YEAR = 365.2425
#: Parentheses and signs nest at most this deep (a claim formula needs a handful).
MAX_NESTING = 100


class FormulaError(ValueError):
    """The formula is not in the language (message says where)."""


class NotComputable(ArithmeticError):
    """The formula is well formed but has no value for these indicators (division by zero, no period)."""


@dataclass(frozen=True, slots=True)
class Number:
    value: float


@dataclass(frozen=True, slots=True)
class Ref:
    name: str


@dataclass(frozen=True, slots=True)
class PeriodLength:
    function: str
    name: str


@dataclass(frozen=True, slots=True)
class Unary:
    op: str
    operand: Node


@dataclass(frozen=True, slots=True)
class Binary:
    op: str
    left: Node
    right: Node


Node = Number | Ref | PeriodLength | Unary | Binary


@dataclass(frozen=True, slots=True)
class Operand:
    """What a formula reads of an indicator: its value and period."""

    value: float
    period_start: str | None = None
    period_end: str | None = None


def _tokenize(formula: str) -> list[tuple[str, str, int]]:
    tokens, pos = [], 0
    while pos < len(formula):
        if formula[pos:].strip() == "":
            break
        m = _TOKEN.match(formula, pos)
        if m is None:
            raise FormulaError(f"unexpected character {formula[pos:].lstrip()[0]!r} at position {pos}")
        kind = m.lastgroup or ""
        tokens.append((kind, m.group(kind), m.start(kind)))
        pos = m.end()
    return tokens


class _Parser:
    def __init__(self, formula: str) -> None:
        self.formula = formula
        self.tokens = _tokenize(formula)
        self.i = 0
        self.depth = 0

    def _deeper(self) -> None:
        """Count one more level of nesting; refuse a formula nested beyond ``MAX_NESTING``."""
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise FormulaError(f"nested more than {MAX_NESTING} levels deep")

    def _peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def _take(self, text: str | None = None) -> tuple[str, str, int]:
        token = self._peek()
        if token is None:
            raise FormulaError(f"formula ends early; expected {text or 'a value'}")
        if text is not None and token[1] != text:
            raise FormulaError(f"expected {text!r} at position {token[2]}, found {token[1]!r}")
        self.i += 1
        return token

    def parse(self) -> Node:
        if not self.tokens:
            raise FormulaError("formula is empty")
        node = self._expr()
        extra = self._peek()
        if extra is not None:
            raise FormulaError(f"unexpected {extra[1]!r} at position {extra[2]}")
        return node

    def _expr(self) -> Node:
        self._deeper()
        try:
            return self._sum()
        finally:
            self.depth -= 1

    def _sum(self) -> Node:
        node = self._term()
        while (token := self._peek()) is not None and token[1] in ("+", "-"):
            self.i += 1
            node = Binary(token[1], node, self._term())
        return node

    def _term(self) -> Node:
        node = self._unary()
        while (token := self._peek()) is not None and token[1] in ("*", "/"):
            self.i += 1
            node = Binary(token[1], node, self._unary())
        return node

    def _unary(self) -> Node:
        token = self._peek()
        if token is not None and token[1] in ("+", "-"):
            self.i += 1
            self._deeper()
            try:
                return Unary(token[1], self._unary())
            finally:
                self.depth -= 1
        return self._primary()

    def _primary(self) -> Node:
        kind, text, pos = self._take()
        if kind == "number":
            return Number(float(text))
        if kind == "name":
            nxt = self._peek()
            if nxt is not None and nxt[1] == "(":
                if text not in PERIOD_FUNCTIONS:
                    known = ", ".join(PERIOD_FUNCTIONS)
                    raise FormulaError(f"unknown function {text!r} at position {pos}; known: {known}")
                self._take("(")
                arg_kind, arg, arg_pos = self._take()
                if arg_kind != "name":
                    raise FormulaError(f"{text}() takes an indicator id, found {arg!r} at position {arg_pos}")
                self._take(")")
                return PeriodLength(text, arg)
            return Ref(text)
        if text == "(":
            node = self._expr()
            self._take(")")
            return node
        raise FormulaError(f"unexpected {text!r} at position {pos}")


def parse(formula: str) -> Node:
    """The syntax tree of ``formula``; raises FormulaError if it is not in the language."""
    return _Parser(formula).parse()


def references(node: Node) -> set[str]:
    """Every indicator id the formula reads."""
    if isinstance(node, Ref | PeriodLength):
        return {node.name}
    if isinstance(node, Unary):
        return references(node.operand)
    if isinstance(node, Binary):
        return references(node.left) | references(node.right)
    return set()


def _period_days(name: str, operand: Operand) -> int:
    if operand.period_start is None or operand.period_end is None:
        raise NotComputable(f"{name} has no closed period to measure")
    start, end = dt.date.fromisoformat(operand.period_start), dt.date.fromisoformat(operand.period_end)
    return (end - start).days + 1


def _whole_months(operand: Operand) -> int | None:
    """The number of calendar months when the period runs from a first to a last day of month."""
    start = dt.date.fromisoformat(operand.period_start or "")
    end = dt.date.fromisoformat(operand.period_end or "")
    if start.day != 1 or (end + dt.timedelta(days=1)).day != 1:
        return None
    return (end.year - start.year) * 12 + end.month - start.month + 1


def period_length(function: str, name: str, operand: Operand) -> float:
    """The length of an indicator's period in days, weeks, months (calendar months when whole) or years."""
    days = _period_days(name, operand)
    if function == "days":
        return float(days)
    if function == "weeks":
        return days / 7
    months = _whole_months(operand)
    if function == "months":
        return float(months) if months is not None else days / DAYS_PER_MONTH
    return months / 12 if months is not None else days / DAYS_PER_YEAR


def evaluate(node: Node, operands: Mapping[str, Operand]) -> float:
    """The value of the formula; raises NotComputable for division by zero or a missing period."""
    if isinstance(node, Number):
        return node.value
    if isinstance(node, Ref):
        return operands[node.name].value
    if isinstance(node, PeriodLength):
        return period_length(node.function, node.name, operands[node.name])
    if isinstance(node, Unary):
        value = evaluate(node.operand, operands)
        return -value if node.op == "-" else value
    left, right = evaluate(node.left, operands), evaluate(node.right, operands)
    if node.op == "+":
        return left + right
    if node.op == "-":
        return left - right
    if node.op == "*":
        return left * right
    if right == 0:
        raise NotComputable(f"division by zero: the divisor {render(node.right, {})} is 0")
    return left / right


def _number_text(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}"


_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}


def render(node: Node, operands: Mapping[str, Operand], parent: int = 0, right_side: bool = False) -> str:
    """The formula with every indicator replaced by its value, for explanations: ``(8,641 + 1,520) / 478,000``."""
    if isinstance(node, Number):
        return _number_text(node.value)
    if isinstance(node, Ref):
        return _number_text(operands[node.name].value) if node.name in operands else node.name
    if isinstance(node, PeriodLength):
        operand = operands.get(node.name)
        if operand is None or operand.period_start is None or operand.period_end is None:
            return f"{node.function}({node.name})"
        length = period_length(node.function, node.name, operand)
        return f"{_number_text(round(length, 3))} {node.function} ({operand.period_start} to {operand.period_end})"
    if isinstance(node, Unary):
        return node.op + render(node.operand, operands, 3)
    precedence = _PRECEDENCE[node.op]
    text = (
        f"{render(node.left, operands, precedence)} {node.op} "
        f"{render(node.right, operands, precedence, right_side=True)}"
    )
    if precedence < parent or (right_side and precedence == parent):
        return f"({text})"
    return text
