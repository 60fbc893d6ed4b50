"""The shared tokenisation's shortcuts give what the straightforward computation gives.

Words, sentences and the rest are built with the standard library's ``re`` where it scans
faster than ``regex``, and without a Python step per token; each shortcut is held here to the
plain computation with the ``regex`` patterns, on texts made of the characters at their edges.
"""

from __future__ import annotations

import itertools

import regex
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from brieflint.document import Document
from brieflint.kinds import (
    name_consistency,
    ocr_invisible_char,
    ocr_lowercase_start,
    ocr_split_word,
)
from brieflint.text import confusables, names, tokens

# Letters and marks beyond ASCII, apostrophes, spaces of every kind, sentence ends, controls.
PIECES = st.sampled_from(
    [
        *"ab AB \t\n\r.,;:!?-'’\"”)]…_1\x0b\x0c\x1c\x1d\x85\xa0\u2028\u3000",
        *["e\u0301", "İ", "ſ", "\u212a", "ß", "ǅ", "ş", "ă", "Ω", "д", "ª", "²", "Ⅻ", "\u0903"],
        *["i.e.", "e.g. ", "Dr. ", "U.S. ", "A. B. ", "etc.", "No. ", " x.", "...", "?!"],
        *["\n\n", "\n \n", "\r\n\r\n", "’s", "o'clock", "mid-’90s", "\ufeff", "\ud800"],
        *["-", "‐", "Nagorno-Karabakh", "Nagorno Karabakh", "Çelik-Éa", "x-Ab", "A-b", "ÇELIK"],
        *["\xad", "\u200b", "\x00", "\x7f", "\ufffd", "\ue000", "р", "о", "ա", "\u3000", "ﬁ"],
    ]
)
TEXTS = st.lists(PIECES, max_size=60).map("".join)


def test_the_ascii_letters_are_the_ascii_letters_and_marks() -> None:
    """``word_parts`` writes the ASCII part of ``[\\p{L}\\p{M}]`` as ``[A-Za-z]``."""
    found = "".join(c for c in map(chr, range(128)) if regex.match(r"[\p{L}\p{M}]", c))
    assert found == "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


@settings(max_examples=500, deadline=None)
@given(st.one_of(TEXTS, st.text(max_size=80)))
def test_word_parts_cut_as_the_word_pattern_splits(text: str) -> None:
    assert tokens.word_parts(text) == regex.split(f"({tokens.WORD.pattern})", text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(TEXTS, st.text(max_size=80)))
def test_document_words_and_their_texts(text: str) -> None:
    doc = Document.parse("d.txt", text)
    expected = [(m.start(), m.end(), m.group()) for m in tokens.WORD.finditer(doc.prose)]
    assert [tuple(w) for w in doc.words] == expected
    assert all(type(w) is tokens.Span for w in doc.words)
    assert doc.word_texts == [w.text for w in doc.words]


def _candidates_by_shifts(fragments: list[bool], likely: list[bool], max_parts: int) -> list[int]:
    """The straightforward candidates of ocr-split-word: or-ing the shifted flag lists."""
    last = len(fragments) - 1
    if max_parts < 2 or last < 1:
        return []
    near = [likely[i] or any(fragments[i : i + max_parts]) for i in range(last)]
    return [i for i in range(last) if near[i]]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.booleans()), max_size=40), st.integers(0, 6))
def test_split_word_candidates(flags: list[tuple[bool, bool]], max_parts: int) -> None:
    fragments = [f for f, _ in flags]
    likely = [x for _, x in flags][:-1]  # one flag per adjacent pair
    expected = _candidates_by_shifts(fragments, likely, max_parts)
    assert ocr_split_word._candidates(fragments, likely, max_parts) == expected


def _plain(char: str) -> bool:
    return char in "\t\n\r" or " " <= char <= "~"


@settings(max_examples=300, deadline=None)
@given(st.one_of(TEXTS, st.text(max_size=80)))
def test_unusual_chars(text: str) -> None:
    assert tokens.unusual_chars(text) == {c for c in text if not _plain(c)}


