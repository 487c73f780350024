"""The directory's search: words matched against each partner's stored search vector, typos in
name words corrected from a lexicon of the words partners' names use.

Names share few distinct words, far fewer than there are partners, so a mistyped word is corrected
against those, in Python, rather than by trigram similarity against every name; the search is
then one full-text query that the vector's GIN index serves.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.cache import cache
from django.db import connection
from django.db.models import F, Q

from core.caching import CACHE_SECONDS, data_version

from .models import Partner

CONFIG = "english"
# A word of at least this many letters that no name uses is taken for a typo. Shorter ones are
# one edit away from too many words: "fnd" from "fund", "find", "and" and "fed".
MIN_CORRECTED_LENGTH = 4
# pg_trgm similarity (shared trigrams over all trigrams) from which a name word may be what was
# meant when none is a single slip away: "organisaton" is 0.39 from "organization". At 0.3,
# "chains" would also search "chad"; at 0.4, "organisaton" would find nothing.
MIN_SIMILARITY = 0.35
# The most likely corrections of one word that are searched as well as the word itself.
MAX_CORRECTIONS = 3
# Words of a search looked up in the lexicon: a longer text is no hurried typing, and each costs
# a comparison with every word of the lexicon.
MAX_CORRECTED_WORDS = 8
# Letters only: what the tsquery is built from can hold no operator, quote, colon or NUL.
WORD = re.compile(r"[^\W\d_]+")


def words(text: str) -> list[str]:
    """The lower-case words (runs of letters) of `text`, in order."""
    return WORD.findall(text.lower())


def trigrams(word: str) -> frozenset[str]:
    """pg_trgm's trigrams of one lower-case word: padded with two blanks before, one after."""
    padded = f"  {word} "
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """pg_trgm's similarity(): the trigrams two words share over all their trigrams."""
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared) if a or b else 0.0


def one_slip_apart(a: str, b: str) -> bool:
    """Whether `b` is `a` with one letter dropped, added or replaced, or two neighbours swapped.

    The slips of a hurried typist, which trigrams measure badly in a short word: "laobur" shares
    only 3 of 11 trigrams with "labour".
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    if len(a) > len(b):
        return a[i + 1 :] == b[i:]
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    return a[i + 1 :] == b[i + 1 :] or (
        a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :]
    )


# The tokens of all partners' names and acronyms (people mistype "UNICEF" too), split into
# words in Python. Digits are dropped first so that numbered names ("Fund (demo 123)") share
# their tokens. It reads every name, so it runs once per data version (name_lexicon).
LEXICON_SQL = """
    SELECT DISTINCT token
    FROM {table},
         unnest(string_to_array(translate(name || ' ' || acronym, '0123456789', ''), ' ')) token
"""


SPELLINGS = (("isation", "ization"), ("ise", "ize"), ("ising", "izing"))


def other_spellings(word: str) -> list[str]:
    """`word` in the other of British and American spelling, where they differ by s and z."""
    found = []
    for british, american in SPELLINGS:
        for ending, other in ((british, american), (american, british)):
            if word.endswith(ending):
                found.append(word[: -len(ending)] + other)
    return found


@dataclass(frozen=True)
class Lexicon:
    """The distinct lower-case words of partners' names, with their trigrams."""

    trigrams: dict[str, frozenset[str]]

    @classmethod
    def of(cls, names_words: set[str]) -> "Lexicon":
        return cls({word: trigrams(word) for word in sorted(names_words)})

    def __contains__(self, word: str) -> bool:
        return word in self.trigrams

    def corrections(self, word: str) -> list[str]:
        """The name words `word` may be a typo of, likeliest first; none if it is a name word.

        Those one slip away if there are any, else those similar enough by trigrams: a
        correction of two slips when one of one slip exists would mostly be wrong ("goverment"
        is 0.38 from "garment").
        """
        if word in self or len(word) < MIN_CORRECTED_LENGTH:
            return []
        own = trigrams(word)
        scored = [(similarity(own, theirs), name) for name, theirs in self.trigrams.items()]
        close = [pair for pair in scored if one_slip_apart(word, pair[1])] or [
            pair for pair in scored if pair[0] >= MIN_SIMILARITY
        ]
        close.sort(key=lambda pair: (-pair[0], pair[1]))
        found = [name for _score, name in close[:MAX_CORRECTIONS]]
        # British and American spellings name the same thing: "organisaton" is one slip from
        # "organisation" and so also means "organization" (-ise/-ize, -isation/-ization).
        variants = [spelling for name in found for spelling in other_spellings(name)]
        return list(dict.fromkeys(found + [v for v in variants if v in self]))


