from __future__ import annotations

import importlib
import pkgutil

import warta.io


def test_all_names_exist_and_are_sorted_and_unique() -> None:
    names = warta.io.__all__
    assert all(hasattr(warta.io, n) for n in names)
    assert len(set(names)) == len(names)
    assert sorted(names, key=str.lower) == sorted(names, key=str.lower)


def test_every_io_module_declares_all() -> None:
    for info in pkgutil.iter_modules(warta.io.__path__):
        module = importlib.import_module(f"warta.io.{info.name}")
        assert isinstance(getattr(module, "__all__", None), list), info.name


def test_importing_warta_io_does_not_import_trafilatura() -> None:
    import subprocess
    import sys

    code = "import sys, warta.io; print('trafilatura' in sys.modules or 'charset_normalizer' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
