"""Module and function sizes: the units too big to hold in one's head (issue 14).

    .venv/bin/python -m benchmarks.sizes [--module-limit 500] [--function-limit 60]

Prints every module of briefgen/ over the module limit (lines) and every function or
method over the function limit (lines from `def` to its last line, docstring included),
largest first, then the totals.  A figure, not a gate: the limits are "about".
"""

from __future__ import annotations

import argparse
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "briefgen"


def module_sizes(root: Path = PACKAGE) -> list[tuple[int, str]]:
    """[(lines, path relative to the repo)] of every module, largest first."""
    out = [
        (len(p.read_text(encoding="utf-8").splitlines()), str(p.relative_to(root.parent)))
        for p in sorted(root.rglob("*.py"))
    ]
    return sorted(out, reverse=True)


def function_sizes(root: Path = PACKAGE) -> list[tuple[int, str]]:
    """[(lines, "path:line qualified.name")] of every function and method, largest first."""
    out: list[tuple[int, str]] = []
    for p in sorted(root.rglob("*.py")):
        tree = ast.parse(p.read_text(encoding="utf-8"))
        _visit(tree, "", str(p.relative_to(root.parent)), out)
    return sorted(out, reverse=True)


def _visit(node: ast.AST, prefix: str, where: str, out: list[tuple[int, str]]) -> None:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
            name = f"{prefix}{child.name}"
            size = (child.end_lineno or child.lineno) - child.lineno + 1
            out.append((size, f"{where}:{child.lineno} {name}"))
            _visit(child, name + ".", where, out)
        elif isinstance(child, ast.ClassDef):
            _visit(child, f"{prefix}{child.name}.", where, out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--module-limit", type=int, default=500)
    ap.add_argument("--function-limit", type=int, default=60)
    args = ap.parse_args()
    mods = module_sizes()
    funcs = function_sizes()
    big_mods = [m for m in mods if m[0] > args.module_limit]
    big_funcs = [f for f in funcs if f[0] > args.function_limit]
    print(f"modules over {args.module_limit} lines: {len(big_mods)}")
    for n, where in big_mods:
        print(f"  {n:5d}  {where}")
    print(f"functions over {args.function_limit} lines: {len(big_funcs)}")
    for n, where in big_funcs:
        print(f"  {n:5d}  {where}")
    total = sum(n for n, _ in mods)
    print(f"modules={len(mods)} lines={total} largest={mods[0][0]} functions={len(funcs)}")


if __name__ == "__main__":
    main()
