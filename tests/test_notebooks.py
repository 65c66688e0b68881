"""The notebooks run top to bottom in a fresh kernel on the installed package, and show their results.

Each notebook is executed once per session, in memory, by nbclient in a new `python3` kernel (the venv's
interpreter); what the notebooks write goes to a temporary folder named by `KG_NOTEBOOK_OUTPUT`. The stored
notebooks carry no outputs, so these runs are the only place their results exist.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CELL_TIMEOUT = 300  # seconds; a cell builds at most a few short articles
RICH_OUTPUTS = {"execute_result", "display_data"}  # tables, pages and figures, not printed text
BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def executed(tmp_path_factory):
    """A function that runs a notebook (once per session) and returns it with its outputs."""
    runs: dict[Path, nbformat.NotebookNode] = {}

    def run(path: Path) -> nbformat.NotebookNode:
        if path not in runs:
            notebook = nbformat.read(path, as_version=4)
            client = NotebookClient(notebook, timeout=CELL_TIMEOUT, kernel_name="python3", allow_errors=True,
                                    resources={"metadata": {"path": str(path.parent)}})
            output = tmp_path_factory.mktemp(path.stem)
            client.execute(env={**os.environ, "KG_NOTEBOOK_OUTPUT": str(output)})
            runs[path] = notebook
        return runs[path]

    return run


def outputs(notebook: nbformat.NotebookNode) -> list[dict]:
    return [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]


def test_the_notebooks_are_there_and_stored_without_outputs():
    assert {path.name for path in NOTEBOOKS} >= {"01-explore-the-seed.ipynb", "02-corpus.ipynb"}
    for path in NOTEBOOKS:
        notebook = nbformat.read(path, as_version=4)
        nbformat.validate(notebook)
        stored = [cell for cell in notebook.cells if cell.cell_type == "code" and (cell.outputs or cell.execution_count)]
        assert not stored, f"{path.name}: clear the outputs before committing"


# The notebooks show the library API: no shell escapes or subprocesses, no private names of kg.
OFF_API = re.compile(r"^\s*[!%]|\bsubprocess\b|\bos\.system\b|\bkg(?:\.\w+)*\._\w|from kg[\w.]* import .*\b_\w", re.M)


def test_the_notebooks_use_only_the_public_library_api():
    for path in NOTEBOOKS:
        code = "\n".join(cell.source for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "code")
        assert "import kg" in code, f"{path.name} does not use the kg library"
        assert not OFF_API.findall(code), f"{path.name} steps outside the library API: {OFF_API.findall(code)}"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_runs_top_to_bottom_and_shows_results(path, executed):
    notebook = executed(path)
    failed = [(cell.source.splitlines()[0], output) for cell in notebook.cells if cell.cell_type == "code"
              for output in cell.outputs if output["output_type"] == "error"]
    if failed:  # the first error is the cause; the cells after it fail for want of its results
        line, error = failed[0]
        pytest.fail(f"{path.name}: the cell starting {line!r} raised {error['ename']}: {error['evalue']}"
                    f" ({len(failed)} cells failed)")
    unrun = [cell.source.splitlines()[0] for cell in notebook.cells
             if cell.cell_type == "code" and cell.source.strip() and cell.execution_count is None]
    assert not unrun, f"{path.name}: cells did not run: {unrun}"
    rich = [o for o in outputs(notebook) if o["output_type"] in RICH_OUTPUTS]
    assert len(rich) >= 5, f"{path.name} shows only {len(rich)} results"
    assert any("text/html" in o["data"] for o in rich), f"{path.name} shows no table or graph"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_the_graph_in_a_notebook_draws_offline_in_a_browser(path, executed, tmp_path):
    """The first inline graph, as the notebook's output holds it, draws in Chromium and requests nothing."""
    from playwright.sync_api import sync_playwright

    frames = [o["data"]["text/html"] for o in outputs(executed(path))
              if o["output_type"] in RICH_OUTPUTS and "<iframe" in o["data"].get("text/html", "")]
    assert frames, f"{path.name} shows no inline graph"
    host = tmp_path / "output.html"
    host.write_text(f"<!doctype html><html><body>{frames[0]}</body></html>", encoding="utf-8")
    requests, problems = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
        try:
            page = browser.new_page()
            page.on("request", lambda request: requests.append(request.url))
            page.on("console", lambda message: message.type == "error" and problems.append(message.text))
            page.on("pageerror", lambda error: problems.append(str(error)))
            page.goto(host.as_uri())
            graph = page.frames[1]
            graph.wait_for_selector("canvas", timeout=15_000)
            # Drawn, not just created: some pixel of the canvas is no longer transparent.
            graph.wait_for_function("""() => {
                const canvas = document.querySelector("canvas");
                const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
                for (let i = 3; i < pixels.length; i += 4) if (pixels[i]) return true;
                return false;
            }""", timeout=15_000)
        finally:
            browser.close()
    remote = [url for url in requests if not url.startswith(("file:", "about:", "data:"))]
    assert not remote, f"the inline graph requested {remote}"
    assert not problems, f"the inline graph reported {problems}"
