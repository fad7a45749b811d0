"""Every lesson, converted to .ipynb, run by nbclient on the kernel, gives the same
outputs cell by cell as `kindling run LESSON --to ipynb`."""
import json
import os
import re
import subprocess
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import REPO, kindling_executable
from percent_notebook import read_percent

LESSONS = sorted((REPO / "Lessons").glob("*.py"))
# Wall-clock times are the only outputs that may differ between two runs.
_TIMES = [
    (re.compile(r"\b\d\d:\d\d\b"), "mm:ss"),
    (re.compile(r"(Wall time|CPU times)[^\n]*"), r"\1: ..."),
    (re.compile(r"[\d.]+ (?:ns|µs|us|ms|s) ± [\d.]+ (?:ns|µs|us|ms|s)[^\n]*"), "timeit ..."),
]


def shared_mnist():
    shared = os.environ.get("KINDLING_SHARED") or str(REPO.parent / "shared")
    mnist = Path(shared) / "data" / "mnist"
    return mnist if (mnist / "t10k-images-idx3-ubyte.gz").exists() else None


@pytest.fixture(scope="module")
def digits(tmp_path_factory):
    """The lessons' real digits as a CSV (`kindling data` from ../shared's IDX files)."""
    mnist = shared_mnist()
    if mnist is None:
        pytest.skip("../shared/data/mnist is absent: the lessons' real digits are not here")
    csv = tmp_path_factory.mktemp("digits") / "train.csv"
    env = dict(os.environ, MNIST_IDX=str(mnist), MNIST_CSV=str(csv))
    subprocess.run([kindling_executable(), "data"], env=env, check=True, capture_output=True)
    os.environ["MNIST_CSV"] = str(csv)
    os.environ["KINDLING_IMAGES"] = "none"
    return csv


def _text(value):
    text = "".join(value) if isinstance(value, list) else value
    for pattern, replacement in _TIMES:
        text = pattern.sub(replacement, text)
    return text


def normalized(output):
    kind = output["output_type"]
    if kind == "stream":
        return (kind, output["name"], _text(output["text"]))
    if kind == "error":
        return (kind, output["ename"], output["evalue"])
    data = {mime: _text(value) for mime, value in output["data"].items()}
    return (kind, output.get("execution_count"), data)


def merged(outputs):
    """Consecutive stream outputs on one stream joined (how nbformat stores them)."""
    result = []
    for output in map(normalized, outputs):
        if result and output[0] == "stream" and result[-1][0] == "stream" and result[-1][1] == output[1]:
            result[-1] = ("stream", output[1], result[-1][2] + output[2])
        else:
            result.append(output)
    return result


@pytest.mark.parametrize("lesson", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_through_nbclient_matches_kindling_run(lesson, digits, tmp_path):
    # fastai shuffles with Python's `random`, seeded from the OS as in CPython: a first
    # cell seeds it so both runs shuffle alike (the lessons seed torch themselves).
    seeded = tmp_path / lesson.name
    seeded.write_text("# %%\nimport random\nrandom.seed(0)\n\n" + lesson.read_text())
    lesson = seeded
    notebook = read_percent(lesson.read_text())
    NotebookClient(notebook, kernel_name="kindling", timeout=300, allow_errors=False,
                   resources={"metadata": {"path": str(REPO)}}).execute()

    expected_path = tmp_path / "expected.ipynb"
    subprocess.run([kindling_executable(), "run", str(lesson), "--to", "ipynb", "-o", str(expected_path), "--quiet"],
                   cwd=REPO, check=True, capture_output=True)
    expected = nbformat.reads(expected_path.read_text(), as_version=4)

    # Kept beside the expected notebook for a look when a cell differs.
    nbformat.write(notebook, str(tmp_path / "kernel.ipynb"))
    assert [c.cell_type for c in notebook.cells] == [c.cell_type for c in expected.cells]
    for index, (got, want) in enumerate(zip(notebook.cells, expected.cells)):
        assert got.source == want.source, f"cell {index}: sources differ"
        if got.cell_type != "code":
            continue
        assert merged(got.outputs) == merged(want.outputs), f"{lesson.name} cell {index} (notebooks in {tmp_path}):\n{got.source}"
        assert got.execution_count == want.execution_count
