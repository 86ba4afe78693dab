"""The ``warta`` command line. Commands parse arguments and call library functions."""

from __future__ import annotations

import typer

from warta.cli import analyze as _analyze
from warta.cli import bench as _bench
from warta.cli import build as _build
from warta.cli import corpus as _corpus
from warta.cli import corrections as _corrections
from warta.cli import eval as _eval
from warta.cli import eval_html as _eval_html
from warta.cli import eval_keyphrases as _eval_keyphrases
from warta.cli import eval_ner as _eval_ner
from warta.cli import eval_quotes as _eval_quotes
from warta.cli import eval_seed as _eval_seed
from warta.cli import eval_summary as _eval_summary
from warta.cli import eval_timex as _eval_timex
from warta.cli import ingest as _ingest
from warta.cli import schema as _schema
from warta.cli import serve as _serve
from warta.cli import status as _status
from warta.cli import train as _train
from warta.cli import watch as _watch
from warta.cli import watchlist as _watchlist

__all__ = ["app", "main"]

app = typer.Typer(
    name="warta",
    help="Indonesian news to structured knowledge: who said what, about whom, when, and according to which source.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.command("analyze")(_analyze.analyze_cmd)
app.command("schema")(_schema.schema_cmd)
app.command("bench")(_bench.bench_cmd)
app.command("ingest")(_ingest.ingest_cmd)
app.command("search")(_corpus.search_cmd)
app.command("entity")(_corpus.entity_cmd)
app.command("quotes")(_corpus.quotes_cmd)
app.command("dupes")(_corpus.dupes_cmd)
app.command("export")(_corpus.export_cmd)
app.command("serve")(_serve.serve_cmd)
app.command("status")(_status.status_cmd)
app.command("reanalyze")(_status.reanalyze_cmd)
app.command("watch")(_watch.watch_cmd)
_eval.eval_app.command("seed")(_eval_seed.seed_cmd)
_eval.eval_app.command("timex")(_eval_timex.timex_cmd)
_eval.eval_app.command("ner")(_eval_ner.ner_cmd)
_eval.eval_app.command("summary")(_eval_summary.summary_cmd)
_eval.eval_app.command("quotes")(_eval_quotes.quotes_cmd)
_eval.eval_app.command("keyphrases")(_eval_keyphrases.keyphrases_cmd)
_eval.eval_app.command("html")(_eval_html.html_cmd)
app.add_typer(_eval.eval_app, name="eval")
app.add_typer(_train.train_app, name="train")
app.add_typer(_build.build_app, name="build")
app.add_typer(_status.db_app, name="db")
app.add_typer(_watchlist.watchlist_app, name="watchlist")
app.add_typer(_corrections.corrections_app, name="corrections")
app.command("export-gold")(_corrections.export_gold_cmd)
app.command("import-gold")(_corrections.import_gold_cmd)


def main() -> None:
    app()
