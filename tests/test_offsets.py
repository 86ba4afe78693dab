from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from warta.offsets import OffsetMap, apply_edits


def test_identity() -> None:
    m = OffsetMap.identity(10)
    assert m(3) == 3 and m.to_clean(7) == 7 and m.is_identity()


def test_removal_and_replacement() -> None:
    raw = "Judul\n\nIsi  berita â€œyaâ€."
    new, m = apply_edits(raw, [(0, 7, ""), (10, 12, " "), (19, 22, "“")])
    assert new == "Isi berita “yaâ€."
    assert raw[m(0)] == "I"
    assert raw[m(new.index("berita"))] == "b"
    assert m.to_clean(raw.index("Isi")) == 0


def test_compose_two_passes() -> None:
    raw = "AAA xx BBB yy CCC"
    t1, m1 = apply_edits(raw, [(4, 7, "")])  # "AAA BBB yy CCC"
    t2, m2 = apply_edits(t1, [(8, 11, "")])  # "AAA BBB CCC"
    m = m1.compose(m2)
    assert t2 == "AAA BBB CCC"
    for i, ch in enumerate(t2):
        assert raw[m(i)] == ch


@given(st.text(alphabet="ab \n", min_size=1, max_size=40), st.data())
def test_unedited_characters_survive_composition(raw: str, data: st.DataObject) -> None:
    def random_edits(text: str) -> list[tuple[int, int, str]]:
        cuts = sorted(set(data.draw(st.lists(st.integers(0, len(text)), max_size=6))))
        edits = []
        for a, b in zip(cuts[::2], cuts[1::2], strict=False):
            edits.append((a, b, data.draw(st.sampled_from(["", "X", "YZ"]))))
        return edits

    m = OffsetMap.identity(len(raw))
    text = raw
    kept = list(range(len(raw)))  # raw index of each current character, or -1 if inserted
    for _ in range(2):
        edits = random_edits(text)
        new, step = apply_edits(text, edits)
        new_kept: list[int] = []
        prev = 0
        for a, b, repl in edits:
            new_kept += kept[prev:a] + [-1] * len(repl)
            prev = b
        new_kept += kept[prev:]
        m = m.compose(step)
        text, kept = new, new_kept
    for i, src in enumerate(kept):
        if src >= 0:
            assert m(i) == src
