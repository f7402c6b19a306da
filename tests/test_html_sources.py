"""A static check: every value an HTML widget shows is built from literals or escaped text.

An ipywidgets `HTML` (or `HTMLMath`) value is put into the page unsanitised, so any
user text reaching one unescaped could run. This walks the package's source and fails
if an HTML value (a `w.HTML(...)` argument, or `.value = ...` on an HTML widget) is
built from anything but:

- string or number literals, and f-strings, `+`, `.join` and `.format` over safe parts;
- the escaping helpers in `workbook.markup` (`esc`, `text_html`, `tag`, `download_link`);
- local names, parameters annotated as numbers, and functions of the package whose every
  return value is itself safe by these rules (found by iterating to a fixed point).

`description_allow_html` may not appear at all.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "workbook"
ESCAPERS = {"esc", "text_html", "download_link"}
NUMERIC = {"int", "float", "bool"}
#: Places that show text which is not the user's, each with its reason.
REVIEWED = {
    ("ui/fields.py", "stylesheet"): "the package's own style.css, read from the wheel",
}


class Module:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.rel = path.relative_to(PACKAGE).as_posix()
        self.tree = ast.parse(path.read_text(), str(path))
        self.functions: dict[str, ast.FunctionDef] = {}
        self.html_classes: set[str] = set()
        for node in ast.walk(self.tree):
            if isinstance(node, ast.FunctionDef):
                self.functions.setdefault(node.name, node)
            if isinstance(node, ast.ClassDef) and any(
                _name(b) in {"HTML", "HTMLMath"} for b in node.bases
            ):
                self.html_classes.add(node.name)


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


class Checker:
    def __init__(self, modules: list[Module]) -> None:
        self.modules = modules
        self.safe_functions: set[str] = set(ESCAPERS)
        self.html_attrs: dict[str, set[str]] = {}
        self.html_classes = {c for m in modules for c in m.html_classes}
        #: Module-level UPPER_CASE constants (a clash between modules counts as unsafe).
        self.constants: dict[str, ast.AST] = {}
        for m in modules:
            for node in m.tree.body:
                if isinstance(node, ast.Assign) and len(node.targets) == 1:
                    target = node.targets[0]
                    if isinstance(target, ast.Name) and target.id.isupper():
                        if target.id in self.constants:
                            self.constants[target.id] = ast.Name("?")
                        else:
                            self.constants[target.id] = node.value
        # Attributes that hold HTML widgets: `self.x = w.HTML(...)`, `= ui.notice()`.
        for m in modules:
            for node in ast.walk(m.tree):
                if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
                    made = _name(node.value.func)
                    if made in {"HTML", "HTMLMath", "notice", *self.html_classes}:
                        for target in node.targets:
                            if isinstance(target, ast.Attribute):
                                self.html_attrs.setdefault(m.rel, set()).add(
                                    target.attr
                                )

    # -- is an expression safe HTML? ----------------------------------------------
    def safe(
        self, node: ast.AST, fn: ast.FunctionDef | None, seen=frozenset(), scope=None
    ) -> bool:
        scope = scope or {}
        if isinstance(node, ast.Name) and node.id in scope:
            return scope[node.id]
        if isinstance(node, ast.GeneratorExp | ast.ListComp):
            inner = dict(scope)
            for gen in node.generators:
                it = gen.iter
                if isinstance(it, ast.Call) and _name(it.func) == "enumerate":
                    # enumerate's counter is a number; the items are as safe as the list.
                    names = [
                        t.id for t in ast.walk(gen.target) if isinstance(t, ast.Name)
                    ]
                    items_safe = self.safe(it.args[0], fn, seen, inner)
                    for i, n in enumerate(names):
                        inner[n] = True if i == 0 else items_safe
                    continue
                ok = self.safe(it, fn, seen, inner)
                for t in ast.walk(gen.target):
                    if isinstance(t, ast.Name):
                        inner[t.id] = ok
            return self.safe(node.elt, fn, seen, inner)
        return self._safe(node, fn, seen, scope)

    def _safe(self, node: ast.AST, fn, seen, scope) -> bool:
        if isinstance(node, ast.Constant):
            return (
                isinstance(node.value, str | int | float | bool) or node.value is None
            )

        def ok(n: ast.AST) -> bool:
            return self.safe(n, fn, seen, scope)

        if isinstance(node, ast.JoinedStr):
            return all(ok(v) for v in node.values)
        if isinstance(node, ast.FormattedValue):
            return ok(node.value)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mult):
            return ok(node.left) and ok(node.right)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub | ast.Div):
            return True  # only numbers subtract or divide
        if isinstance(node, ast.IfExp):
            return ok(node.body) and ok(node.orelse)
        if isinstance(node, ast.List | ast.Tuple):
            return all(ok(e) for e in node.elts)
        if isinstance(node, ast.Call):
            return self._safe_call(node, fn, seen, scope)
        if isinstance(node, ast.Name):
            return self._safe_name(node.id, fn, seen)
        return False

    def _safe_call(self, node: ast.Call, fn, seen, scope) -> bool:
        func = node.func

        def ok(n: ast.AST) -> bool:
            return self.safe(n, fn, seen, scope)

        called = _name(func)
        if called == "tag":
            # tag() escapes its text and class; the element name must be safe itself.
            return bool(node.args) and ok(node.args[0])
        if called in self.safe_functions:
            return True
        if called in {"len", "round", "int", "float", "abs", "min", "max"}:
            return True  # numbers
        if (
            called == "decode"
            and isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Call)
            and _name(func.value.func) == "b64encode"
        ):
            return True  # base64 letters only
        if isinstance(func, ast.Attribute) and called == "join":
            return ok(func.value) and all(ok(a) for a in node.args)
        if isinstance(func, ast.Attribute) and called == "format":
            return (
                ok(func.value)
                and all(ok(a) for a in node.args)
                and all(ok(k.value) for k in node.keywords)
            )
        return False

    def _safe_name(self, name: str, fn: ast.FunctionDef | None, seen) -> bool:
        if fn is None or (fn.name, name) in seen:
            return False
        if name.isupper() and name in self.constants:
            return self.safe(self.constants[name], None, seen)
        seen = seen | {(fn.name, name)}
        args = fn.args.args + fn.args.kwonlyargs + fn.args.posonlyargs
        for arg in args:
            if arg.arg == name:
                return _name(arg.annotation) in NUMERIC if arg.annotation else False
        values: list[ast.AST] = []
        for node in ast.walk(fn):
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == name for t in node.targets
            ):
                values.append(node.value)
            elif isinstance(node, ast.AugAssign | ast.AnnAssign) and (
                isinstance(node.target, ast.Name) and node.target.id == name
            ):
                if node.value is not None:
                    values.append(node.value)
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in {"append", "extend"}
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == name
            ):
                values.extend(node.args)
            elif isinstance(node, ast.comprehension | ast.For) and any(
                isinstance(t, ast.Name) and t.id == name for t in ast.walk(node.target)
            ):
                return False  # loop variables are data
        return bool(values) and all(self.safe(v, fn, seen) for v in values)

    # -- which functions return only safe HTML ------------------------------------
    def find_safe_functions(self) -> None:
        changed = True
        while changed:
            changed = False
            for m in self.modules:
                for name, fn in m.functions.items():
                    if name in self.safe_functions:
                        continue
                    returns = [
                        r.value
                        for r in ast.walk(fn)
                        if isinstance(r, ast.Return) and r.value is not None
                    ]
                    if returns and all(self.safe(r, fn) for r in returns):
                        self.safe_functions.add(name)
                        changed = True

    # -- the sinks ----------------------------------------------------------------
    def problems(self) -> list[str]:
        self.find_safe_functions()
        found = []
        for m in self.modules:
            for fn in [n for n in ast.walk(m.tree) if isinstance(n, ast.FunctionDef)]:
                if (m.rel, fn.name) in REVIEWED:
                    continue
                for node in ast.walk(fn):
                    value = self._sink_value(node, m)
                    if value is not None and not self.safe(value, fn):
                        found.append(f"{m.rel}:{node.lineno} in {fn.name}()")
            for node in ast.walk(m.tree):
                if (
                    isinstance(node, ast.keyword)
                    and node.arg == "description_allow_html"
                ):
                    found.append(f"{m.rel}: description_allow_html")
                if (
                    isinstance(node, ast.Name | ast.Attribute)
                    and _name(node) == "HTMLMath"
                ):
                    found.append(f"{m.rel}:{node.lineno}: HTMLMath (renders LaTeX too)")
        return found

    def _sink_value(self, node: ast.AST, m: Module) -> ast.AST | None:
        if isinstance(node, ast.Call) and _name(node.func) in {"HTML", "HTMLMath"}:
            if node.args:
                return node.args[0]
            for k in node.keywords:
                if k.arg == "value":
                    return k.value
            return None
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Attribute) and target.attr == "value":
                    owner = target.value
                    if _name(owner) in self.html_attrs.get(m.rel, set()):
                        return node.value
                    if isinstance(owner, ast.Name) and owner.id == "self":
                        cls = _enclosing_class(m.tree, node)
                        if cls in self.html_classes:
                            return node.value
        return None


def _enclosing_class(tree: ast.AST, target: ast.AST) -> str:
    for cls in ast.walk(tree):
        if isinstance(cls, ast.ClassDef) and any(n is target for n in ast.walk(cls)):
            return cls.name
    return ""


def _checker(paths=None) -> Checker:
    return Checker([Module(p) for p in paths or sorted(PACKAGE.rglob("*.py"))])


def test_every_html_value_is_built_from_literals_or_escaped_text():
    problems = _checker().problems()
    assert not problems, "HTML built from unescaped values:\n" + "\n".join(problems)


def test_the_checker_finds_unescaped_text(tmp_path):
    """The check itself can fail: each of these shapes must be caught."""
    bad = PACKAGE / "_probe_for_test.py"
    cases = {
        "call": "def f(text):\n    return w.HTML(f'<p>{text}</p>')\n",
        "value": "def f(box, record):\n    box.html.value = '<b>' + record.note\n",
        "local": "def f(entry):\n    x = entry.text\n    return w.HTML(x)\n",
        "helper": "def g(t):\n    return f'<i>{t}</i>'\n\ndef f(t):\n    return w.HTML(g(t))\n",
        "allow": "def f():\n    return w.Button(description_allow_html=True)\n",
        "tag-name": "def f(n, t):\n    return w.HTML(tag(n, t))\n",
    }
    for name, source in cases.items():
        text = (
            "import ipywidgets as w\nfrom .markup import tag\n\nclass V:\n    def __init__(self):\n        self.html = w.HTML()\n\n"
            + source
        )
        try:
            bad.write_text(text)
            problems = _checker([bad, *sorted(PACKAGE.rglob("markup.py"))]).problems()
        finally:
            bad.unlink()
        assert problems, f"the {name} case was not caught"
    good = "import ipywidgets as w\nfrom .markup import esc\n\ndef f(t, n: int):\n    return w.HTML(f'<p class=\"x{n}\">{esc(t)}</p>')\n"
    try:
        bad.write_text(good)
        assert not _checker([bad]).problems()
    finally:
        bad.unlink()
