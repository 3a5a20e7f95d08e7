#!/usr/bin/env python3
"""Runs every notebook of examples/notebooks in Deno's Jupyter kernel, with
Python's jupyter_client (Debian's python3-jupyter-client), and checks what an analyst sees:
no cell fails, every display cell (a cell that calls Display.*) returns
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

import queue

import nbformat
from jupyter_client.manager import start_new_kernel

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
    """The display helpers a cell calls (Display.profile(...) -> profile)."""
    return re.findall(r"\b[Dd]isplay\.(\w+)\(", source)


# How long to keep reading a cell's outputs once the kernel says it is idle: Deno's kernel can
# report idle before its last outputs arrive (nbclient stops at idle and loses them), so the
# cell's outputs are read until this long passes without one.
QUIET = 1.5


def run_cell(kc, source):
    """Executes one cell; returns its outputs (nbformat-shaped) and its error, if any."""
    msg_id = kc.execute(source, store_history=True)
    outputs, error, idle = [], None, False
    deadline = time.time() + 300
    while time.time() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=QUIET if idle else 5)
        except queue.Empty:
            if idle:
                break
            continue
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "status" and content.get("execution_state") == "idle":
            idle = True
        elif kind == "stream":
            outputs.append({"output_type": "stream", "name": content["name"], "text": content["text"]})
        elif kind in ("display_data", "execute_result"):
            outputs.append({"output_type": kind, "data": content.get("data", {})})
        elif kind == "error":
            error = f"{content.get('ename')}: {content.get('evalue')}"
            outputs.append({"output_type": "error", "ename": content.get("ename"), "evalue": content.get("evalue")})
    return outputs, error


def check(path):
    nb = nbformat.read(path, as_version=4)
    started = time.time()
    problems = []
    km, kc = start_new_kernel(kernel_name="deno", cwd=ROOT)
    try:
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            outputs, error = run_cell(kc, cell.source)
            cell["outputs"] = outputs
            if error is not None:
                problems.append("a cell failed: " + error)
                break
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
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


# Notebooks that cannot run in Deno's kernel yet, each with the reason printed on every run (never
# a silent skip); they still run in Node with the examples' tests (examples/notebooks.test.ts).
# Notebooks left out of Deno's kernel, each with its reason (printed on every run). Empty since the
# analysts notebook reads its workbook with @welfare/sheets' Workbook (a lean reader on the
# platform's DecompressionStream) instead of exceljs, whose streaming reader failed under Deno.
NOT_IN_DENO = {}


def main(argv):
    names = argv or sorted(f for f in os.listdir(NOTEBOOKS) if f.endswith(".ipynb") and f not in NOT_IN_DENO)
    for name, why in NOT_IN_DENO.items():
        if not argv:
            print(f"notebook {name}: not run in Deno's kernel: {why}")
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
