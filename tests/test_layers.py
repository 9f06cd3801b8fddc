"""The layer order: corpus -> nlp -> book -> render -> deliver, shared knowledge below all.

A module may import only from its own layer or a lower one (function-level imports
count too), and no two modules import each other, directly or round a longer loop.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "briefgen"

# Lowest first.  A module's layer is the first prefix that matches its dotted name.
LAYERS: list[tuple[str, ...]] = [
    (
        "briefgen.errors",
        "briefgen.model",
        "briefgen.records",
        "briefgen.files",
        "briefgen.progress",
        "briefgen.store",
    ),
    ("briefgen.knowledge",),
    ("briefgen.config", "briefgen.periods"),
    ("briefgen.corpus",),
    ("briefgen.nlp",),
    # corpus and nlp run over the article store, on workers: never the book or above
    ("briefgen.ingest",),
    ("briefgen.book",),
    ("briefgen.render",),
    ("briefgen.deliver",),
    ("briefgen.pipeline", "briefgen"),
    ("briefgen.cli", "briefgen.__main__"),
]


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(name: str) -> int:
    best, best_len = -1, -1
    for i, prefixes in enumerate(LAYERS):
        for p in prefixes:
            if (name == p or name.startswith(p + ".")) and len(p) > best_len:
                best, best_len = i, len(p)
    assert best >= 0, f"{name} is in no layer; add it to LAYERS"
    return best


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("briefgen")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "briefgen":
                # `from briefgen import model` names a module; `import X` from the root is the API
                out |= {
                    f"briefgen.{a.name}"
                    if (PACKAGE / f"{a.name}.py").exists() or (PACKAGE / a.name).is_dir()
                    else "briefgen"
                    for a in node.names
                }
            elif node.module.startswith("briefgen"):
                out.add(node.module)
    return out


def graph() -> dict[str, set[str]]:
    return {module_name(p): imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_no_module_imports_a_higher_layer() -> None:
    wrong = [
        f"{mod} (layer {layer_of(mod)}) imports {dep} (layer {layer_of(dep)})"
        for mod, deps in graph().items()
        for dep in sorted(deps)
        if layer_of(dep) > layer_of(mod)
    ]
    assert not wrong, "\n".join(wrong)


def test_no_import_cycles() -> None:
    g = graph()
    known = set(g)

    def resolve(dep: str) -> str | None:
        while dep and dep not in known:
            dep = dep.rpartition(".")[0]
        return dep or None

    edges = {m: {r for d in deps if (r := resolve(d)) and r != m} for m, deps in g.items()}
    # a package's __init__ may re-export its own modules; that is not a cycle
    edges = {m: {d for d in ds if not d.startswith(m + ".")} for m, ds in edges.items()}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for d in sorted(edges.get(m, ())):
            if state.get(d) == 1:
                cycles.append([*stack[stack.index(d) :], d])
            elif d not in state:
                visit(d)
        stack.pop()
        state[m] = 2

    for m in sorted(edges):
        if m not in state:
            visit(m)
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def _in_cli(name: str) -> bool:
    return name == "briefgen.cli" or name.startswith("briefgen.cli.")


def test_the_library_never_imports_click_or_prints() -> None:
    """Only the CLI talks to the terminal: the library raises, returns and reports."""
    click_users, printers = [], []
    for p in PACKAGE.rglob("*.py"):
        name = module_name(p)
        if _in_cli(name):
            continue
        tree = ast.parse(p.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                mods = (
                    [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
                )
                if any(m and m.split(".")[0] == "click" for m in mods):
                    click_users.append(name)
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "print"
            ):
                printers.append(f"{name}:{node.lineno}")
    assert not click_users, f"click outside the CLI: {sorted(set(click_users))}"
    assert not printers, f"print() in the library: {printers}"
