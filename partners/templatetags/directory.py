"""The directory's facet options and result cards, rendered in Python: a template loop over some
250 countries, each with five variables, cost more than the rest of the page, and the 25 cards
with their lazy labels and URL reversals as much again (docs/performance.md, "Pages").

Each value is escaped once by `escape` and the items joined as one string: format_html() per item
checks and escapes every argument again through lazy-aware wrappers.
"""

import functools

from django import template
from django.template.defaultfilters import slugify
from django.utils.formats import localize
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.labels import choice_labels, country_names
from core.templatetags.translated import lang_attribute, marked
from core.translation import active_language, column, localized

from ..models import Category, PartnerStatus, Theme
from ..regions import Region, region_for

register = template.Library()

OPTION = (
    '<li><label><input type="{kind}" name="{name}" value="{value}"{checked}> <span>{label}</span> '
    '<span class="facet__count" id="count-{name}-{slug}"><span class="visually-hidden">(</span>'
    '{count}<span class="visually-hidden">)</span></span></label></li>'
)
ANY = (
    '<li><label><input type="radio" name="{name}" value=""{checked}> <span>{label}</span>'
    "</label></li>"
)


@functools.lru_cache(maxsize=8192)
def _option_parts(kind: str, name: str, value: str, label: str) -> tuple[str, str, str]:
    """An option's markup split around its two parts that change (checked, count): the rest is
    the same for every page in one language, so it is escaped and slugified once."""
    before, checked, rest = OPTION.partition("{checked}")
    middle, count, after = rest.partition("{count}")
    fields = {
        "kind": kind,
        "name": escape(name),
        "value": escape(value),
        "label": escape(label),
        "slug": escape(slugify(value)),
    }
    return before.format(**fields), middle.format(**fields), after.format(**fields)


def _count(n: int) -> str:
    # Below a thousand no language groups digits: localize() only where it has work to do.
    return str(n) if n < 1000 else localize(n)


@register.simple_tag
def facet_options(facet):
    """The <li> items of one facet: "any" first for a single-choice facet, then each option."""
    kind = "checkbox" if facet.multiple else "radio"
    name = escape(facet.name)
    items = []
    for option in facet.options:
        before, middle, after = _option_parts(kind, facet.name, option.value, option.label)
        checked = " checked" if option.selected else ""
        items.append(f"{before}{checked}{middle}{_count(option.count)}{after}")
    if not facet.options:
        none = _("None in this result")
        items = [f'<li class="muted">{escape(none)}</li>']
    if not facet.multiple:
        checked = "" if facet.is_active else " checked"
        items.insert(0, ANY.format(name=name, checked=checked, label=escape(facet.any_label)))
    return mark_safe("".join(items))  # every value above is escaped


CARD = (
    '<li class="card card--link partner-card"><h3 class="card__title"><a href="{url}">{name}</a>'
    "{acronym}</h3>"
    '<p class="card__meta">{category}{place}{badge}</p>{description}{themes}</li>'
)
# The columns a card reads: the directory's page query reads these only, not the search vectors.
CARD_FIELDS = ("name", "acronym", "slug", "category", "country", "status", "description", "themes")
TRANSLATED_CARD_FIELDS = ("name", "acronym", "description")


def card_fields() -> tuple[str, ...]:
    """CARD_FIELDS and the columns of the active language's name, acronym and description."""
    language = active_language()
    extra = tuple(column(field, language) for field in TRANSLATED_CARD_FIELDS)
    return tuple(dict.fromkeys(CARD_FIELDS + extra))


# Django's truncatewords: the first 40 words, and " …" where there were more.
DESCRIPTION_WORDS = 40


@register.simple_tag
def partner_cards(partners):
    """The directory's result: one card per partner, its labels in the active language."""
    categories = choice_labels(Category, html=True)
    statuses = choice_labels(PartnerStatus, html=True)
    themes = choice_labels(Theme, html=True)
    regions = choice_labels(Region, html=True)
    countries = country_names(html=True)
    themes_label = escape(_("Themes"))
    # Asked once: every card is in the same language.
    page = active_language()
    cards = []
    for partner in partners:
        code = str(partner.country or "")
        place = ""
        if code:
            place = f" · {countries.get(code, escape(code))}"
            region = region_for(code)
            if region:
                place += f", {regions[region]}"
        badge = ""
        if partner.status != PartnerStatus.ACTIVE:
            badge = (
                f' <span class="badge badge--{escape(partner.status)}">'
                f"{statuses.get(partner.status, escape(partner.status))}</span>"
            )
        description = ""
        text, language = localized(partner, "description", page)
        if text:
            words = text.split()
            text = " ".join(words[:DESCRIPTION_WORDS])
            if len(words) > DESCRIPTION_WORDS:
                text += " …"
            lang = lang_attribute(text, language, page)
            description = f'<p class="partner-card__description"{lang}>{escape(text)}</p>'
        tags = ""
        if partner.themes:
            items = "".join(
                f'<li class="tag">{themes.get(theme, escape(theme))}</li>'
                for theme in partner.themes
            )
            tags = f'<ul class="inline-list tag-list" aria-label="{themes_label}">{items}</ul>'
        acronym = ""
        text, language = localized(partner, "acronym", page)
        if text:
            acronym = f' <span class="muted">({marked(text, language, page)})</span>'
        cards.append(
            CARD.format(
                url=escape(partner.get_absolute_url()),
                name=marked(*localized(partner, "name", page), page),
                acronym=acronym,
                category=categories.get(partner.category, escape(partner.category)),
                place=place,
                badge=badge,
                description=description,
                themes=tags,
            )
        )
    return mark_safe("".join(cards))  # every value above is escaped
