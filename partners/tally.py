"""The partner tally: how many partners there are in each cell of the directory's filters, kept
exact by the database.

A cell is a combination of category, status, country, relations and one theme. Every partner
counts once in the cell of theme "*" (all partners) and once in the cell of each of its themes,
so that the theme facet and a filter by one theme are sums over cells, as is every other facet.
Statement-level triggers with transition tables keep it: a bulk write of 100,000 partners costs
one upsert of the cells it changes, an edit that changes none of these columns costs no write.

The same triggers keep the margins (PartnerMargin): how many partners have each value of each of
these columns, and "*" how many there are. The unfiltered directory, the page most readers see,
reads its facets there: a few hundred rows instead of the tens of thousands of cells that
100,000 partners fill.
"""

import pgtrigger

ALL_THEMES = "*"
# The columns of a cell, in the order of the tally's unique constraint.
CELL = ("category", "status", "country", "relations", "theme")

_CELLS_OF = """
    SELECT category, status, country, relations, theme, {sign} AS delta
    FROM {rows},
         LATERAL (SELECT DISTINCT unnest(themes || '{{{all}}}'::varchar[])) AS cell_themes(theme)
"""


# Each partner counts once under each of its values of each column; relations and themes, arrays,
# once under each element.
_MARGINS_OF = """
    SELECT 'category' AS dimension, category::text AS value, {sign} AS delta FROM {rows}
    UNION ALL SELECT 'status', status::text, {sign} FROM {rows}
    UNION ALL SELECT 'country', country::text, {sign} FROM {rows}
    UNION ALL SELECT 'relations', element::text, {sign}
        FROM {rows}, LATERAL (SELECT DISTINCT unnest(relations)) AS elements(element)
    UNION ALL SELECT 'themes', element::text, {sign}
        FROM {rows}, LATERAL (SELECT DISTINCT unnest(themes)) AS elements(element)
    UNION ALL SELECT '{all}', '{all}', {sign} FROM {rows}
"""
MARGIN = ("dimension", "value")


def _apply(*sources: tuple[str, int]) -> str:
    """PL/pgSQL adding the cells of `sources` ((transition table, +1 or -1)) to the tally.

    Cells are upserted in key order, so two writers of the same cells cannot deadlock; a cell
    that falls to zero is removed, so the tally holds only cells with partners.
    """
    cells = " UNION ALL ".join(
        _CELLS_OF.format(rows=rows, sign=sign, all=ALL_THEMES) for rows, sign in sources
    )
    margins = " UNION ALL ".join(
        _MARGINS_OF.format(rows=rows, sign=sign, all=ALL_THEMES) for rows, sign in sources
    )
    key, margin = ", ".join(CELL), ", ".join(MARGIN)
    return f"""
        INSERT INTO partners_partnertally AS tally ({key}, n)
        SELECT {key}, sum(delta) FROM ({cells}) AS changes
        GROUP BY {key} HAVING sum(delta) <> 0 ORDER BY {key}
        ON CONFLICT ({key}) DO UPDATE SET n = tally.n + excluded.n;
        DELETE FROM partners_partnertally WHERE n = 0;
        INSERT INTO partners_partnermargin AS margin ({margin}, n)
        SELECT {margin}, sum(delta) FROM ({margins}) AS changes
        GROUP BY {margin} HAVING sum(delta) <> 0 ORDER BY {margin}
        ON CONFLICT ({margin}) DO UPDATE SET n = margin.n + excluded.n;
        DELETE FROM partners_partnermargin WHERE n = 0;
        RETURN NULL;
    """


def triggers() -> list:
    """The triggers of the partners table that keep the tally."""
    return [
        pgtrigger.Trigger(
            name="tally_insert",
            level=pgtrigger.Statement,
            when=pgtrigger.After,
            operation=pgtrigger.Insert,
            referencing=pgtrigger.Referencing(new="new_rows"),
            func=_apply(("new_rows", 1)),
        ),
        pgtrigger.Trigger(
            name="tally_update",
            level=pgtrigger.Statement,
            when=pgtrigger.After,
            operation=pgtrigger.Update,
            referencing=pgtrigger.Referencing(old="old_rows", new="new_rows"),
            func=_apply(("old_rows", -1), ("new_rows", 1)),
        ),
        pgtrigger.Trigger(
            name="tally_delete",
            level=pgtrigger.Statement,
            when=pgtrigger.After,
            operation=pgtrigger.Delete,
            referencing=pgtrigger.Referencing(old="old_rows"),
            func=_apply(("old_rows", -1)),
        ),
        pgtrigger.Trigger(
            name="tally_truncate",
            level=pgtrigger.Statement,
            when=pgtrigger.After,
            operation=pgtrigger.Truncate,
            func=(
                "DELETE FROM partners_partnertally; DELETE FROM partners_partnermargin; "
                "RETURN NULL;"
            ),
        ),
    ]


def _fill(table: str, key: tuple[str, ...], of: str) -> str:
    """SQL counting the partners as they are into `table`, keyed by `key`, from the rows `of`
    makes of each partner: what the migration that creates the table runs once."""
    columns = ", ".join(key)
    rows = of.format(rows="partners_partner", sign=1, all=ALL_THEMES)
    return f"""
    INSERT INTO {table} ({columns}, n)
    SELECT {columns}, count(*) FROM ({rows}) AS counted
    GROUP BY {columns}
"""


FILL = _fill("partners_partnertally", CELL, _CELLS_OF)
FILL_MARGINS = _fill("partners_partnermargin", MARGIN, _MARGINS_OF)
