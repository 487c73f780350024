"""Links only to web addresses, whatever wrote the field."""

import re

from django import template

from core.models import WEB_ADDRESS

register = template.Library()


@register.filter
def web_url(value) -> str:
    """`value` if it is an http(s) address, else "" (a javascript: or data: URL is no link)."""
    text = str(value or "").strip()
    return text if re.match(WEB_ADDRESS, text, re.IGNORECASE) else ""
