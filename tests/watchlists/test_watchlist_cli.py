"""``warta watchlist add|list|show|remove|check`` on a store (both backends)."""

from __future__ import annotations

import json
from pathlib import Path

from alerthelpers import Q_KAPAL, Q_PELABUHAN, SARI, store_articles
from typer.testing import CliRunner

from warta.cli import app
from warta.storage import Store

runner = CliRunner()


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["watchlist", *args])
    return result.exit_code, result.output


def test_the_commands_add_list_show_check_and_remove(store: Store, store_target: str, tmp_path: Path) -> None:
    store_articles(store, "pelabuhan", "kapal", "cuaca")
    db = ["--db", store_target]
    assert _run("add", "sari", "--speaker", SARI, *db) == (0, f"added watchlist sari (speaker: {SARI})\n")
    code, out = _run("add", "pesisir", "--outlet", "pesisir", "--from", "2025-04-02", *db)
    assert code == 0, out

    code, out = _run("list", *db, "--json")
    listed = {w["name"]: w for w in json.loads(out)}
    assert listed["pesisir"]["date_from"] == "2025-04-02" and listed["sari"]["checked_at"] is None

    code, out = _run("show", "sari", *db, "--json")
    shown = json.loads(out)
    assert shown["matches"]["total"] == 2 and not any(m["reported"] for m in shown["matches"]["items"])

    digests = tmp_path / "digests"
    code, out = _run("check", *db, "--digest-dir", str(digests), "--json")
    assert code == 0, out
    result = json.loads(out)
    assert {w["name"]: w["new"] for w in result["watchlists"]} == {"pesisir": 1, "sari": 2}
    (channel,) = result["channels"]
    assert channel["channel"] == "digest" and channel["sent"] == 3 and len(channel["files"]) == 2
    jsonl = next(digests.glob("*.jsonl")).read_text(encoding="utf-8")
    assert Q_PELABUHAN in jsonl and Q_KAPAL in jsonl

    code, out = _run("check", "sari", *db, "--digest-dir", str(digests))
    assert code == 0 and "sari: 0 new" in out and "digest: 0 sent" in out

    code, out = _run("show", "sari", *db)
    assert code == 0 and Q_PELABUHAN in out and "found 2" in out

    assert _run("remove", "sari", *db) == (0, "removed watchlist sari\n")
    code, out = _run("show", "sari", *db)
    assert code == 2 and "no watchlist called 'sari'" in out


def test_bad_input_is_refused_with_a_message_naming_it(store: Store, store_target: str) -> None:
    db = ["--db", store_target]
    code, out = _run("add", "x", *db)
    assert code == 2 and "exactly one of --query" in out
    code, out = _run("add", "x", "--speaker", "A", "--about", "B", *db)
    assert code == 2 and "(got --speaker, --about)" in out
    code, out = _run("add", "bad name!", "--speaker", SARI, *db)
    assert code == 2 and "W109" in out and "'bad name!'" in out
    code, out = _run("add", "q", "--query", '""', *db)
    assert code == 2 and "no words" in out
    code, out = _run("add", "d", "--topic", "cuaca", "--from", "2025-05-01", "--to", "2025-04-01", *db)
    assert code == 2 and "after date_to" in out
    assert _run("add", "dua", "--topic", "cuaca", *db)[0] == 0
    code, out = _run("add", "dua", "--topic", "ekonomi", *db)
    assert code == 2 and "'dua' exists" in out
    code, out = _run("remove", "tiada", *db)
    assert code == 2 and "no watchlist called 'tiada'" in out
