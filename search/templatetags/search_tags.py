"""How a search result shows the text that matched."""

import re

from django import template
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

register = template.Library()

EXCERPT_LENGTH = 240
# A word matches a search term when it begins with the term less its last letters: enough
# for Finnish endings ("kiertotaloudessa" marks "kiertotalous") without marking every word.
MATCHING_PREFIX = 0.7


@register.simple_tag
def excerpt(page, query):
    """The part of the page's text where the visitor's words occur, the words marked with
    <mark>: the summary first, else the description, else the body's text."""
    pattern = _pattern(query)
    first = ""
    # The body's text is gathered only when the shorter texts do not contain the words.
    for text in _texts(page):
        if text and (pattern is None or pattern.search(text)):
            return _marked(_window(text, pattern), pattern)
        first = first or text
    return _marked(_window(first, None), pattern)


def _texts(page):
    yield getattr(page, "summary", "")
    yield page.search_description
    yield _body_text(page)


def _pattern(query):
    prefixes = [
        re.escape(word[: max(3, round(len(word) * MATCHING_PREFIX))])
        for word in re.findall(r"\w+", query.lower())
        if len(word) > 1
    ]
    if not prefixes:
        return None
    return re.compile(r"\b(?:" + "|".join(prefixes) + r")\w*", re.IGNORECASE)


def _window(text, pattern):
    text = " ".join(text.split())
    if len(text) <= EXCERPT_LENGTH:
        return text
    match = pattern.search(text) if pattern else None
    start = max(0, (match.start() if match else 0) - EXCERPT_LENGTH // 3)
    window = text[start : start + EXCERPT_LENGTH]
    return ("…" if start else "") + window + "…"


def _marked(text, pattern):
    if pattern is None:
        return escape(text)
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts += [escape(text[last : match.start()]), f"<mark>{escape(match.group())}</mark>"]
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 (every piece is escaped above)


def _body_text(page):
    body = getattr(page, "body", None)
    if not body:
        return ""
    return " ".join(strip_tags(text) for text in _strings(body.get_prep_value()))


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("type", "id"):
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