# Patterns that the rules skip when no character of ``doc.unusual_chars`` can start them.
SKIPPED = [ocr_invisible_char._PATTERN, confusables.LOOKALIKE_SCRIPT]


def test_skipped_patterns_never_start_at_a_plain_character() -> None:
    for char in filter(_plain, map(chr, range(128))):
        assert not any(p.match(char) for p in SKIPPED), repr(char)


@settings(max_examples=300, deadline=None)
@given(st.one_of(TEXTS, st.text(max_size=80)))
def test_unusual_chars_tell_where_the_skipped_patterns_match(text: str) -> None:
    doc = Document.parse("d.txt", text)
    for pattern in SKIPPED:
        found = pattern.search(doc.prose) is not None
        assert found == any(map(pattern.match, doc.unusual_chars))


@settings(max_examples=300, deadline=None)
@given(st.one_of(TEXTS, st.text(max_size=80)))
def test_name_consistency_folds_and_hyphen_gate(text: str) -> None:
    forms = list(dict.fromkeys(tokens.word_parts(text)[1::2]))
    assert name_consistency._folds(forms) == {f: names.fold(f) for f in forms}
    if name_consistency._COMPOUND.search(text) is not None:
        assert name_consistency._hyphen_before_capital(text)


def _collect_every_word(doc: Document, min_length: int) -> dict[str, dict[str, list[object]]]:
    """name-consistency's groups the straightforward way: every word, every key, every place."""
    nc = name_consistency
    shouting = names.shouting_lines(doc)
    groups, compounds = nc._compounds(doc.prose, shouting)
    left_out = names.union(shouting, names.capital_runs(doc))  # and names set in capitals
    words = [w for w in doc.words if not names.inside(left_out, w.start)]
    runs = nc._runs(doc.prose, words, compounds) if compounds else {}
    folds = {w.text: names.fold(w.text) for w in words if len(w.text) >= min_length}
    forms: dict[str, dict[str, None]] = {key: dict.fromkeys(g.forms) for key, g in groups.items()}
    for form, key in folds.items():
        forms.setdefault(key, {})[form] = None
    for added in runs.values():
        for key, form, _, _ in added:
            forms[key][form] = None
    wanted = {key: groups.get(key) or nc._Group() for key, fs in forms.items() if nc._differ([*fs])}
    for i, w in enumerate(words):
        if w.text in folds and folds[w.text] in wanted:
            wanted[folds[w.text]].add(w.text, w.start, w.end)
        for key, form, start, end in runs.get(i, ()):
            if key in wanted:
                wanted[key].add(form, start, end)
    return {key: dict(g.forms) for key, g in wanted.items()}


