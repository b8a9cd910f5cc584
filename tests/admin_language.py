"""Is there English on a Finnish admin screen? A small detector shared by the admin tests
(tests/localisation/test_admin_catalogue.py) and the browser tests.

`english_words(text)` returns the common English interface words in `text`, matched as whole
words regardless of case: what an untranslated button, heading or message of Wagtail or
wagtail-localize shows. Proper names (Wagtail, Arctic Smartness, the names of projects and
people in the content) are passed in `allow` and removed first. Browser tests call it on
`page.inner_text("body")`; server-side tests on `visible_text(html)`.

The list holds words that do not also occur in Finnish text: no "on" (Finnish "is"), "me",
"data" or "alias", so a Finnish sentence never trips it.
"""

import json
import re

from bs4 import BeautifulSoup

ENGLISH_UI_WORDS = frozenset(
    """
    the and or of for with from into by at this that these those your you are is was has have
    not yes no all none any more less other new
    page pages subpage subpages child parent root site sites home dashboard explorer menu
    edit edited editing delete deleted save saved saving publish published publishing
    unpublish unpublished cancel cancelled search filter filters sort order add create created
    select selected choose chosen status title name type date updated owner action actions
    view show hide close open back next previous submit submitted approve approved reject
    rejected request requested changes review awaiting moderation moderators approval
    workflow workflows task tasks lock locked unlock unlocked schedule scheduled expiry expired
    draft live language languages locale locales translation translations translate translated
    sync source target snippet snippets image images document documents collection collections
    upload uploaded download import export user users group groups account profile password
    settings help reports report history comment comments preview privacy public private
    usage used item items results loading error errors warning required optional copy move
    convert field fields label tags tag file size width height format redirects forms
    submissions apply clear reset refresh keyboard shortcuts checks words reading ago just
    minutes hours days today yesterday
    january february march april june july august september october november december
    """.split()
)

# Names that are the same in every language.
PROPER_NAMES = ("Wagtail", "Arctic Smartness", "Wagtail Localize", "DeepL")

# Attributes whose text users see (tooltips, placeholders) or hear (labels, alternative text).
SHOWN_ATTRIBUTES = (
    "aria-label",
    "title",
    "placeholder",
    "alt",
    "data-w-tooltip-content-value",
    "data-w-progress-active-value",
)

# Not text: the side panels' counters hold a number, or Python's None while hidden.
NOT_TEXT = ("[data-side-panel-toggle-counter]",)

# Addresses are not words: a URL's /pages/12/edit/ is no untranslated text.
ADDRESS = re.compile(r"\bhttps?://\S+|\S+@\S+\.\w+|(?<!\w)/[\w./?=&%#-]*/")

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def english_words(text, allow=()):
    """The English interface words found in `text`, in order (lower-cased, repeats kept),
    ignoring addresses and the proper names in PROPER_NAMES and `allow`."""
    text = ADDRESS.sub(" ", text)
    for name in sorted({*PROPER_NAMES, *allow}, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", text, flags=re.IGNORECASE)
    return [word.lower() for word in WORD.findall(text) if word.lower() in ENGLISH_UI_WORDS]


def visible_text(html, ignore=()):
    """What a user reads or hears on an admin page: the text (screen-reader-only text and
    closed dialogs included, since they are read out or opened), the attributes in
    SHOWN_ATTRIBUTES and button values, and the labels of the sidebar, which Wagtail
    renders in the browser from JSON props. Scripts, styles, NOT_TEXT and the elements
    matching the CSS selectors in `ignore` are left out."""
    soup = BeautifulSoup(html, "html.parser")
    parts = []
    for props in soup.select('script[type="application/json"]'):
        parts.extend(_json_labels(json.loads(props.string or "null")))
    for element in soup(["script", "style"]):
        element.decompose()
    for selector in (*NOT_TEXT, *ignore):
        for element in soup.select(selector):
            element.decompose()
    parts.append(soup.get_text(" "))
    for element in soup.find_all(True):
        parts.extend(str(element[name]) for name in SHOWN_ATTRIBUTES if element.has_attr(name))
        if element.name == "input" and element.get("type") in {"submit", "button"}:
            parts.append(str(element.get("value", "")))
    return "\n".join(parts)


def _json_labels(value):
    """The `label` strings anywhere in the sidebar's JSON props (menu items, search box)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "label" and isinstance(item, str):
                yield item
            else:
                yield from _json_labels(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_labels(item)
