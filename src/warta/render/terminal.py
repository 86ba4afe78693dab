"""A readable terminal report of one analysed article (rich)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from warta.article import Article
from warta.lang.id import readable_time

__all__ = ["render_article", "render_step_stats", "render_summary_table"]

_MAX_SENTENCES = 60


def _clip(s: str, n: int = 70) -> str:
    s = s.replace("\n", "⏎")
    return s if len(s) <= n else s[: n - 1] + "…"


def render_article(article: Article, console: Console) -> None:
    """Print the cleaned article, the cleaning report and the sentences."""
    head = Table.grid(padding=(0, 1))
    head.add_column(style="bold cyan")
    head.add_column()
    head.add_row("id", escape(article.id))
    head.add_row("title", escape(article.title or "—"))
    src = article.source
    for label, value in (
        ("outlet", src.outlet),
        ("url", src.url),
        ("author", src.author),
        ("editor", src.editor),
        ("file", src.path),
    ):
        if value:
            head.add_row(label, escape(value))
    pub = article.published
    if pub.raw or pub.value:
        shown = (
            pub.value.date().isoformat() if pub.value and pub.method == "text" else str(pub.value or pub.raw)
        )
        # A date read off the text is a guess (the latest date the article names): say so.
        how = " (inferred from the text)" if pub.method == "text" else ""
        head.add_row("published", escape(shown + how))
    head.add_row(
        "words",
        f"{article.word_count}  sentences {len(article.sentences)}  paragraphs {len(article.paragraphs)}",
    )
    if article.topic is not None:
        head.add_row("topic", f"{escape(article.topic.label)} ({article.topic.score:.2f})")
    if article.keywords:
        head.add_row("keywords", escape(", ".join(k.text for k in article.keywords)))
    console.print(Panel(head, title="warta analyze", border_style="cyan"))
    if article.summary:
        lines = [
            article.text[article.sentences[i].start : article.sentences[i].end]
            for i in article.summary
            if i < len(article.sentences)
        ]
        console.print(Panel(Text("\n".join(f"• {x}" for x in lines)), title="summary", border_style="green"))

    # The cleaned text, with repairs highlighted: Text.append never parses markup, so
    # scraped brackets stay literal.
    body = Text()
    repaired = sorted((c.start, c.end) for c in article.cleaning.repaired if c.end > c.start)
    warned = sorted((w.start, w.end) for w in article.cleaning.warnings if w.end > w.start)
    marks = [(s, e, "bold green") for s, e in repaired] + [(s, e, "bold yellow on grey15") for s, e in warned]
    body.append(article.text)
    for s, e, style in marks:
        body.stylize(style, s, e)
    console.print(
        Panel(body, title="cleaned text  [green]repaired[/]  [yellow]warning[/]", border_style="white")
    )

    cl = article.cleaning
    if cl.removed or cl.repaired:
        t = Table(title="cleaning", show_lines=False, expand=True)
        t.add_column("", style="bold")
        t.add_column("kind")
        t.add_column("before")
        t.add_column("after")
        t.add_column("why", overflow="fold")
        for c in cl.removed:
            t.add_row("−", c.kind, escape(_clip(c.before)), "", escape(c.reason))
        for c in cl.repaired:
            t.add_row("✎", c.kind, escape(_clip(c.before)), escape(_clip(c.after)), escape(c.reason))
        console.print(t)
    if cl.warnings:
        w = Table(title="warnings", expand=True)
        w.add_column("kind", style="yellow")
        w.add_column("at")
        w.add_column("message", overflow="fold")
        for x in cl.warnings:
            w.add_row(x.kind, f"{x.start}–{x.end}", escape(x.message))
        console.print(w)
    if article.sentences:
        st = Table(title="sentences", expand=True)
        st.add_column("#", justify="right", style="dim")
        st.add_column("¶", justify="right", style="dim")
        st.add_column("span", style="dim")
        st.add_column("sentence", overflow="fold")
        st.add_column("tok", justify="right", style="dim")
        for i, sent in enumerate(article.sentences[:_MAX_SENTENCES]):
            st.add_row(
                str(i + 1),
                str(sent.paragraph + 1),
                f"{sent.start}–{sent.end}",
                escape(article.text[sent.start : sent.end]),
                str(len(sent.tokens)),
            )
        if len(article.sentences) > _MAX_SENTENCES:
            st.add_row("…", "", "", f"{len(article.sentences) - _MAX_SENTENCES} more", "")
        console.print(st)
    if article.entities:
        _render_entities(article, console)
    if article.quotes:
        _render_quotes(article, console)
    if article.timexes:
        _render_time(article, console)
    if article.errors:
        et = Table(title="errors", expand=True, border_style="red")
        et.add_column("step")
        et.add_column("code")
        et.add_column("message", overflow="fold")
        for err in article.errors:
            et.add_row(err.step, err.code, escape(err.message))
        console.print(et)


def _render_entities(article: Article, console: Console) -> None:
    """One row per entity: its name, how the article mentions it (with counts), its roles."""
    t = Table(title="entities", expand=True)
    t.add_column("id", style="dim")
    t.add_column("type", style="bold")
    t.add_column("name", style="bold")
    t.add_column("mentions", overflow="fold")
    t.add_column("roles", overflow="fold")
    for e in article.entities:
        counts = Counter(article.mentions[j].text for j in e.mentions if j < len(article.mentions))
        said = ", ".join(f"{form} ×{n}" if n > 1 else form for form, n in counts.items())
        roles = "; ".join(dict.fromkeys(r.text for r in e.roles))
        t.add_row(e.id, e.label, escape(e.name), escape(said), escape(roles))
    stray = [m.text for m in article.mentions if m.entity is None]
    if stray:
        t.caption = escape("tagged but no entity: " + ", ".join(dict.fromkeys(stray)))
    console.print(t)


def render_summary_table(rows: list[tuple[str, int, int, int, int]], console: Console) -> None:
    """One line per article: id, words, sentences, removed, repaired."""
    t = Table(title="analysed")
    for col in ("article", "words", "sentences", "removed", "repaired"):
        t.add_column(col, justify="left" if col == "article" else "right")
    for r in rows:
        t.add_row(escape(r[0]), *map(str, r[1:]))
    console.print(Group(t))


def _render_time(article: Article, console: Console) -> None:
    """Time expressions with their values, then the timeline of dated sentences."""
    pub = article.published
    how = {"metadata": "from metadata", "text": "inferred from the text", "unknown": "unknown"}[pub.method]
    anchor = pub.value.date().isoformat() if pub.value else "none"
    evidence = ""
    if pub.method == "text" and pub.evidence_start is not None and pub.evidence_end is not None:
        evidence = f" — evidence: “{article.text[pub.evidence_start : pub.evidence_end]}”"
    t = Table(title="time expressions", caption=escape(f"anchor {anchor} ({how}){evidence}"), expand=True)
    t.add_column("text")
    t.add_column("type")
    t.add_column("value")
    t.add_column("#", justify="right", style="dim")
    for x in article.timexes:
        value = (
            readable_time(x.value) + (f" ({x.mod})" if x.mod else "") + (f" {x.offset}" if x.offset else "")
        )
        t.add_row(escape(x.text), x.type, escape(value), "" if x.sentence is None else str(x.sentence + 1))
    console.print(t)
    if article.timeline:
        tl = Table(title="timeline", expand=True)
        tl.add_column("when", style="cyan")
        tl.add_column("#", justify="right", style="dim")
        tl.add_column("what", overflow="fold")
        for e in article.timeline:
            tl.add_row(
                escape(readable_time(e.value)),
                str(e.sentence + 1),
                escape(_clip(article.text[e.start : e.end], 160)),
            )
        console.print(tl)


def _speaker_label(article: Article, i: int) -> str:
    sp = article.quotes[i].speaker
    if sp is None:
        return "?"
    if sp.entity is not None and sp.entity < len(article.entities):
        name = article.entities[sp.entity].name
    else:
        name = sp.name or sp.description or (sp.mention.text if sp.mention else "?")
    label = f"{name} (anonim)" if sp.anonymous else name
    if sp.mention and sp.mention.text != name:
        label += f" ← “{sp.mention.text}”"
    return label


def _render_quotes(article: Article, console: Console) -> None:
    """Who said what: content, cue, speaker, date, confidence, repeats."""
    t = Table(title="quotes", expand=True)
    t.add_column("#", justify="right", style="dim")
    t.add_column("kind")
    t.add_column("what", overflow="fold", ratio=3)
    t.add_column("cue", style="magenta")
    t.add_column("who", style="cyan", ratio=2, overflow="fold")
    t.add_column("when")
    t.add_column("conf", justify="right")
    for i, q in enumerate(article.quotes):
        note = f" (= #{q.repeat_of + 1})" if q.repeat_of is not None else ""
        note += f" (in #{q.inside + 1})" if q.inside is not None else ""
        t.add_row(
            str(i + 1),
            q.kind + note,
            escape(_clip(q.text, 140)),
            escape(q.cue.text if q.cue else "—"),
            escape(_speaker_label(article, i)),
            escape(readable_time(q.date) if q.date else ""),
            f"{q.confidence:.2f}",
        )
    console.print(t)
    if article.citations:
        c = Table(title="citations", expand=True)
        c.add_column("cue")
        c.add_column("source")
        for cit in article.citations:
            c.add_row(
                escape(cit.cue.text),
                "[yellow]missing (dangling)[/]"
                if cit.dangling
                else escape(cit.source.text if cit.source else ""),
            )
        console.print(c)


def render_step_stats(stats: dict[str, dict[str, Any]], articles: int, console: Console) -> None:
    """The pipeline's :class:`~warta.pipeline.StepStats`: per step, articles seen, failed and
    skipped (with the codes of why), CPU seconds and milliseconds per article."""
    table = Table(title=f"steps over {articles:,} articles", title_justify="left")
    for col in ("step", "seen", "failed", "skipped", "CPU s", "ms/article", "why"):
        table.add_column(col, justify="left" if col in ("step", "why") else "right")
    for name, s in stats.items():
        per = 1000 * s["seconds"] / s["seen"] if s["seen"] else 0.0
        why = ", ".join(f"{code}×{n}" for code, n in s.get("reasons", {}).items())
        table.add_row(
            escape(name),
            f"{s['seen']:,}",
            f"{s['failed']:,}",
            f"{s['skipped']:,}",
            f"{s['seconds']:.2f}",
            f"{per:.1f}",
            why,
        )
    console.print(table)
