"""Label Studio round trip: reviewed articles exported as tasks, read back as corrections;
nothing lost, nothing recorded twice."""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa
from reviewhelpers import KUTIPAN_JOKO, KUTIPAN_SARI, ORANG, person_id
from typer.testing import CliRunner

from warta.cli import app
from warta.storage import Store
from warta.storage import queries as Q
from warta.storage import tables as t
from warta.storage.corrections import add_correction
from warta.storage.gold import export_label_studio, import_label_studio


def _count(store: Store) -> int:
    with store.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(t.corrections)).scalar_one())


def _url(store: Store) -> str:
    return store.engine.url.render_as_string(hide_password=False) if "://" in store.name else store.name


def test_export_then_import_changes_nothing_and_an_edit_is_one_correction(
    review_store: Store, tmp_path: Path
) -> None:
    store = review_store
    aid = Q.list_articles(store, limit=1).items[0].id
    joko = person_id(store, ORANG[1])
    add_correction(store, aid, 1, "speaker", reviewer="dewi", speaker_id=joko)
    before = _count(store)

    out = tmp_path / "tugas.json"
    assert export_label_studio(store, out) == 1
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    assert task["data"]["article_id"] == aid and KUTIPAN_SARI in task["data"]["text"]
    speakers = {
        r["id"]: r["value"]["text"][0]
        for r in task["annotations"][0]["result"]
        if r["from_name"] == "speaker"
    }
    machine = {
        r["id"]: r["value"]["text"][0]
        for r in task["predictions"][0]["result"]
        if r["from_name"] == "speaker"
    }
    assert speakers["q1"] == "Joko Prasetyo" and machine["q1"] == ORANG[0]  # reviewed vs machine
    assert task["data"]["review"] == {
        "q0": {"state": "unreviewed", "reviewers": [], "corrected": []},
        "q1": {"state": "corrected", "reviewers": ["dewi"], "corrected": ["speaker"]},
    }

    # Read back unchanged: nothing new, nothing twice, no article added.
    articles = Q.article_count(store)
    again = import_label_studio(store, out, reviewer="labelstudio")
    assert (again.corrections, again.unchanged) == (0, 2) and _count(store) == before
    assert Q.article_count(store) == articles

    # A labeller rejects quote 0 and gives quote 1 back to Sari: two corrections, applied.
    for r in task["annotations"][0]["result"]:
        if r["id"] == "q0" and r["from_name"] == "verdict":
            r["value"]["choices"] = ["not a quote"]
        if r["id"] == "q1" and r["from_name"] == "speaker":
            r["value"]["text"] = [ORANG[0]]
    out.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(
        app, ["import-gold", str(out), "--reviewer", "labelstudio", "--db", _url(store), "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["corrections"] == 2 and _count(store) == before + 2
    sari = person_id(store, ORANG[0])
    assert [q.text for q in Q.quote_page(store, speaker_id=sari).items] == [KUTIPAN_JOKO]
    # And once more: nothing new.
    assert import_label_studio(store, out, reviewer="labelstudio").corrections == 0


def test_export_gold_command_and_a_bad_file(review_store: Store, tmp_path: Path) -> None:
    store = review_store
    aid = Q.list_articles(store, limit=1).items[0].id
    add_correction(store, aid, 0, "confirm", reviewer="dewi")
    out = tmp_path / "ls.json"
    result = CliRunner().invoke(app, ["export-gold", str(out), "--db", _url(store)])
    assert result.exit_code == 0, result.output
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 1
    refused = CliRunner().invoke(app, ["export-gold", str(out), "--format", "xml", "--db", _url(store)])
    assert refused.exit_code == 2 and "label-studio" in " ".join(refused.output.split())
    bad = tmp_path / "rusak.json"
    bad.write_text("{bukan json", encoding="utf-8")
    broken = CliRunner().invoke(app, ["import-gold", str(bad), "--reviewer", "x", "--db", _url(store)])
    assert broken.exit_code == 2 and "W110" in broken.output and "rusak.json" in broken.output
