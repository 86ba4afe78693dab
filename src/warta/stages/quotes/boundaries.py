"""Move a speaker phrase's name to where the NER stage found the person.

The speaker parser guesses where a name starts inside "Kepala Dinas Kesehatan Kota
Surabaya Febria Rachmanita" from capitalisation and word lists; a PER mention from the
NER stage knows better ("Mayor Jenderal ( TNI ) Bambang Suryo Aji" keeps its rank,
"Sekjen DPR Indra Iskandar" loses "DPR"). The parts before the name are re-split into
role and affiliation, the affiliation starting at an ORG mention where there is one.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from warta.article import Mention
from warta.stages.quotes.resources import name_openers, org_heads, role_words, service_marks
from warta.stages.quotes.speakers import OFFICE_BEFORE_RANK, ParsedSpeaker, Tok, rank_at, tokens

__all__ = ["MentionIndex", "refine_speaker"]


class MentionIndex:
    """PER and ORG mentions sorted by start, for lookups by span."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.people = sorted((m for m in mentions if m.label == "PER"), key=lambda m: m.start)
        self.orgs = sorted((m for m in mentions if m.label == "ORG"), key=lambda m: m.start)
        self._pstarts = [m.start for m in self.people]
        self._ostarts = [m.start for m in self.orgs]

    def people_in(self, start: int, end: int) -> list[Mention]:
        i = bisect_left(self._pstarts, start)
        out = []
        while i < len(self.people) and self.people[i].start < end:
            out.append(self.people[i])
            i += 1
        return out

    def org_in(self, start: int, end: int) -> Mention | None:
        i = bisect_left(self._ostarts, start)
        if i < len(self.orgs) and self.orgs[i].end <= end:
            return self.orgs[i]
        return None


def _strip_roles(text: str, start: int, end: int) -> int:
    """Skip role words the tagger kept at the front of a name ("Presiden Joko Widodo")."""
    pos = start
    while pos < end:
        sp = text.find(" ", pos, end)
        if sp < 0:
            if text[pos:end].lower() in role_words():
                return end  # nothing but role words ("Menbud" alone): no name
            break
        if text[pos:sp].lower() not in role_words():
            break
        pos = sp + 1
    return pos


def _rank_start(toks: Sequence[Tok], k: int) -> int | None:
    """Index of the rank ("Komisaris Besar", "Brigadir Jenderal ( Pol )") that ends right
    before ``toks[k]``, with initials of the name after it ("Inspektur Jenderal RZ"), or None."""
    j = k
    while j > 0 and (
        toks[j - 1][2] in service_marks()  # "Letjen TNI ( Purn )", "Kolonel Inf"
        or toks[j - 1][2] in ("(", ")")
        or (toks[j - 1][2].isupper() and toks[j - 1][2].isalpha() and len(toks[j - 1][2]) <= 2)
    ):
        j -= 1
    best: int | None = None
    for i in range(max(0, j - 3), j):
        size = rank_at(toks, i)
        if size and i + size <= k:
            rest = toks[i + size : k]
            if all(
                t[2] in service_marks() or t[2] in ("(", ")") or (t[2].isupper() and len(t[2]) <= 2)
                for t in rest
            ):
                best = i
                break
    if best is not None and best > 0 and toks[best - 1][2] in OFFICE_BEFORE_RANK:
        return None  # "Direktur Jenderal", "Sekretaris Jenderal": an office, not a rank
    return best


def _is_org_token(w: str) -> bool:
    return w in org_heads() or w.startswith("Kemen") or (len(w) > 2 and w.isupper() and w.isalpha())


def refine_speaker(text: str, p: ParsedSpeaker, index: MentionIndex) -> None:
    """Set ``p.name`` to the PER mention that ends the phrase, and re-split what precedes it."""
    if p.kind not in ("person", "role", "org"):
        return
    if p.kind == "role" and p.definite and text[p.start : p.start + 5].lower() == "sang ":
        return  # "Sang Bendahara": an epithet, whatever the tagger made of its capitals
    found = [m for m in index.people_in(p.start, p.end) if m.end <= p.end + 1]
    if not found:
        return
    m = (
        found[0]
        if p.name is None
        else next((x for x in found if x.start < p.name[1] and p.name[0] < x.end), None)
    )
    if m is None:
        return
    start = _strip_roles(text, m.start, m.end)
    end = min(m.end, p.end)
    # An organisation the tagger glued to the front of the name ("Logistik OJK Anto
    # Prabowo"): the name starts after its last organisation word.
    inner = tokens(text, start, end)
    cut = max((i for i, t in enumerate(inner[:-1]) if _is_org_token(t[2])), default=-1)
    if cut >= 0 and inner[cut + 1][2][:1].isupper():
        start = inner[cut + 1][0]
    # A rank before the name belongs to it ("Komisaris Besar Yusri Yunus"), and so do
    # words that open names ("Mohammad Fredly Nasution" where the tagger found "Fredly
    # Nasution").
    phrase = tokens(text, p.start, end)
    k = next((i for i, t in enumerate(phrase) if t[0] >= start), None)
    while (
        k
        and k > 1
        and phrase[k - 1][2] in name_openers()
        and phrase[k - 2][2] not in ("Jaksa", "Kejaksaan", "Hakim", "Mahkamah")
    ):
        k -= 1
        start = phrase[k][0]
    if k is not None:
        r = _rank_start(phrase, k)
        if r is not None:
            start = phrase[r][0]
    if start >= end or (p.name is not None and (start, end) == p.name):
        return
    # The name must end the phrase or one of its comma segments: a person named inside
    # an organisation ("Universitas Gadjah Mada") is no speaker name.
    after = text[end : p.end].lstrip()
    if after and after[:1] not in (",", "(", ")"):
        return
    p.name = (start, end)
    p.kind = "person"
    pre_end = start
    while pre_end > p.start and text[pre_end - 1] in " ,":
        pre_end -= 1
    roles = [(s, min(e, pre_end)) for s, e in p.roles if s < pre_end]
    affs = [(s, min(e, pre_end)) for s, e in p.affiliations if s < pre_end]
    covered = max((e for _, e in roles + affs), default=p.start)
    if covered < pre_end and (roles or affs):
        # Words between the old parts and the name: they extend the last part.
        last_aff = max(affs, default=(-1, -1))
        last_role = max(roles, default=(-1, -1))
        if last_aff[1] >= last_role[1]:
            affs[affs.index(last_aff)] = (last_aff[0], pre_end)
        else:
            roles[roles.index(last_role)] = (last_role[0], pre_end)
    p.roles = [r for r in roles if r[0] < r[1]]
    p.affiliations = [a for a in affs if a[0] < a[1]]
