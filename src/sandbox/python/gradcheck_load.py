"""A student's .py file or .ipynb notebook, its definitions only.

Course files carry more than the graded functions: tests and prints at the top level, plots,
data downloads, training runs. Only functions, classes, imports and constants (assignments
that call nothing, lambdas included) are executed, in a fresh module named after the file, so
the student's tracebacks and gradcheck's messages point at the student's own lines.
"""

import ast
import json
import os
import re
import types


class LoadError(Exception):
    def __init__(self, kind, message):
        super().__init__(message)
        self.kind = kind


def notebook_source(path):
    """The code cells joined, IPython's %magics and !shell lines blanked; and where each line came from."""
    with open(path, encoding="utf-8") as f:
        notebook = json.load(f)
    lines, origin = [], []
    cells = [c for c in notebook.get("cells", []) if c.get("cell_type") == "code"]
    for k, cell in enumerate(cells, 1):
        text = cell.get("source", "")
        text = "".join(text) if isinstance(text, list) else text
        for n, line in enumerate(text.split("\n"), 1):
            lines.append("" if re.match(r"\s*[%!]", line) else line)
            origin.append(f"code cell {k}, line {n}")
        lines.append("")
        origin.append(f"code cell {k}, end")
    return "\n".join(lines), origin


def calls_something(node):
    """Does evaluating this expression call anything now (a lambda's body runs only later)?"""
    if isinstance(node, ast.Lambda):
        return False
    if isinstance(node, (ast.Call, ast.Await, ast.Yield, ast.YieldFrom, ast.NamedExpr)):
        return True
    return any(calls_something(child) for child in ast.iter_child_nodes(node))


def is_definition(node):
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom)):
        return True
    if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return all(isinstance(t, ast.Name) for t in targets) and not calls_something(node.value)
    # try: import cPickle as pickle / except ImportError: import pickle
    if isinstance(node, ast.Try):
        body = node.body + [s for h in node.handlers for s in h.body] + node.orelse
        return all(is_definition(s) or isinstance(s, ast.Pass) for s in body)
    return False


def python2_hint(error):
    if "Missing parentheses in call to" in (error.msg or "") or "must be parenthesized" in (error.msg or ""):
        return " — this is Python 2 syntax; gradcheck runs Python 3 (print(...) is a function, `except E as e`, range for xrange)"
    return ""


def load_definitions(path):
    """(namespace, locate): the module's names, and a function naming a (file, line) in the student's terms."""
    name = os.path.basename(path)
    try:
        if path.endswith(".ipynb"):
            source, origin = notebook_source(path)
        else:
            with open(path, encoding="utf-8") as f:
                source, origin = f.read(), None
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise LoadError("import-failed", f"{name}: cannot be read ({e})")

    def locate(filename, line):
        if os.path.basename(filename) == name and origin and 0 < line <= len(origin):
            return f"{name}, {origin[line - 1]}"
        return f"{os.path.basename(filename)}, line {line}"

    try:
        tree = ast.parse(source, filename=name)
    except SyntaxError as e:
        raise LoadError("syntax-error", f"{locate(name, e.lineno or 0)}: {e.msg}{python2_hint(e)}\n    {(e.text or '').rstrip()}")
    tree.body = [node for node in tree.body if is_definition(node)]
    module = types.ModuleType(os.path.splitext(name)[0])
    module.__file__ = os.path.abspath(path)
    try:
        exec(compile(tree, name, "exec"), module.__dict__)
    except Exception as e:
        import traceback

        frames = [f for f in traceback.extract_tb(e.__traceback__) if os.path.basename(f.filename) == name]
        where = f"{locate(name, frames[-1].lineno)}: " if frames else f"{name}: "
        raise LoadError("import-failed", f"{where}{type(e).__name__}: {e}")
    return module.__dict__, locate
