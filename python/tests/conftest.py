"""Shared fixtures: the C++ CLI (the reference the binding is compared with) and the source tree's data.

SHIXIAN_CLI and SHIXIAN_SOURCE are set by ctest and scripts/test; without them the
build tree next to this checkout is used.
"""
import json
import os
import pathlib
import subprocess

import pytest

SOURCE = pathlib.Path(os.environ.get("SHIXIAN_SOURCE", pathlib.Path(__file__).resolve().parents[2]))
CLI = pathlib.Path(os.environ.get("SHIXIAN_CLI", SOURCE / "build" / "release" / "shixian"))


@pytest.fixture(scope="session")
def source():
    return SOURCE


@pytest.fixture(scope="session")
def cli():
    if not CLI.exists():
        pytest.skip(f"the shixian CLI is not built ({CLI})")

    def run(*args, check=True):
        r = subprocess.run([str(CLI), *map(str, args)], capture_output=True, text=True)
        if check and r.returncode not in (0, 1):
            raise AssertionError(f"shixian {' '.join(map(str, args))}: exit {r.returncode}\n{r.stderr}")
        return r

    return run


@pytest.fixture(scope="session")
def cli_calendar(cli):
    """year → [(date, work, kind, festival, source)] from `shixian calendar YEAR --format tsv`."""
    cache = {}

    def get(year):
        if year not in cache:
            rows = [line.split("\t") for line in cli("calendar", year, "--format", "tsv").stdout.splitlines()]
            cache[year] = rows
        return cache[year]

    return get


@pytest.fixture(scope="session")
def cli_due(cli):
    def get(rule, *args):
        return json.loads(cli("due", rule, *args, "--json", check=False).stdout)

    return get
