"""Inputs a visitor, a script or an attacker might send: real values from the content mixed
with hostile ones."""

from urllib.parse import quote

from hypothesis import strategies as st

HOSTILE_FRAGMENTS = [
    "' OR 1=1 --",
    "'; DROP TABLE wagtailcore_page; --",
    '" onmouseover="alert(1)',
    "<script>alert(1)</script>",
    "</textarea><b>",
    "{{ request }}",
    "{% debug %}",
    "%s%s%n",
    "../../etc/passwd",
    "\x00",
    "\u202e",
    "\ufeff",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "ä" * 300,
    "NaN",
    "Infinity",
    "1e9999",
    "-0",
    "0x10",
    "²",
    "٣",
    "1,5",
    "null",
    "[]",
    "{}",
    "*",
    "&",
    "AND OR NOT",
    '"',
    "\\",
]

# Any text, control characters included (no lone surrogates: a URL or form cannot carry
# them as text; tests/property/test_raw_requests.py sends their bytes instead).
any_text = st.text(st.characters(codec="utf-8"), max_size=40)
numbers = st.one_of(
    st.integers(-(2**70), 2**70),
    st.sampled_from([0, -1, 2**31, 2**31 - 1, 2**63, 2**64, 10**30]),
).map(str)
long_values = st.builds(
    lambda char, size: char * size, st.sampled_from("x1ä€ %"), st.integers(256, 20000)
)
hostile = st.one_of(any_text, numbers, st.sampled_from(HOSTILE_FRAGMENTS), long_values)


def value_of(*valid):
    """A parameter's value: a real one (when there are any) or a hostile one."""
    choices = [st.sampled_from(values) for values in valid if values]
    return st.one_of(*choices, hostile) if choices else hostile


def query(params, unknown=True, max_size=6):
    """A query string as (name, value) pairs: each name from `params` ({name: value
    strategy}), names repeated, and unknown names too."""
    names = st.sampled_from(sorted(params))
    known = names.flatmap(lambda name: st.tuples(st.just(name), params[name]))
    pairs = [known]
    if unknown:
        pairs.append(
            st.tuples(st.one_of(any_text, st.sampled_from(["q[]", "page[]", "__proto__"])), hostile)
        )
    return st.lists(st.one_of(*pairs), max_size=max_size)


def page_numbers():
    return st.one_of(st.integers(-3, 30).map(str), numbers, hostile)


percent_escape = st.one_of(
    st.binary(min_size=1, max_size=6).map(lambda data: quote(data, safe="")),
    st.sampled_from(
        [
            "%ff",
            "%fe%ff",
            "%c3%28",
            "%ed%a0%80",
            "%00",
            "%",
            "%zz",
            "%%",
            "%2",
            "+",
            ";",
            "&&",
            "=",
            "===",
        ]
    ),
)