NAMES = st.sampled_from(
    [
        *["Çelik", "Celik", "celik", "CELIK", "Nagorno-Karabakh", "Nagorno Karabakh", "Nato"],
        *["NATO", "nato", "Türkiye", "Turkiye", "The", "the", " ", " ", "\n", "\n\n", ". ", "-"],
        *["NagornoKarabakh", "Nagorno‐Karabakh", "Karabakh"],
        *["NAGORNO KARABAKH\n", "İsmail", "Ismail", "Bosnia-Herzegovina", "Bosnia\nHerzegovina"],
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(NAMES, max_size=30).map("".join), st.integers(2, 5))
def test_name_consistency_groups(text: str, min_length: int) -> None:
    doc = Document.parse("d.txt", text)
    options = name_consistency.NameConsistencyOptions(min_length=min_length)
    found = {key: dict(g.forms) for key, g in name_consistency._collect(doc, options).items()}
    expected = _collect_every_word(doc, min_length)
    assert found == expected
    assert list(found) == list(expected)


@settings(max_examples=300, deadline=None)
@given(st.one_of(TEXTS, st.text(max_size=80)), st.sampled_from(['()[]“”"', "^~¬\\{}_|", "a.", ""]))
def test_char_offsets(text: str, chars: str) -> None:
    assert tokens.char_offsets(text, chars) == [i for i, c in enumerate(text) if c in chars]


@settings(max_examples=500, deadline=None)
@given(st.one_of(TEXTS, st.text(max_size=80), st.text("\r\n \t\f\va", max_size=30)))
def test_blank_lines(text: str) -> None:
    expected = [m.span() for m in tokens._BLANK_LINES.finditer(text)]
    assert list(tokens._blank_lines(text)) == expected


def _sentences_by_scanning(paragraph: tokens.Paragraph) -> list[tokens.Span]:
    """Sentences the straightforward way: every sentence end the pattern finds in the text."""
    text, found, start = paragraph.text, [], 0
    for m in tokens._SENTENCE_END.finditer(text):
        if m.group().startswith(".") and tokens._is_abbreviation(text, m.start()):
            continue
        found.append((start, m.end()))
        start = m.end()
    found.append((start, len(text)))
    spans = []
    for a, b in found:
        piece = text[a:b]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            first = paragraph.start + a + lead
            spans.append(tokens.Span(first, first + len(piece.strip()), piece.strip()))
    return spans


@settings(max_examples=500, deadline=None)
@given(st.one_of(TEXTS, st.text(max_size=80)), st.booleans())
def test_sentences(text: str, markdown: bool) -> None:
    doc = Document.parse("d.md" if markdown else "d.txt", text)
    expected = [s for p in doc.paragraphs for s in _sentences_by_scanning(p)]
    assert doc.sentences == expected
    assert [s for p in doc.paragraphs for s in tokens.sentences(p)] == expected


def test_no_lower_case_word_starts_with_an_ascii_capital() -> None:
    """ocr-lowercase-start passes over sentences starting A-Z without trying its pattern."""
    assert not any(ocr_lowercase_start._FIRST_WORD.match(c) for c in map(chr, range(65, 91)))


@settings(max_examples=20, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=30).map("".join), st.integers(0, 40))
def test_a_long_text_is_cut_into_words_a_piece_at_a_time(piece: str, spaces: int) -> None:
    """Past ``2 * _CHUNK`` characters the prose is cut in pieces, each ending before a space:
    the words, their offsets and the gaps between them are the whole text's."""
    unit = piece + " " * (spaces % 3) + "\n" * (spaces % 2)
    text = unit * (2 * tokens._CHUNK // max(1, len(unit)) + 3)
    assume(len(text) > 2 * tokens._CHUNK)
    doc = Document.parse("d.txt", text)
    found = [(m.start(), m.end(), m.group()) for m in tokens.WORD.finditer(doc.prose)]
    assert [tuple(w) for w in doc.words] == found
    between = [doc.prose[a[1] : b[0]] for a, b in itertools.pairwise(found)]
    assert list(doc.word_gaps) == between and len(doc.word_gaps) == len(between)
    if between:
        assert doc.word_gaps[-1] == between[-1] and doc.word_gaps[0] == between[0]


def test_paragraphs_sentences_and_gaps_read_as_lists() -> None:
    text = "First one. Second one here.\n\nA paragraph, then?  Yes!\n\n\nLast."
    doc = Document.parse("d.txt", text)
    paragraphs = tokens.paragraphs(doc.prose)
    assert doc.paragraphs == paragraphs and list(doc.paragraphs) == paragraphs
    assert doc.paragraphs[1:] == paragraphs[1:] and doc.paragraphs[-1] == paragraphs[-1]
    sentences = tokens.all_sentences(doc.prose, paragraphs)
    assert doc.sentences == sentences and doc.sentences[::2] == sentences[::2]
    assert [s.text for s in doc.sentences] == [doc.prose[s.start : s.end] for s in sentences]
    gaps = [doc.prose[a.end : b.start] for a, b in itertools.pairwise(doc.words)]
    assert doc.word_gaps == gaps and doc.word_gaps[1:3] == gaps[1:3]
    empty = Document.parse("e.txt", "")
    assert len(empty.paragraphs) == len(empty.sentences) == len(empty.word_gaps) == 0
