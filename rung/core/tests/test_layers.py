"""Every app has a place in the layers contract, so a new app cannot slip past it."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_every_app_is_in_a_layer() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    [contract] = [c for c in config["contracts"] if c["type"] == "layers"]
    layered = {name.strip() for layer in contract["layers"] for name in layer.split("|")}
    apps = {f"rung.{path.parent.name}" for path in (ROOT / "rung").glob("*/apps.py")}
    assert apps == layered, f"not in a layer: {apps - layered}; no such app: {layered - apps}"
