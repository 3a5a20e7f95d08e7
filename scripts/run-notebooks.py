#!/usr/bin/env python3
"""Runs every notebook of examples/notebooks in Deno's Jupyter kernel, with
Python's nbclient (Debian's python3-nbclient), and checks what an analyst sees:
no cell fails, every display cell (a cell that calls display.*) returns
text/html, every chart also application/vnd.vegalite.v5+json, and every table
application/vnd.dataresource+json.

The kernel is the `deno` npm package of the workspace (its binary comes from
the @deno/<platform> optional dependency: nothing is downloaded at install
time); its kernelspec is written to a temporary folder named by JUPYTER_PATH,
so nothing is installed in the user's Jupyter folders. The workspace packages
must be built first (the notebooks import @welfare/* from node_modules, whose
exports point at dist/).

Usage: /usr/bin/python3 scripts/run-notebooks.py [NOTEBOOK ...]
Prints one line per notebook and ends with "notebooks: N passed, N failed".
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOTEBOOKS = os.path.join(ROOT, "examples", "notebooks")

# display helpers that draw a chart (Vega-Lite expected) and those that show a table only
CHARTS = ("profile", "comparison", "radar", "progress", "network")
TABLES = ("summary",)


def deno_binary():
    """The deno binary of the workspace, resolved by its npm package's own launcher."""
    out = subprocess.run(
        ["node", "-e", "process.stdout.write(require('deno/install_api.cjs').runInstall())"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()


def kernelspec(folder, deno):
    spec = os.path.join(folder, "kernels", "deno")
    os.makedirs(spec)
    with open(os.path.join(spec, "kernel.json"), "w") as f:
        json.dump(
            {
                "argv": [deno, "jupyter", "--kernel", "--conn", "{connection_file}"],
                "display_name": "Deno",
                "language": "typescript",
                "env": {"NO_COLOR": "1", "DENO_NO_UPDATE_CHECK": "1"},
            },
            f,
        )


def display_calls(source):
    """The display helpers a cell calls (display.profile(...) -> profile)."""
    return re.findall(r"\bdisplay\.(\w+)\(", source)


def check(path):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=300,
        kernel_name="deno",
        resources={"metadata": {"path": ROOT}},
        allow_errors=False,
    )
    started = time.time()
    problems = []
    try:
        client.execute()
    except CellExecutionError as e:
        first = str(e).strip().splitlines()
        problems.append("a cell failed: " + " / ".join(first[-6:]))
    displays = 0
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        calls = display_calls(cell.source)
        if not calls:
            continue
        # the cell's rich outputs (display_data or execute_result)
        bundles = [o.get("data", {}) for o in cell.get("outputs", []) if o.get("output_type") in ("display_data", "execute_result")]
        rich = [b for b in bundles if "text/html" in b]
        last = calls[-1]
        if not rich:
            problems.append(f"cell {i + 1} (display.{last}) returned no text/html")
            continue
        b = rich[-1]
        if last in CHARTS and "application/vnd.vegalite.v5+json" not in b:
            problems.append(f"cell {i + 1} (display.{last}) returned no application/vnd.vegalite.v5+json")
        if (last in CHARTS or last in TABLES) and "application/vnd.dataresource+json" not in b:
            problems.append(f"cell {i + 1} (display.{last}) returned no application/vnd.dataresource+json")
        displays += 1
    return problems, displays, time.time() - started


def main(argv):
    names = argv or sorted(f for f in os.listdir(NOTEBOOKS) if f.endswith(".ipynb"))
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="welfare-jupyter-") as folder:
        kernelspec(folder, deno_binary())
        os.environ["JUPYTER_PATH"] = folder
        os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")
        for name in names:
            path = name if os.path.isabs(name) else os.path.join(NOTEBOOKS, os.path.basename(name))
            problems, displays, seconds = check(path)
            if problems:
                failed += 1
                print(f"notebook {os.path.basename(path)}: FAILED ({seconds:.1f} s)")
                for p in problems:
                    print(f"  {p}")
            else:
                passed += 1
                print(f"notebook {os.path.basename(path)}: ok, {displays} display cells with their MIME types ({seconds:.1f} s)")
    print(f"notebooks: {passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
