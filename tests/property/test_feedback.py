"""The feedback form, in both languages, posted with generated answers: a valid answer is
stored once, anything else is refused with the form shown again and nothing stored, and the
honeypot stores nothing. Validity is worked out here from the generated data."""

from urllib.parse import urlencode

import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from wagtail.contrib.forms.models import FormSubmission

from feedback.forms import HONEYPOT_FIELD, MULTI_LINE_MAX_LENGTH, SINGLE_LINE_MAX_LENGTH
from feedback.models import FeedbackFormPage

from .checks import SQLITE_CHANGES, assert_served, changes, examples, fingerprint
from .strategies import HOSTILE_FRAGMENTS, any_text, hostile

pytestmark = pytest.mark.django_db

FIELDS = ["aihe", "viesti", "nimi", "sahkoposti"]
SUBMISSIONS = FormSubmission._meta.db_table


@pytest.fixture
def forms(content):
    """{address: the topic choices} of each language's feedback form."""
    found = {}
    for page in FeedbackFormPage.objects.live().filter(alias_of__isnull=True):
        field = page.form_fields.get(clean_name="aihe")
        found[page.url] = [choice.strip() for choice in field.choices.split(",")]
    assert sorted(found) == sorted(content.feedback_urls)
    return found


def text_within(limit, required):
    """(text, valid) for a free-text answer: the form strips it, refuses NUL characters,
    text over `limit` characters and, when required, an empty answer."""
    texts = st.one_of(
        st.text(max_size=50),
        any_text,
        st.sampled_from(HOSTILE_FRAGMENTS),
        st.sampled_from([" ", "\t\n", "\x00"]),
        st.integers(limit - 2, limit + 2).map(lambda size: "ö" * size),
        st.integers(limit - 2, limit + 2).map(lambda size: " " + "x" * size + "\n"),
    )

    def valid(text):
        stripped = text.strip()
        return (
            "\x00" not in stripped and len(stripped) <= limit and (bool(stripped) or not required)
        )

    return texts.map(lambda text: (text, valid(text)))


_word = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=12)
addresses = st.one_of(
    st.just(("", True)),
    st.builds(
        lambda user, domain, tld, pad: (f"{pad}{user}@{domain}.{tld}{pad}", True),
        _word,
        _word,
        st.sampled_from(["fi", "com", "eu"]),
        st.sampled_from(["", " "]),
    ),
    # No "@" at all, or markup in the domain: never an address.
    any_text.filter(lambda text: text.strip() and "@" not in text).map(lambda text: (text, False)),
    st.builds(lambda user, junk: (f"{user}@lappi.fi<{junk}>", False), _word, any_text),
)


@st.composite
def submissions(draw, choices):
    """(POST pairs, whether the form accepts them, whether the honeypot is filled)."""
    topic = draw(
        st.one_of(st.just(""), st.sampled_from(choices), hostile).map(
            lambda value: (value, value == "" or value in choices)
        )
    )
    answers = {
        "aihe": topic,
        "viesti": draw(text_within(MULTI_LINE_MAX_LENGTH, required=True)),
        "nimi": draw(text_within(SINGLE_LINE_MAX_LENGTH, required=False)),
        "sahkoposti": draw(addresses),
    }
    pairs = []
    for name, (value, _valid) in answers.items():
        if draw(st.booleans()) and answers[name][1] and name != "viesti":
            continue  # an optional answer left out of the form entirely
        if draw(st.integers(0, 9)) == 0:
            pairs.append((name, draw(hostile)))  # repeated: the form reads the last one
        pairs.append((name, value))
    omitted = {name for name in FIELDS if name not in dict(pairs)}
    valid = all(ok for name, (_value, ok) in answers.items() if name not in omitted) and (
        "viesti" not in omitted
    )
    honeypot = draw(st.one_of(st.none(), st.just(""), hostile))
    if honeypot is not None:
        pairs.append((HONEYPOT_FIELD, honeypot))
    extra_names = st.text("abcdefghijklmnopqrstuvwxyz_-[]", min_size=1, max_size=10).filter(
        lambda name: name not in FIELDS and name not in (HONEYPOT_FIELD, "csrfmiddlewaretoken")
    )
    pairs += draw(st.lists(st.tuples(extra_names, hostile), max_size=3))
    return pairs, valid, bool(honeypot)


@examples(1.5)
@given(data=st.data())
def test_feedback_form_stores_exactly_the_valid_answers(forms, client, data):
    url = data.draw(st.sampled_from(sorted(forms)))
    pairs, valid, honeypot = data.draw(submissions(forms[url]))
    before = fingerprint()

    if data.draw(st.booleans()):
        response = client.post(url, pairs_as_multipart(pairs))
    else:
        body = urlencode(pairs)
        response = client.post(url, body, content_type="application/x-www-form-urlencoded")

    assert_served(response)
    assert response.status_code == 200
    template = response.templates[0].name
    stored = valid and not honeypot
    event("honeypot" if honeypot else "stored" if valid else "refused")
    if honeypot or valid:
        assert template == "feedback/feedback_form_page_landing.html"
    else:
        assert template == "feedback/feedback_form_page.html"
        assert response.context["form"].errors
    expected = {}
    if stored:
        count = before[SUBMISSIONS]
        expected[SUBMISSIONS] = (count, count + 1)
        written = f"{SUBMISSIONS}:written"
        if written in before:
            expected[written] = (before[written], before[written] + 1)
        if SQLITE_CHANGES in before:
            expected[SQLITE_CHANGES] = (before[SQLITE_CHANGES], before[SQLITE_CHANGES] + 1)
    assert changes(before, fingerprint()) == expected


def pairs_as_multipart(pairs):
    """{name: [values]}: the test client posts a list as the same field repeated."""
    data = {}
    for name, value in pairs:
        data.setdefault(name, []).append(value)
    return data
