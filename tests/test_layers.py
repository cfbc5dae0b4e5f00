"""The apps' layers, checked by reading the source: a newcomer can trust the map in
docs/architecture.md because this test fails the moment the code stops following it.

Every module of the product apps is parsed with `ast` (nothing is imported), and an
import graph is built from both top-level imports and imports placed inside functions.
The test then asserts:

- there is no import cycle between or inside the apps (the failure names the loop);
- `home` (the base layer) and `pagecache` import nothing from the SEND apps or the demo;
- no product app imports `demo`;
- no module imports the project's own code inside a function (which is how a cycle is
  usually hidden), except in an `AppConfig.ready()`, where Django expects it.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ("home", "senreport", "localoffer", "pagecache", "demo", "schoolsite")
SEND_APPS = ("senreport", "localoffer")
BASE_APPS = ("home", "pagecache")

# In-function imports that must stay, each with the reason. Keep this empty if you can.
IN_FUNCTION_ALLOWED: dict[tuple[str, str], str] = {}


@dataclass(frozen=True)
class Import:
    source: str  # importing module
    target: str  # imported project module
    line: int
    in_function: str | None  # the enclosing function's name, if any
    in_ready: bool  # inside an AppConfig.ready()


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def product_modules() -> dict[str, Path]:
    modules = {}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            modules[module_name(path)] = path
    return modules


def resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The project module `name` refers to: itself, or its nearest enclosing module."""
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def _package_of(module: str, path: Path) -> str:
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


class _Visitor(ast.NodeVisitor):
    def __init__(self, module: str, path: Path, modules: dict[str, Path]):
        self.module = module
        self.path = path
        self.modules = modules
        self.imports: list[Import] = []
        self.functions: list[str] = []
        self.classes: list[ast.ClassDef] = []

    def visit_ClassDef(self, node):
        self.classes.append(node)
        self.generic_visit(node)
        self.classes.pop()

    def visit_FunctionDef(self, node):
        self.functions.append(node.name)
        self.generic_visit(node)
        self.functions.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def _in_ready(self) -> bool:
        if self.path.name != "apps.py" or self.functions[:1] != ["ready"]:
            return False
        return bool(self.classes) and any(
            (isinstance(base, ast.Name) and base.id == "AppConfig")
            or (isinstance(base, ast.Attribute) and base.attr == "AppConfig")
            for base in self.classes[-1].bases
        )

    def _add(self, name: str, line: int):
        target = resolve(name, self.modules)
        if target is None or target == self.module:
            return
        function = self.functions[-1] if self.functions else None
        self.imports.append(Import(self.module, target, line, function, self._in_ready()))

    def visit_Import(self, node):
        for alias in node.names:
            self._add(alias.name, node.lineno)

    def visit_ImportFrom(self, node):
        if node.level:
            package = _package_of(self.module, self.path)
            for _ in range(node.level - 1):
                package = package.rpartition(".")[0]
            base = f"{package}.{node.module}" if node.module else package
        else:
            base = node.module or ""
        if base.split(".")[0] not in APPS:
            return
        for alias in node.names:
            # `from pkg import submodule` imports the submodule; otherwise a name of pkg.
            candidate = f"{base}.{alias.name}"
            self._add(candidate if candidate in self.modules else base, node.lineno)


def project_imports() -> list[Import]:
    modules = product_modules()
    found = []
    for module, path in sorted(modules.items()):
        visitor = _Visitor(module, path, modules)
        visitor.visit(ast.parse(path.read_text(), filename=str(path)))
        found.extend(visitor.imports)
    return found


def app_of(module: str) -> str:
    return module.split(".")[0]


def find_cycles(edges: dict[str, set[str]]) -> list[tuple[list[str], list[str]]]:
    """One loop per strongly connected component (Tarjan): (a readable path, the tangle's
    members), so a failure names both the shortest loop and everything caught in it."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = [0]

    def connect(node: str):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in edges.get(node, ()):
                components.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            connect(node)

    cycles = []
    for component in components:
        members = set(component)
        start = component[0]
        # Shortest loop from start back to itself within the component (BFS).
        previous: dict[str, str] = {}
        frontier = [start]
        found = None
        while frontier and found is None:
            following = []
            for node in frontier:
                for nxt in sorted(edges.get(node, ())):
                    if nxt not in members:
                        continue
                    if nxt == start:
                        found = node
                        break
                    if nxt not in previous:
                        previous[nxt] = node
                        following.append(nxt)
                if found:
                    break
            frontier = following
        path = [start]
        node = found
        while node != start:
            path.insert(1, node)
            node = previous[node]
        path.append(start)
        cycles.append((path, component))
    return cycles


def describe_cycles(cycles) -> str:
    return "\n".join(
        f"  {' -> '.join(path)}   ({len(members)} in the tangle: {', '.join(members)})"
        for path, members in cycles
    )


def graph(imports: list[Import]) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for imp in imports:
        edges.setdefault(imp.source, set()).add(imp.target)
    return edges


def describe(imports: list[Import]) -> str:
    lines = dict.fromkeys(f"  {i.source} (line {i.line}) imports {i.target}" for i in imports)
    return "\n".join(lines)


def test_the_graph_sees_the_apps():
    """A guard for the test itself: it reads real modules and real imports."""
    imports = project_imports()
    sources = {imp.source for imp in imports}
    assert {"home.models.shell", "senreport.models.report", "localoffer.views"} <= sources
    assert any(imp.target == "home.models.base" for imp in imports)


def test_no_import_cycles():
    cycles = find_cycles(graph(project_imports()))
    assert not cycles, f"{len(cycles)} import cycle(s):\n" + describe_cycles(cycles)


def test_base_layers_import_no_send_app_or_demo():
    wrong = [
        imp
        for imp in project_imports()
        if app_of(imp.source) in BASE_APPS and app_of(imp.target) in (*SEND_APPS, "demo")
    ]
    assert not wrong, "home and pagecache must not import the SEND apps:\n" + describe(wrong)


def test_no_product_app_imports_demo():
    wrong = [
        imp
        for imp in project_imports()
        if app_of(imp.target) == "demo" and app_of(imp.source) not in ("demo",)
    ]
    assert not wrong, "only the demo app may import demo:\n" + describe(wrong)


def test_no_project_imports_inside_functions():
    wrong = [
        imp
        for imp in project_imports()
        if imp.in_function
        and not imp.in_ready
        and (imp.source, imp.target) not in IN_FUNCTION_ALLOWED
    ]
    assert not wrong, (
        "import at module level (move the code to the right layer instead):\n" + describe(wrong)
    )


def test_no_cycles_between_apps():
    """The apps form layers: home at the bottom, then localoffer, senreport (which adds its
    facts to localoffer's feed through a hook), pagecache's hooks, the demo on top."""
    edges: dict[str, set[str]] = {}
    for imp in project_imports():
        if app_of(imp.source) != app_of(imp.target):
            edges.setdefault(app_of(imp.source), set()).add(app_of(imp.target))
    cycles = find_cycles(edges)
    assert not cycles, "apps importing each other:\n" + describe_cycles(cycles)
