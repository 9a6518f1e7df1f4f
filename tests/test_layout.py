"""The package layout shows the pipeline: each package of campaign_site imports only the ones before it."""

from __future__ import annotations

import ast
from pathlib import Path

import campaign_site

PACKAGE = Path(campaign_site.__file__).parent
ORDER = {"core": 0, "data": 1, "publishing": 1, "authoring": 2, "words": 2, "stages": 3, "importing": 3,
         "pages": 4, "site_build": 5}
"""Packages by floor: a module may import from its own package and from lower floors only."""
LEAVES = {"campaign_site.core.catalogue": 0}
"""Modules read from every floor: the table of words imports only core, so it stands on floor 0."""


def imports(path: Path) -> list[tuple[int, str]]:
    """The campaign_site modules `path` imports (relative imports are not used), with their lines."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}:{node.lineno}: a relative import hides where a name comes from"
            if (node.module or "").startswith("campaign_site."):
                found.append((node.lineno, node.module or ""))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("campaign_site.")]
    return found


def test_every_module_belongs_to_a_package_of_the_pipeline() -> None:
    tops = {p.name.removesuffix(".py") for p in PACKAGE.iterdir() if p.suffix == ".py" or (p / "__init__.py").exists()}
    assert tops - {"__init__"} == set(ORDER)


def test_imports_go_down_the_pipeline_only() -> None:
    upward = []
    for path in PACKAGE.rglob("*.py"):
        here = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        if here == "__init__":
            continue
        for line, module in imports(path):
            there = module.split(".")[1]
            floor = LEAVES.get(module, ORDER[there])
            if there != here and floor >= ORDER[here] and not (module in LEAVES and here == "core"):
                upward.append(f"{path.relative_to(PACKAGE)}:{line} imports {module}")
    assert not upward, "imports that go up or sideways:\n" + "\n".join(upward)


def test_every_package_says_what_goes_in_and_what_comes_out() -> None:
    for init in PACKAGE.rglob("__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and " in" in doc and " out" in doc, f"{init.relative_to(PACKAGE)} needs a docstring: what in, what out"


def test_leaves_import_only_core() -> None:
    for module in LEAVES:
        path = PACKAGE.parent / (module.replace(".", "/") + ".py")
        above = [name for _line, name in imports(path) if not name.startswith("campaign_site.core.")]
        assert not above, f"{module} is read from every floor, so it may import core only: {above}"