# One lexicon per process and data version: building the trigrams again for every search would
# cost more than the search. Replaced, never mutated, so threads may share it.
_built: tuple[str, Lexicon] | None = None


def name_lexicon() -> Lexicon:
    """The lexicon of the partners' names as they are now: any write to a partner renews it."""
    global _built
    version = data_version("partners.Partner")
    if _built is not None and _built[0] == version:
        return _built[1]
    key = f"partners:lexicon:{version}"
    found = cache.get(key)
    if found is None:
        with connection.cursor() as cursor:
            cursor.execute(
                LEXICON_SQL.format(table=connection.ops.quote_name(Partner._meta.db_table))
            )
            found = sorted({word for (token,) in cursor.fetchall() for word in words(token)})
        cache.set(key, found, CACHE_SECONDS)
    lexicon = Lexicon.of(set(found))
    _built = (version, lexicon)
    return lexicon


def corrected_tsquery(value: str, lexicon: Lexicon) -> str | None:
    """A to_tsquery text where each word of `value` may also be read as a name word it is a typo
    of, or None when no word needs correcting.

    "labour organisaton" becomes "(labour) & (organisaton | organisation | organization)".
    """
    groups, corrected = [], False
    for n, word in enumerate(dict.fromkeys(words(value))):
        corrections = lexicon.corrections(word) if n < MAX_CORRECTED_WORDS else []
        corrected = corrected or bool(corrections)
        groups.append("(" + " | ".join([word, *corrections]) + ")")
    return " & ".join(groups) if corrected else None


class TsQuery(SearchQuery):
    """to_tsquery() of a text built here from letters and operators only (SearchQuery's "raw"
    type, named so that its use is explicit)."""

    def __init__(self, text: str):
        super().__init__(text, config=CONFIG, search_type="raw")


@dataclass(frozen=True)
class PartnerSearch:
    """One search of the directory: which partners match `value`, and how well."""

    value: str
    query: SearchQuery

    @classmethod
    def of(cls, value: str) -> "PartnerSearch | None":
        """The search for `value`, or None if it holds nothing to search for."""
        # PostgreSQL text cannot hold a NUL: it can only have been meant as a separator.
        value = value.replace("\x00", " ").strip()
        if not value:
            return None
        query = SearchQuery(value, config=CONFIG, search_type="websearch")
        if words(value):
            corrected = corrected_tsquery(value, name_lexicon())
            if corrected is not None:
                query = query | TsQuery(corrected)
        return cls(value, query)

    def condition(self) -> Q:
        """The partners it matches: by their stored words, or `value` within the name or as
        the acronym.

        One OR, which the three indexes serve together (a BitmapOr) or, for a broad search, a
        scan; with the vector stored it is quicker than a UNION of one subquery per way.
        """
        return (
            Q(search_vector=self.query)
            | Q(name__icontains=self.value)
            | Q(acronym__iexact=self.value)
        )

    def ranked(self, queryset):
        """`queryset` narrowed to the matches, best first: words in the name or acronym weigh
        more than words in the description; ties in name order."""
        return (
            queryset.filter(self.condition())
            .annotate(text_rank=SearchRank(F("search_vector"), self.query))
            .order_by("-text_rank", "name", "id")
        )


def search_partners(queryset, value: str):
    """Partners whose name, acronym or description match `value` (typos in name words allowed),
    best first."""
    search = PartnerSearch.of(value)
    return queryset if search is None else search.ranked(queryset)
