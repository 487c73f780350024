"""The directory's search, by PostgreSQL's own machinery: full-text search over what one set of
SQL functions makes of a partner's text and of the query alike, and trigram similarity against
the words of partners' names for typos.

- `partners_search_words(text)`: unaccented, lower case, a hyphen or apostrophe inside a word
  dropped ("co-operation" is "cooperation"), other punctuation a blank, and one spelling for each
  British and American variant (SPELLINGS, WORD_VARIANTS) and for each country's other names
  (COUNTRY_WORDS): "Labor Organisation" and "labour organization" are the same words.
- `partners_search_expanded(text)`: those words, then all the names of each group of synonyms and
  each abbreviation they hold (SYNONYMS, ABBREVIATIONS): "un" adds "united nations", and back.
- `partners_search_document(text)`: the expanded words, and those of the text read with hyphens
  and apostrophes as blanks ("anti slavery" finds "Anti-Slavery" as "antislavery" does).
- `partners_country_name(code)`: the English name of a country code, from django-countries.

`Partner.search_vector` (stored, GIN-indexed) holds the document's words of the name and acronym
(weight A), of the country's name (B) and of the description (C), each language's text stemmed by
that language's configuration (English, French, Spanish); `Partner.search_name` the words of the
English name and acronym. A partner matches when its vector holds every word of the query, stemmed
by any one of the three languages' rules: a French name is found from any page's language.

A word of the query that no partner's name holds is a typo when a word of a name is one slip from
it (a letter dropped, added or replaced, two neighbours swapped) or, failing that, close by
trigrams (pg_trgm similarity). `partners_search_word` lists the words of all names, with how many
partners' names hold each; triggers on the partners table keep it exact. It is small (a few
thousand words at 100,000 demo partners), so looking a typo up in it costs a millisecond, where a
trigram search of every name rechecks thousands of rows (docs/performance.md, "Search").

The migrations create these from the lists below and freeze the SQL; a test fails when the lists
and the database's functions differ, until a new migration replaces the functions.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import (
    Case,
    ExpressionWrapper,
    Func,
    IntegerField,
    Q,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Collate, Concat, Length, StrIndex
from django.db.models.lookups import Exact, GreaterThan
from django.utils import translation
from django_countries import countries

from .models import SEARCH_CONFIGS

# ---------------------------------------------------------------- what both sides are made into

# Stems whose British -is- is written -iz- (Oxford and UN spelling): organise, organisation and
# organising, and a mistyped "organisaton", all read as organiz...
IZE_STEMS = (
    "author|capital|categor|central|civil|commercial|criminal|decentral|decriminal|democrat|"
    "digital|emphas|energ|external|familiar|final|formal|global|harmon|hospital|human|immun|"
    "industrial|institutional|internal|legal|legitim|local|marginal|maxim|memor|minim|mobil|"
    "modern|monopol|national|neutral|normal|operational|optim|organ|penal|popular|priorit|"
    "privat|rational|real|recogn|regular|sensit|special|stabil|standard|subsid|summar|"
    "synchron|urban|util|victim|visual|vocal"
)
# Stems whose American -or is written -our: labor, laborer and "labor rights" read as labour...
OUR_STEMS = (
    "arb|ard|behavi|cand|clam|col|endeav|fav|ferv|flav|glam|harb|hon|hum|lab|neighb|od|parl|"
    "ranc|rig|rum|sav|splend|tum|val|vap|vig"
)
# Stems whose American -er is written -re: center, centers.
RE_STEMS = "calib|cent|centimet|fib|kilomet|lit|lust|meag|met|millimet|sab|spect|theat"
# Verbs whose American single l before -ed, -ing, -er is doubled: traveled, traveling.
LL_STEMS = (
    "cancel|channel|counsel|dial|equal|fuel|jewel|label|level|marshal|model|pedal|quarrel|"
    "rival|signal|total|travel|tunnel"
)

# (regular expression, replacement) over words each preceded by a blank (the text is padded):
# the spelling both sides of the search are given. A lookahead `(?= )` ends a whole word.
SPELLINGS = (
    (rf" ({IZE_STEMS})is", r" \1iz"),
    (r" (anal|catal|paral)ys", r" \1yz"),
    (rf" ({OUR_STEMS})or", r" \1our"),
    (rf" ({RE_STEMS})er(s?)(?= )", r" \1re\2"),
    (r" program(s?)(?= )", r" programme\1"),
    (r" (defen|licen|offen|preten)se(s?)(?= )", r" \1ce\2"),
    (rf" ({LL_STEMS})(ed|ing|er|ers)(?= )", r" \1l\2"),
)

# {the spelling kept: [other spellings]}, whole words; a plural s is kept.
WORD_VARIANTS = {
    "ageing": ["aging"],
    "aluminium": ["aluminum"],
    "anaemia": ["anemia"],
    "analogue": ["analog"],
    "catalogue": ["catalog"],
    "dialogue": ["dialog"],
    "enrolment": ["enrollment"],
    "foetus": ["fetus"],
    "fulfilment": ["fulfillment"],
    "grey": ["gray"],
    "instalment": ["installment"],
    "jewellery": ["jewelry"],
    "judgement": ["judgment"],
    "manoeuvre": ["maneuver"],
    "mould": ["mold"],
    "paediatric": ["pediatric"],
    "plough": ["plow"],
    "practice": ["practise"],
    "sceptic": ["skeptic"],
}

# {a country's name as the words function leaves django-countries' English name, or the part of
# it people type: [other names for it, of one word]}. "Lao People's Democratic Republic" holds
# "lao", "North Macedonia" holds "macedonia" already.
COUNTRY_WORDS = {
    "democratic peoples republic of korea": ["dprk"],
    "democratic republic of the congo": ["drc"],
    "eswatini": ["swaziland"],
    "holy see": ["vatican"],
    "lao": ["laos"],
    "myanmar": ["burma"],
    "netherlands": ["holland"],
    "russian federation": ["russia"],
    "syrian arab republic": ["syria"],
    "turkiye": ["turkey"],
    "united arab emirates": ["uae"],
    "united kingdom": ["uk", "britain"],
    "united states": ["usa"],
    "viet nam": ["vietnam"],
}

# Names of several words that mean the same: a text that holds any of a group's names gets them
# all added (PostgreSQL cannot replace each by its own in one pass, and these are few).
# (names, unless): a text holding a name of `unless` does not count ("south korea" is not in
# "democratic peoples republic of korea").
SYNONYMS = [
    (["cabo verde", "cape verde"], []),
    (["cote divoire", "ivory coast"], []),
    (["czechia", "czech republic"], []),
    (["democratic peoples republic of korea", "north korea"], []),
    (["democratic republic of the congo", "dr congo", "congo kinshasa"], []),
    (["kyrgyzstan", "kyrgyz republic"], []),
    (["lao", "lao pdr"], []),
    (
        ["republic of korea", "south korea"],
        ["peoples republic of korea", "people s republic of korea"],
    ),
    (["slovakia", "slovak republic"], []),
    (["timorleste", "east timor"], []),
    (["united kingdom", "u k"], []),
    (["united states", "u s", "u s a"], []),
]

# {abbreviation: its full form}, both as the words function writes them (a test checks). A text
# that holds either gets both, so that each side of the search holds both. The directory's own
# partners' acronyms add to these when they are typed (PartnerSearch.of).
ABBREVIATIONS = {
    "asean": "association of southeast asian nations",
    "au": "african union",
    "ecowas": "economic community of west african states",
    "eu": "european union",
    "fao": "food and agriculture organization",
    "g20": "group of twenty",
    "ilo": "international labour organization",
    "iom": "international organization for migration",
    "ioe": "international organization of employers",
    "itf": "international transport workers federation",
    "ituc": "international trade union confederation",
    "oecd": "organization for economic cooperation and development",
    "ohchr": "office of the united nations high commissioner for human rights",
    "osce": "organization for security and cooperation in europe",
    "saarc": "south asian association for regional cooperation",
    "sadc": "southern african development community",
    "un": "united nations",
    "undp": "united nations development programme",
    "unesco": "united nations educational scientific and cultural organization",
    "unfpa": "united nations population fund",
    "unhcr": "united nations high commissioner for refugees",
    "unicef": "united nations childrens fund",
    "unodc": "united nations office on drugs and crime",
    "unu": "united nations university",
    "usaid": "united states agency for international development",
    "wfp": "world food programme",
    "who": "world health organization",
}

# Characters read as a blank: ASCII other than letters and digits, Latin-1 punctuation and signs,
# general and CJK punctuation. Listed rather than [^[:alnum:]], which in a database of the C
# locale would blank every letter beyond ASCII.
BLANKS = (
    r"\u0001-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u007f\u00a0-\u00bf\u00d7\u00f7\u02bc"
    r"\u2000-\u206f\u2e00-\u2e7f\u3000-\u303f\ufe30-\ufe4f\uff01-\uff0f"
)
# A hyphen or apostrophe between two letters or digits joins them: "co-operation", "children's".
JOINERS = r"'\u2019\u02bc\u2010\u2011-"


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def word_map() -> dict[str, str]:
    """{a word: what the words function writes instead}, plurals included."""
    found = {}
    for kept, others in WORD_VARIANTS.items():
        for other in others:
            found[other], found[f"{other}s"] = kept, f"{kept}s"
    for kept, others in COUNTRY_WORDS.items():
        found.update(dict.fromkeys(others, kept))
    return dict(sorted(found.items()))


def synonym_groups() -> list[tuple[list[str], list[str], list[str]]]:
    """(the names a text may hold, those that then do not count, the names it gets) of every
    group of SYNONYMS and ABBREVIATIONS.

    A full form that holds another's may be written with that one's abbreviation ("office of the
    un high commissioner for human rights"), and an abbreviation whose full form holds another's
    full form stands for that one too: a text with "unicef" also gets "un united nations".
    """
    groups = [(names, unless, names) for names, unless in SYNONYMS]
    for abbreviation, full in ABBREVIATIONS.items():
        held = [abbreviation, full]
        for other, other_full in ABBREVIATIONS.items():
            if other == abbreviation:
                continue
            if f" {other_full} " in f" {full} ":
                held.append(full.replace(other_full, other))
            if f" {full} " in f" {other_full} ":
                held.append(other)
        groups.append((held, [], [abbreviation, full]))
    return groups


def _holds(names: list[str]) -> str:
    return " OR ".join(f"strpos(padded, {_literal(f' {name} ')}) > 0" for name in names)


def _words_body() -> str:
    joined = _literal(rf"([^{BLANKS}])[{JOINERS}]+(?=[^{BLANKS}])")
    rules = "".join(
        f"\n    padded := regexp_replace(padded, {_literal(old)}, {_literal(new)}, 'g');"
        for old, new in SPELLINGS
    )
    cases = "".join(
        f"\n            WHEN {_literal(word)} THEN {_literal(instead)}"
        for word, instead in word_map().items()
    )
    return f"""
DECLARE
    padded text;
    word text;
    found text[] := '{{}}';
BEGIN
    -- Joined before unaccent(), which writes some dashes as hyphens: "Türkiye—Turkey" is two words.
    padded := lower(unaccent('unaccent', regexp_replace(value, {joined}, '\\1', 'g')));
    padded := ' ' || regexp_replace(padded, {_literal(f"[{BLANKS}]+")}, ' ', 'g') || ' ';{rules}
    FOREACH word IN ARRAY string_to_array(padded, ' ') LOOP
        CONTINUE WHEN word = '';
        found := found || CASE word{cases}
            ELSE word END;
    END LOOP;
    RETURN array_to_string(found, ' ');
END
"""


def _expanded_body() -> str:
    added = []
    for held, unless, names in synonym_groups():
        condition = f"({_holds(held)})"
        if unless:
            condition += f" AND NOT ({_holds(unless)})"
        names = _literal(" " + " ".join(names))
        added.append(f"\n        || CASE WHEN {condition}\n            THEN {names} ELSE '' END")
    return f"""
DECLARE
    padded text := ' ' || value || ' ';
BEGIN
    RETURN value{"".join(added)};
END
"""


def _readings_body(function: str) -> str:
    """`function` of the words of the text, and of those of the text read with hyphens and
    apostrophes as blanks if it has any: "Anti-Slavery" is both "antislavery" and "anti slavery"."""
    joiners = _literal(f"[{JOINERS}]")
    split = f"regexp_replace(value, {joiners}, ' ', 'g')"
    return f"""
BEGIN
    IF value !~ {joiners} THEN
        RETURN {function.format("partners_search_words(value)")};
    END IF;
    RETURN {function.format("partners_search_words(value)")}
        || ' ' || {function.format(f"partners_search_words({split})")};
END
"""


def _country_sql() -> str:
    with translation.override("en"):
        names = sorted((code, str(name)) for code, name in countries)
    cases = "".join(
        f"\n        WHEN {_literal(code)} THEN {_literal(name)}" for code, name in names
    )
    return f"CASE code{cases}\n        ELSE '' END"


def _function(signature: str, body: str, returns: str = "text") -> str:
    return (
        f"CREATE OR REPLACE FUNCTION {signature} RETURNS {returns} LANGUAGE plpgsql IMMUTABLE"
        f" STRICT PARALLEL SAFE SET search_path FROM CURRENT\nAS $body${body}$body$"
    )


def functions_sql() -> list[str]:
    """The CREATE FUNCTION statements of the search, in order, as the lists above make them.

    PL/pgSQL keeps each statement's plan, and the few regular expressions stay in PostgreSQL's
    cache of compiled ones: a SQL function that calls another is planned again at every call, ten
    times slower. `SET search_path FROM CURRENT` resolves unaccent() and the functions as at
    creation, whatever the search_path of the session (a restore sets none). The country names are
    a SQL expression, which PostgreSQL inlines.
    """
    return [
        _function("partners_search_words(value text)", _words_body()),
        _function("partners_search_expanded(value text)", _expanded_body()),
        _function("partners_search_readings(value text)", _readings_body("{}")),
        _function(
            "partners_search_document(value text)", _readings_body("partners_search_expanded({})")
        ),
        "CREATE OR REPLACE FUNCTION partners_country_name(code text) RETURNS text LANGUAGE sql"
        f" IMMUTABLE PARALLEL SAFE\n    RETURN {_country_sql()}",
        _function("partners_search_one_slip(typed text, word text)", ONE_SLIP, "boolean"),
    ]


# Whether `word` is `typed` with one letter dropped, added or replaced, or two neighbours swapped:
# the slips of a hurried typist, which trigrams measure badly in a short word ("laobur" shares 3
# of 11 trigrams with "labour").
ONE_SLIP = """
DECLARE
    i integer := 1;
    a integer := length(typed);
    b integer := length(word);
BEGIN
    IF typed = word OR abs(a - b) > 1 THEN
        RETURN false;
    END IF;
    WHILE i <= a AND i <= b AND substr(typed, i, 1) = substr(word, i, 1) LOOP
        i := i + 1;
    END LOOP;
    IF a > b THEN
        RETURN substr(typed, i + 1) = substr(word, i);
    ELSIF a < b THEN
        RETURN substr(typed, i) = substr(word, i + 1);
    END IF;
    RETURN substr(typed, i + 1) = substr(word, i + 1)
        OR (substr(typed, i, 2) = reverse(substr(word, i, 2))
            AND substr(typed, i + 2) = substr(word, i + 2));
END
"""

FUNCTION_NAMES = (
    "partners_search_one_slip",
    "partners_country_name",
    "partners_search_document",
    "partners_search_readings",
    "partners_search_expanded",
    "partners_search_words",
)

# The words of a set of partners' names in every language (search_name, search_other_names),
# once per partner, digits-only words ("demo 123") left out.
_NAME_WORDS = """
    SELECT DISTINCT rows.id, word
    FROM {rows} AS rows,
        unnest(string_to_array(rows.search_name || ' ' || rows.search_other_names, ' ')) AS word
    WHERE word ~ '[^0-9]'
"""


def _counted(delta: str) -> str:
    """The statements that apply `delta` (word, change in the number of names holding it) to the
    word table: one upsert in word order, so that concurrent writers lock the words' rows in the
    same order and never deadlock, then the words no name holds any more deleted (rows this
    transaction has locked already)."""
    return f"""
        WITH delta (word, n) AS ({delta}),
        changed AS (
            INSERT INTO partners_search_word AS kept (word, partners)
            SELECT word, n FROM delta ORDER BY word
            ON CONFLICT (word) DO UPDATE SET partners = kept.partners + excluded.partners
            RETURNING kept.word, kept.partners
        )
        SELECT array_agg(word) INTO emptied FROM changed WHERE partners <= 0;
        IF emptied IS NOT NULL THEN
            DELETE FROM partners_search_word WHERE word = ANY (emptied) AND partners <= 0;
        END IF;"""


_ADDED = f"SELECT word, count(*) FROM ({_NAME_WORDS.format(rows='new_rows')}) AS w GROUP BY word"
_GONE = f"SELECT word, -count(*) FROM ({_NAME_WORDS.format(rows='old_rows')}) AS w GROUP BY word"
# An update that leaves a name's words as they were changes no count.
_CHANGED = f"""SELECT word, sum(n) AS n FROM (
            SELECT word, 1 AS n FROM ({_NAME_WORDS.format(rows="new_rows")}) AS added
            UNION ALL
            SELECT word, -1 FROM ({_NAME_WORDS.format(rows="old_rows")}) AS gone
        ) AS changes GROUP BY word HAVING sum(n) <> 0"""

# The words of all partners' names, with how many partners' names hold each, kept by the triggers
# below (statement-level: a bulk COPY updates each word once). Deleted when no name holds it.
WORD_TABLE_SQL = [
    """CREATE TABLE partners_search_word (
    word text PRIMARY KEY,
    partners integer NOT NULL
)""",
    # Trigram candidates of a typo (`%`), and the words of its first letter and about its length,
    # in which the one-slip ones are looked for.
    "CREATE INDEX partners_search_word_trgm ON partners_search_word USING gin (word gin_trgm_ops)",
    "CREATE INDEX partners_search_word_shape ON partners_search_word (left(word, 1), length(word))",
    f"""CREATE FUNCTION partners_search_word_count() RETURNS trigger LANGUAGE plpgsql AS $body$
DECLARE
    emptied text[];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM partners_search_word;
    ELSIF TG_OP = 'INSERT' THEN{_counted(_ADDED)}
    ELSIF TG_OP = 'DELETE' THEN{_counted(_GONE)}
    ELSE{_counted(_CHANGED)}
    END IF;
    RETURN NULL;
END
$body$""",
    "CREATE TRIGGER partners_search_word_insert AFTER INSERT ON partners_partner"
    " REFERENCING NEW TABLE AS new_rows"
    " FOR EACH STATEMENT EXECUTE FUNCTION partners_search_word_count()",
    "CREATE TRIGGER partners_search_word_update AFTER UPDATE ON partners_partner"
    " REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows"
    " FOR EACH STATEMENT EXECUTE FUNCTION partners_search_word_count()",
    "CREATE TRIGGER partners_search_word_delete AFTER DELETE ON partners_partner"
    " REFERENCING OLD TABLE AS old_rows"
    " FOR EACH STATEMENT EXECUTE FUNCTION partners_search_word_count()",
    "CREATE TRIGGER partners_search_word_truncate AFTER TRUNCATE ON partners_partner"
    " FOR EACH STATEMENT EXECUTE FUNCTION partners_search_word_count()",
]

# Fills the word table from the partners as they are: run once, by the migration that creates it.
WORD_TABLE_FILL = f"""
    INSERT INTO partners_search_word (word, partners)
    SELECT word, count(*) FROM ({_NAME_WORDS.format(rows="partners_partner")}) AS words
    GROUP BY word
"""

WORD_TABLE_DROP = [
    "DROP TRIGGER partners_search_word_truncate ON partners_partner",
    "DROP TRIGGER partners_search_word_delete ON partners_partner",
    "DROP TRIGGER partners_search_word_update ON partners_partner",
    "DROP TRIGGER partners_search_word_insert ON partners_partner",
    "DROP FUNCTION partners_search_word_count()",
    "DROP TABLE partners_search_word",
]


# ---------------------------------------------------------------------------------- the search

# A typo is looked for in a word of at least this many letters ("fnd" is one slip from "fund",
# "find", "and" and "fed"), among the first words of a query, and taken for at most so many words.
MIN_TYPO_LENGTH = 4
MAX_TYPO_WORDS = 4
MAX_CORRECTIONS = 3
# pg_trgm similarity from which a word of a name may be what was meant when none is one slip
# away: "organizaton" is 0.67 from "organization". Candidates come from `%` (pg_trgm's
# similarity_threshold, 0.3 unless set otherwise).
MIN_SIMILARITY = 0.35
# A one-slip correction held by fewer names than this share of the best one's is left out: the
# demo data's acronym "cils" is one slip from "cild", as "child" is.
MIN_SHARE = 0.1
# The words of a query that ranking looks for in names.
MAX_RANKED_WORDS = 8
# An acronym that more partners than this share (demo data's "MLK") names none of them.
MAX_ACRONYM_OWNERS = 3

# What a query's words are, their corrections (the words of names it may have meant) and the
# query with each acronym a partner holds read as that partner's name: one round trip, served by
# the word table's indexes and partner_acronym_upper.
QUERY_SQL = """
    WITH query AS (SELECT partners_search_words(%(value)s) AS words),
    typed AS (
        SELECT word, n
        FROM query, unnest(string_to_array(query.words, ' ')) WITH ORDINALITY AS t(word, n)
    ),
    acronyms AS (
        SELECT lower(acronym) AS acronym, array_agg(DISTINCT name) AS names
        FROM partners_partner
        WHERE upper(acronym) IN (SELECT upper(word) FROM typed) AND acronym <> ''
        GROUP BY lower(acronym)
        HAVING count(DISTINCT name) <= %(owners)s
    )
    SELECT
        query.words,
        ARRAY(
            SELECT ARRAY[typed.word, known.word, known.slip::text, known.partners::text]
            FROM typed CROSS JOIN LATERAL (
                -- The words one slip away: of the same first letter and about the same length.
                SELECT candidate.word, true AS slip, candidate.partners, 1.0 AS likeness
                FROM partners_search_word AS candidate
                WHERE left(candidate.word, 1) = left(typed.word, 1)
                    AND length(candidate.word) BETWEEN length(typed.word) - 1
                        AND length(typed.word) + 1
                    AND partners_search_one_slip(typed.word, candidate.word)
                UNION ALL
                -- Else those close by trigrams.
                SELECT
                    candidate.word, false, candidate.partners,
                    similarity(candidate.word, typed.word)
                FROM partners_search_word AS candidate
                WHERE candidate.word %% typed.word
                    AND similarity(candidate.word, typed.word) >= %(similarity)s
                    AND NOT EXISTS (
                        SELECT FROM partners_search_word AS other
                        WHERE left(other.word, 1) = left(typed.word, 1)
                            AND length(other.word) BETWEEN length(typed.word) - 1
                                AND length(typed.word) + 1
                            AND partners_search_one_slip(typed.word, other.word)
                    )
            ) AS known
            WHERE typed.n <= %(typo_words)s AND length(typed.word) >= %(typo_length)s
                AND NOT EXISTS (SELECT FROM partners_search_word WHERE word = typed.word)
            ORDER BY typed.n, known.slip DESC, known.partners * known.likeness DESC, known.word
        ),
        ARRAY(
            SELECT partners_search_expanded(partners_search_words(
                replace(' ' || query.words || ' ', ' ' || acronym || ' ', ' ' || name || ' ')))
            FROM acronyms, unnest(names) AS name
            ORDER BY 1
        )
    FROM query
"""


def corrections_of(rows: list[list[str]]) -> dict[str, list[str]]:
    """{typed word: the words of names it may be a typo of, likeliest first} from QUERY_SQL's
    (typed, word, slip, partners) rows: the one-slip words if there are any (those held by most
    names first), else the most similar."""
    found: dict[str, list[tuple[str, bool, int]]] = {}
    for typed, word, slip, partners in rows:
        found.setdefault(typed, []).append((word, slip == "true", int(partners)))
    corrections = {}
    for typed, candidates in found.items():
        slips = [(word, n) for word, slip, n in candidates if slip]
        if slips:
            most = slips[0][1]
            chosen = [word for word, n in slips if n >= most * MIN_SHARE]
        else:
            chosen = [word for word, _slip, _n in candidates]
        corrections[typed] = chosen[:MAX_CORRECTIONS]
    return corrections


def _quoted(word: str) -> str:
    """`word` as a tsquery operand: quoted, so that no character of it is read as an operator."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def corrected_tsquery(words: str, corrections: dict[str, list[str]]) -> str | None:
    """A to_tsquery text where each corrected word may also be read as one of its corrections,
    or None when no word is corrected. It is matched against names, acronyms and countries
    (`search_name_vector`): typos are those of names.

    "child laobur" becomes "'child' & ( 'laobur' | 'labour' )".
    """
    if not corrections:
        return None
    groups = []
    for word in dict.fromkeys(words.split()):
        options = [_quoted(w) for w in [word, *corrections.get(word, [])]]
        groups.append(f"( {' | '.join(options)} )" if len(options) > 1 else options[0])
    return " & ".join(groups)


def _in_every_language(*texts, **options) -> SearchQuery:
    """Any of `texts` as a query stemmed by each language's rules, as the partners' texts in that
    language are (Partner.search_vector)."""
    query = None
    for config in SEARCH_CONFIGS.values():
        for text in texts:
            part = SearchQuery(text, config=config, **options)
            query = part if query is None else query | part
    return query


def _expanded(text: str) -> Func:
    return Func(Value(text), function="partners_search_expanded")


@dataclass(frozen=True)
class PartnerSearch:
    """One search of the directory: which partners match `value`, and how well."""

    value: str
    # `value` as partners_search_words() leaves it.
    words: str
    # {typed word: the words of names it may be a typo of}.
    corrections: dict
    # The query with an acronym typed read as the name of the partner that holds it.
    alternatives: tuple[str, ...]

    @classmethod
    def of(cls, value: str) -> "PartnerSearch | None":
        """The search for `value`, or None if it holds nothing to search for."""
        # PostgreSQL text cannot hold a NUL: it can only have been meant as a separator.
        value = value.replace("\x00", " ").strip()
        if not value:
            return None
        with connection.cursor() as cursor:
            cursor.execute(
                QUERY_SQL,
                {
                    "value": value,
                    "owners": MAX_ACRONYM_OWNERS,
                    "typo_words": MAX_TYPO_WORDS,
                    "typo_length": MIN_TYPO_LENGTH,
                    "similarity": MIN_SIMILARITY,
                },
            )
            words, candidates, alternatives = cursor.fetchone()
        return cls(value, words, corrections_of(candidates), tuple(alternatives))

    def query(self) -> SearchQuery:
        """Every word of the query (stemmed), abbreviations and their full forms alike, or an
        acronym read as the name of the partner that holds it."""
        return _in_every_language(_expanded(self.words), *self.alternatives)

    def corrected_query(self) -> SearchQuery | None:
        """Each typo read as a word of names it may be, or None without typos."""
        corrected = corrected_tsquery(self.words, self.corrections)
        if corrected is None:
            return None
        # A correction may be a word of a French or Spanish name.
        return _in_every_language(corrected, search_type="raw")

    def condition(self) -> Q:
        """The partners it matches: the query in the stored vector, or the corrected query in
        the names, acronyms and countries. One OR, which the two GIN indexes serve together."""
        if not self.words:
            return Q(pk__in=[])
        found = Q(search_vector=self.query())
        corrected = self.corrected_query()
        return found if corrected is None else found | Q(search_name_vector=corrected)

    def ranked(self, queryset):
        """`queryset` narrowed to the matches, best first: the acronym or the whole name; then a
        match in the name, acronym or country before one in the description only; within each,
        the names that hold more of the query's words as written, then the shortest (the query is
        more of them); then by name and id, so that pages never overlap.

        Each key is cheap for the thousands of rows a broad search sorts: no trigram similarity
        (pg_trgm lowers each name by the locale's rules), and names compared byte by byte
        (COLLATE "C"): comparing by the database's collation cost ten times more.
        """
        # The acronym as typed, the name's words as typed, or those followed by the acronym's.
        exact = (
            Q(acronym__in={self.value, self.value.upper()})
            | Q(acronym_fr__in={self.value, self.value.upper()})
            | Q(acronym_es__in={self.value, self.value.upper()})
            | Q(search_name=self.words)
            | Q(search_name__startswith=f"{self.words} ")
            & Q(Exact(Length("search_name") - Length("acronym"), len(self.words) + 1))
        )
        names = self.query()
        corrected = self.corrected_query()
        if corrected is not None:
            names |= corrected
        tier = Case(
            When(exact, then=Value(0)),
            When(search_name_vector=names, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
        return (
            queryset.filter(self.condition())
            .annotate(
                search_tier=tier,
                search_words=self._words_in_name(),
                search_length=Length("search_name"),
            )
            .order_by("search_tier", "-search_words", "search_length", Collate("name", "C"), "id")
        )

    def _words_in_name(self):
        """How many words of the query (or of their corrections) begin a word of the name or
        acronym as written, not by their expansions: "labour organisaton" is two words of
        "International Labour Organization", one of "ILO business network on child labour"."""
        name = Concat(Value(" "), "search_name", output_field=TextField())
        found = Value(0)
        for word in list(dict.fromkeys(self.words.split()))[:MAX_RANKED_WORDS]:
            begins = Q()
            for option in [word, *self.corrections.get(word, [])]:
                begins |= Q(GreaterThan(StrIndex(name, Value(f" {option}")), 0))
            found = found + Case(When(begins, then=Value(1)), default=Value(0))
        return ExpressionWrapper(found, output_field=IntegerField())


def search_partners(queryset, value: str):
    """Partners whose name, acronym, country or description match `value` (typos in names
    tolerated), best first."""
    search = PartnerSearch.of(value)
    return queryset if search is None else search.ranked(queryset)
