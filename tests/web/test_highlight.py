"""Article text to escaped HTML: every piece escaped, nested and crossing highlights well formed."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.article import Article, Change, Cleaning, Entity, Mention, Paragraph, Quote, Span, Speaker, Timex
from warta.web.highlight import Mark, layout, marks_of, render_paragraphs

VOID = {"br", "img", "input", "meta", "link", "hr"}


class _Checker(HTMLParser):
    """Records the tags, fails on a close that does not match the open one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.nested_links = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "a" and "a" in self.stack:
            self.nested_links = True
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (tag, self.stack)
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check(markup: str) -> _Checker:
    parser = _Checker()
    parser.feed(markup)
    parser.close()
    assert parser.stack == [], parser.stack
    return parser


def _article() -> Article:
    text = 'Menteri Rina Kartika berkata "harga <beras> & gula stabil" pada Senin (3/3/2025).'
    rina = text.index("Rina Kartika")
    q0 = text.index("harga")
    q1 = text.index(" stabil") + len(" stabil")
    cue = text.index("berkata")
    tx = text.index("Senin")
    return Article(
        id="a",
        raw=text,
        text=text,
        paragraphs=[Paragraph(0, len(text))],
        mentions=[Mention(rina, rina + 12, "Rina Kartika", "PER", entity=0)],
        entities=[Entity(id="e0", name="Rina Kartika", label="PER", mentions=[0])],
        quotes=[
            Quote(
                kind="direct",
                start=q0,
                end=q1,
                text=text[q0:q1],
                cue=Span(cue, cue + 7, "berkata"),
                speaker=Speaker(name="Rina Kartika", mention=Span(rina, rina + 12, "Rina Kartika"), entity=0),
                date="2025-03-03",
            )
        ],
        timexes=[Timex(tx, tx + len("Senin (3/3/2025)"), "Senin (3/3/2025)", "DATE", "2025-03-03")],
    )


def test_text_is_escaped_and_kept_whole() -> None:
    a = _article()
    out = str(render_paragraphs(a, entity_links={0: "/entity/7"})[0])
    assert "<beras>" not in out and "&lt;beras&gt; &amp; gula" in out
    parsed = check(out)
    assert "".join(parsed.text) == a.text


def test_quote_cue_speaker_and_date_are_marked() -> None:
    out = str(render_paragraphs(_article(), entity_links={0: "/entity/7"})[0])
    tags = check(out).tags
    quote = next(attrs for tag, attrs in tags if "q" in (attrs.get("class") or "").split())
    assert quote["data-speaker"] == "Rina Kartika"
    assert quote["data-date"] == "2025-03-03"
    assert quote["id"] == "q-0"
    assert any(
        tag == "a" and attrs.get("href") == "/entity/7" and "spk" in (attrs.get("class") or "")
        for tag, attrs in tags
    )
    assert any(attrs.get("class") == "cue" for _t, attrs in tags)
    assert any(
        attrs.get("class") == "tx" and attrs.get("data-tip") == "DATE 2025-03-03" for _t, attrs in tags
    )


def test_hostile_names_in_attributes_are_escaped() -> None:
    a = _article()
    a.entities[0].name = '"><script>alert(1)</script>'
    a.quotes[0].speaker = Speaker(name=None, entity=0)
    out = str(render_paragraphs(a)[0])
    assert "<script" not in out
    assert "&#34;&gt;&lt;script&gt;" in out
    tags = check(out).tags
    assert all(tag in {"span", "a"} for tag, _a in tags)


def test_crossing_marks_are_split_and_nest() -> None:
    text = "satu dua tiga empat"
    marks = [
        Mark(0, 8, "quote", "q", (("data-q", "0"),), first_attrs=(("id", "q-0"),)),
        Mark(5, 13, "mention", "m", (("data-e", "1"),)),
    ]
    out = str(layout(text, marks, 0, len(text)))
    parsed = check(out)
    assert "".join(parsed.text) == text
    # The mention is cut where the quote ends and reopened after it; the id is written once.
    assert sum(1 for _t, attrs in parsed.tags if attrs.get("data-e") == "1") == 2
    assert out.count('id="q-0"') == 1
    assert out == (
        '<span class="q" data-q="0" id="q-0">satu <span class="m" data-e="1">dua</span></span>'
        '<span class="m" data-e="1"> tiga</span> empat'
    )


