"""The package's shape: layers that only import downwards, no import circles, modules that
read in one sitting, and every user-facing word in the one catalog.

The layers (docs/architecture.md draws them):

    cli  >  build  >  excel | gantt | exchange | report | templates  >  engine  >  plan | output  >  text

A module may import its own subpackage and anything in a lower layer; the writers on one
layer do not import each other. Imports inside functions count too: a circle that only
closes at run time is still a circle for the reader.
"""
import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "roadmap"

LAYERS = {
    "text": 0,
    "plan": 1, "output": 1,
    "engine": 2,
    "excel": 3, "gantt": 3, "exchange": 3, "templates": 3, "report": 3,
    "build": 4,
    "cli": 5,
}
#: The package's front door re-exports the public API lazily; it is above every layer.
FACADES = {"roadmap", "roadmap.__main__"}
MAX_MODULE_LINES = 400
MAX_CLASS_LINES = 200


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str) -> set[str]:
    """The roadmap modules that ``name`` imports, anywhere in its body."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    package = name if MODULES[name].name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            # ``from roadmap.excel import sheets`` imports a module, ``from x import f`` a name
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                       for alias in node.names]
        else:
            continue
        found |= {target for target in targets if target in MODULES and target != name}
    return found


GRAPH = {name: _imports(name) for name in MODULES}


def _layer(name: str) -> tuple[str, int] | None:
    if name in FACADES:
        return None
    area = name.split(".")[1]
    return area, LAYERS[area]


def test_every_module_belongs_to_a_layer():
    unknown = [name for name in MODULES if name not in FACADES and name.split(".")[1] not in LAYERS]
    assert not unknown, f"add these to LAYERS here and in docs/architecture.md: {unknown}"


def test_imports_only_go_down_the_layers():
    wrong = []
    for name, targets in GRAPH.items():
        if _layer(name) is None:
            continue
        area, level = _layer(name)
        for target in targets:
            if _layer(target) is None:
                wrong.append(f"{name} -> {target} (the package facade)")
                continue
            target_area, target_level = _layer(target)
            if target_area != area and target_level >= level:
                wrong.append(f"{name} -> {target}")
    assert not wrong, "imports against the layers:\n" + "\n".join(wrong)


def test_no_import_circles():
    """Depth-first search for a back edge; the message names one circle."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(name):
        state[name] = 1
        path.append(name)
        for target in sorted(GRAPH[name]):
            if state.get(target) == 1:
                circle = path[path.index(target):] + [target]
                pytest.fail("import circle: " + " -> ".join(circle))
            if target not in state:
                visit(target)
        path.pop()
        state[name] = 2

    for name in sorted(GRAPH):
        if name not in state:
            visit(name)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_modules_and_classes_read_in_one_sitting(name):
    text = MODULES[name].read_text(encoding="utf-8")
    assert text.count("\n") <= MAX_MODULE_LINES, f"{name} has {text.count(chr(10))} lines"
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ClassDef):
            length = node.end_lineno - node.lineno + 1
            assert length <= MAX_CLASS_LINES, f"{name}.{node.name} has {length} lines"


# A table of words outside the catalog: a dict literal with both "de" and "en" keys.
_WORD_TABLE = re.compile(r'\{\s*"de"\s*:.*?"en"\s*:', re.S)


@pytest.mark.parametrize("name", sorted(n for n in MODULES if not n.startswith("roadmap.text")))
def test_user_facing_words_live_in_the_catalog(name):
    text = MODULES[name].read_text(encoding="utf-8")
    assert not _WORD_TABLE.search(text), f"{name} keeps its own German/English table"


def test_every_catalog_key_the_code_names_exists():
    from roadmap.text.catalog import CATALOG

    used = set()
    for path in MODULES.values():
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'\bt\(\s*"([a-z][\w.-]*)"', text))
        used |= set(re.findall(r'\b(?:M|Message)\(\s*"([a-z][\w.-]*)"', text))
    assert used, "the scan found no lookups"
    assert not used - set(CATALOG), sorted(used - set(CATALOG))


def test_the_public_api_is_importable_from_the_package():
    from roadmap import gantt_figure, load_plan, schedule, write_excel, write_gantt_html

    assert all(callable(f) for f in (gantt_figure, load_plan, schedule, write_excel, write_gantt_html))


def test_importing_the_package_loads_no_writer_library():
    """``roadmap check`` and ``schedule`` must not pay for plotly, openpyxl or pandas."""
    import subprocess
    import sys

    code = ("import sys, roadmap, roadmap.plan.loader, roadmap.engine.scheduler; "
            "print(sorted({'plotly', 'openpyxl', 'pandas'} & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=PACKAGE.parent)
    assert out.stdout.strip() == "[]"