def test_links_never_nest() -> None:
    text = "Istana Merdeka Jakarta"
    marks = [Mark(0, 22, "speaker", "spk", href="/entity/1"), Mark(0, 14, "mention", "m", href="/entity/2")]
    parsed = check(str(layout(text, marks, 0, len(text))))
    assert not parsed.nested_links
    assert [t for t, _a in parsed.tags] == ["a", "span"]


def test_bad_offsets_are_ignored() -> None:
    a = Article(
        id="x",
        raw="Hai semua.",
        text="Hai semua.",
        mentions=[Mention(5, 99, "semua", "PER"), Mention(4, 4, "", "PER"), Mention(-3, 2, "Ha", "PER")],
        timexes=[Timex(8, 2, "x", "DATE", "2025")],
    )
    assert marks_of(a) == []
    assert [str(p) for p in render_paragraphs(a)] == ["Hai semua."]


def test_repairs_show_before_and_after() -> None:
    text = "Warga benar-benar senang."
    a = Article(
        id="x",
        raw="Warga benar benar senang.",
        text=text,
        cleaning=Cleaning(
            repaired=[
                Change(
                    kind="reduplication",
                    rule="r",
                    reason="hyphen",
                    before="benar benar",
                    after="benar-benar",
                    raw_start=6,
                    raw_end=17,
                    start=6,
                    end=17,
                )
            ]
        ),
    )
    out = str(render_paragraphs(a)[0])
    assert '<span class="rep" data-tip="repaired: benar benar → benar-benar">benar-benar</span>' in out


def test_paragraphs_without_segmentation_split_on_blank_lines() -> None:
    a = Article(id="x", raw="", text="Satu.\n\nDua <i>x</i>.\n\n\n")
    assert [str(p) for p in render_paragraphs(a)] == ["Satu.", "Dua &lt;i&gt;x&lt;/i&gt;."]


def test_quote_across_paragraphs_keeps_one_id() -> None:
    text = "Awal kutipan.\n\nAkhir kutipan."
    a = Article(
        id="x",
        raw=text,
        text=text,
        paragraphs=[Paragraph(0, 13), Paragraph(15, 29)],
        quotes=[Quote(kind="direct", start=5, end=22, text=text[5:22])],
    )
    first, second = (str(p) for p in render_paragraphs(a))
    assert 'id="q-0"' in first and 'id="q-0"' not in second
    assert 'data-q="0"' in second


_TEXT = st.text(alphabet=st.sampled_from([*list("ab <>&\"'\n"), "é", "\u200b"]), min_size=0, max_size=40)


@settings(max_examples=300, deadline=None)
@given(
    text=_TEXT,
    spans=st.lists(
        st.tuples(
            st.integers(-2, 45),
            st.integers(-2, 45),
            st.sampled_from(["quote", "cue", "speaker", "mention", "timex", "repair"]),
            st.booleans(),
        ),
        max_size=8,
    ),
)
def test_any_spans_give_well_formed_escaped_html(text: str, spans: list[tuple[int, int, str, bool]]) -> None:
    marks = [
        Mark(s, e, kind, kind, (("data-tip", text[max(s, 0) : max(e, 0)]),), href="/x" if link else None)
        for s, e, kind, link in spans
        if 0 <= s < e <= len(text)
    ]
    out = str(layout(text, sorted(marks, key=lambda m: m.order), 0, len(text)))
    parsed = check(out)
    assert not parsed.nested_links
    # Stripping our tags and unescaping gives the text back, character for character.
    assert html.unescape(re.sub(r"<[^>]*>", "", out)) == text
    # No character of the text survives as markup: every < in the output opens one of our tags.
    assert all(m.group(1) in {"span", "a", "/span", "/a"} for m in re.finditer(r"<(/?[a-z]+)", out))


@pytest.mark.parametrize(
    "payload", ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</p><p onclick=x>"]
)
def test_payloads_in_text_stay_text(payload: str) -> None:
    text = f"Awal {payload} akhir."
    a = Article(
        id="x",
        raw=text,
        text=text,
        mentions=[Mention(5, 5 + len(payload), payload, "ORG", entity=0)],
        entities=[Entity(id="e", name=payload, label="ORG", mentions=[0])],
    )
    out = str(render_paragraphs(a, entity_links={0: "/entity/1"})[0])
    assert payload not in out
    parsed = check(out)
    assert "".join(parsed.text) == text
    assert {t for t, _a in parsed.tags} <= {"a", "span"}
