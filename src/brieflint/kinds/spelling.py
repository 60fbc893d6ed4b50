"""spelling: misspelt words, quiet on names.

A word is checked against the lexicon (wordfreq, British and American spellings), the house
vocabulary and the document itself:

- a lower-case word the lexicon lacks is misspelt (unless the document uses it as a term,
  ``term_min_count`` times or more, and nothing in the lexicon is one edit from it); in text
  without OCR damage, a long one that no common word is near, spelt with the letter sequences of
  English words and not two words run together, is a coinage (see ``spelling.plausible``);
- a rare lower-case word one edit from a far more common one is a misspelling that made it into
  the word list (web text is full of them, so wordfreq lists some at low frequencies), unless it
  is the regular form of a known stem ('collusions');
- a short word that is uncommon (below ``junk_zipf``) yet one edit from one of the commonest
  words (``junk_target_zipf``: the, and, was, his ...) is OCR junk that a word list happens to
  hold ("tbe", "aud"): no brief uses such a word where the common one was meant;
- a capitalised word the lexicon lacks is a name when the document uses it ``name_min_count``
  times or more, or when no common word is one edit from it; otherwise it is misspelt;
- a short word in capitals is an acronym; a word of another script is the homoglyph rules' case;
- a word in the house ``reject.txt`` is always reported.

Suggestions are ranked by an OCR-weighted edit distance, frequency and use in the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from brieflint.context import Context
from brieflint.document import Document
from brieflint.findings import Severity
from brieflint.kinds import Hit, Kind, Options
from brieflint.spelling import (
    analysis,
    foreign,
    misspellings,
    morphology,
    plausible,
    suggest,
    variety,
)
from brieflint.spelling.suggest import Candidate

if TYPE_CHECKING:
    from brieflint.text.ngrams import NgramTable


class SpellingOptions(Options):
    min_length: int = Field(3, ge=1, description="Shorter words are not checked.")
    acronym_max_length: int = Field(8, ge=0, description="Words in capitals up to this long.")
    name_min_count: int = Field(2, ge=1, description="Uses that make a capitalised word a name.")
    term_min_count: int = Field(3, ge=1, description="Uses that make a lower-case word a term.")
    rare_zipf: float = Field(2.0, description="Known words rarer than this are checked for typos.")
    common_zipf: float = Field(3.0, description="A typo's correction is at least this common.")
    name_zipf: float = Field(3.5, description="Correction frequency that overrules a name.")
    name_max_cost: float = Field(
        0.75,
        description="Inside a sentence, a capitalised unknown word is taken for a misspelling "
        "only when an edit this cheap (an OCR confusion) explains it; otherwise it is a name.",
    )
    word_zipf: float = Field(
        4.5,
        description="Inside a sentence, a capitalised unknown word of ``word_min_length`` "
        "letters or more one plain edit from a word this common is misspelt, not a name.",
    )
    word_min_length: int = Field(7, ge=1, description="See ``word_zipf``.")
    gap_zipf: float = Field(1.8, description="How much more common a typo's correction is.")
    junk_zipf: float = Field(
        3.0, description="A short word rarer than this, one edit from a very common word, is junk."
    )
    junk_target_zipf: float = Field(6.0, description="What 'a very common word' means (Zipf).")
    junk_max_length: int = Field(5, ge=0, description="Longer words are never taken for junk.")
    noisy_share: float = Field(
        0.01,
        description="Share of a document's words that are distinct misreadings (lower-case "
        "unknown words one edit from a known word, or two words run together; each form counted "
        "once) from which it is taken for damaged text (OCR): there, a capitalised unknown word "
        "used once is a misreading too, as it mostly is, and a lower-case one is never taken "
        "for a coinage.",
    )
    noisy_min_uses: int = Field(
        3,
        ge=1,
        description="Distinct misreadings a document needs at least to be taken for damaged text.",
    )
    max_suggestions: int = Field(3, ge=0, description="Most suggestions shown per word.")
    coinage_min_length: int = Field(
        5,
        ge=1,
        description="In text without OCR damage, a lower-case unknown word this long or longer "
        "that no common word is near, spelt with English letter sequences and not two words run "
        "together, is taken for a term or a rare word.",
    )
    skip_name_variants: bool = Field(
        True, description="Leave misread names to spelling.name-variant (one finding, not two)."
    )


def check(doc: Document, options: SpellingOptions, ctx: Context) -> Iterator[Hit]:
    words = analysis.words_of(doc)
    variants = analysis.variants(doc, ctx) if options.skip_name_variants else {}
    judge = _Judge(words, variants, ctx, options)
    verdicts: dict[tuple[str, bool], tuple[str, tuple[str, ...]] | None] = {}
    openers = words.openers
    lower = [(f, n) for f, n in words.counts.items() if f[:1].islower()]
    other = [(f, n) for f, n in words.counts.items() if not f[:1].islower()]
    for i, (form, n) in enumerate(lower + other):  # each form once, twice if it opens a sentence
        if i == len(lower):  # lower-case words judged: how damaged is the text?
            share = options.noisy_share * max(len(words.spans), 1)
            judge.noisy = judge.misread_forms >= max(share, options.noisy_min_uses)
        opens = openers.get(form, 0)
        if opens:
            verdicts[form, True] = judge.verdict(form, True)
        if n > opens:
            verdicts[form, False] = judge.verdict(form, False)
    if not judge.noisy:  # clean text: a coined-looking word is a term, not a misspelling
        for form in judge.coinages:
            verdicts[form, True] = verdicts[form, False] = None
    bad = {form for (form, _), verdict in verdicts.items() if verdict is not None}
    tables = _Tables(doc)
    for token in words.tokens_of(bad):
        verdict = verdicts[token.text, token.sentence_start]
        if verdict is None or _half_of_a_split_word(doc, token.start, token.end, ctx):
            continue
        if not judge.noisy and (
            _identifier(doc.text, token) or _cited_name(doc, token, ctx) or _listed(doc.text, token)
        ):
            continue
        if (
            not judge.noisy
            and token.text[:1].islower()
            and foreign.quoted(doc, token.start, token.text, ctx.lexicon)
        ):
            continue
        if tables.in_table(token.start):
            continue
        tentative = not judge.noisy and token.text in judge.tentative
        if tentative and token.sentence_start and _before_a_name(doc, token):
            continue  # 'Brill Press', at a sentence start: a name, though the lexicon lists it
        reason, suggestions = verdict
        hint = f": did you mean '{suggestions[0]}'?" if suggestions else ""
        params = {"word": token.text, "reason": reason, "hint": hint}
        yield Hit(token.start, token.end, params, suggestions, severity=INFO if tentative else None)


INFO = Severity.INFO


class _Tables:
    """Which paragraphs are tables of figures (more numbers than words: 'umcp 0.57 0.11 0.32'),
    where a word is a label or an identifier, not prose to spell-check; judged on demand."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.starts = [p.start for p in doc.paragraphs]
        self.verdicts: dict[int, bool] = {}

    def in_table(self, offset: int) -> bool:
        import bisect

        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return False
        found = self.verdicts.get(i)
        if found is None:
            text = self.doc.paragraphs[i].text
            numbers = len(_NUMBER.findall(text))
            found = self.verdicts[i] = numbers >= 4 and numbers > len(_LETTERS.findall(text))
        return found


_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?%?(?![\w.])")
_LETTERS = re.compile(r"[^\W\d_]{2,}")


def _half_of_a_split_word(doc: Document, start: int, end: int, ctx: Context) -> bool:
    """The word and its neighbour across one space make a common word ("evapo ration"): that is
    ocr.split-word's finding, and a spelling suggestion for the half would only mislead."""
    words = doc.words_in(max(0, start - 64), min(len(doc.text), end + 64))
    for i, w in enumerate(words):
        if w.start != start:
            continue
        pairs = []
        if i > 0 and doc.text[words[i - 1].end : start] == " ":
            pairs.append(words[i - 1].text + w.text)
        if i + 1 < len(words) and doc.text[end : words[i + 1].start] == " ":
            pairs.append(w.text + words[i + 1].text)
        return any(ctx.lexicon.zipf(joined) >= 3.0 for joined in pairs)
    return False


def _load_pairs() -> NgramTable | None:
    from brieflint.text.ngrams import load_table

    return load_table()


def _before_a_name(doc: Document, token: analysis.Token) -> bool:
    """A capitalised word followed, after one space, by another in the same sentence: the first
    word of a name of several ('Ablin Publishing', 'Vanko Tresh')."""
    if not token.text[:1].isupper() or token.text.isupper():
        return False
    after = doc.words_in(token.end, min(len(doc.text), token.end + 48))
    if not after or doc.text[token.end : after[0].start] != " ":
        return False
    nxt = after[0].text
    return nxt[:1].isupper() and not nxt.isupper()


def _listed(text: str, token: analysis.Token) -> bool:
    """One of forms listed with slashes ('-ka/-kkul/-ssik', 'src/app/main'): glosses, variants
    or a path, notation rather than prose (two slashes or more in the run without spaces)."""
    start, end = token.start, token.end
    while start > 0 and not text[start - 1].isspace() and token.start - start < 64:
        start -= 1
    while end < len(text) and not text[end].isspace() and end - token.end < 64:
        end += 1
    return text.count("/", start, end) >= 2


def _identifier(text: str, token: analysis.Token) -> bool:
    """A name of code: joined to another by an underscore ('max_iter') or called ('tokenize(x)');
    prose never writes a word so (outside damaged text, where any character turns up)."""
    before = text[token.start - 1 : token.start] if token.start else ""
    after = text[token.end : token.end + 1]
    return before == "_" or after in ("_", "(")


def _cited_name(doc: Document, token: analysis.Token, ctx: Context) -> bool:
    """A capitalised word the lexicon lacks, beside an initial ("Zwicky, A. (1977)", "G. Hoek and
    ...", "Hoek, Jan C."): an author's name in a citation, which no common word one edit away
    makes a misspelling (outside damaged text, where names are misread too)."""
    word = token.text
    if not word[:1].isupper() or word.isupper():
        return False
    text = doc.text
    words = doc.words_in(max(0, token.start - 48), min(len(text), token.end + 48))
    at = next((i for i, w in enumerate(words) if w.start == token.start), None)
    if at is None:
        return False
    near = words[max(0, at - 2) : at] + words[at + 1 : at + 4]
    return any(
        len(w.text) == 1 and w.text.isupper() and text[w.end : w.end + 1] == "." for w in near
    )


class _Judge:
    """Verdicts on the words of one document (what they share is prepared once)."""

    def __init__(
        self,
        words: analysis.Words,
        variants: dict[str, analysis.Variant],
        ctx: Context,
        options: SpellingOptions,
    ) -> None:
        self.words = words
        self.variants = variants
        self.ctx = ctx
        self.options = options
        self.document = {w: n for w, n in words.counts.items() if n >= 2}
        self.vocabulary = [w for w in ctx.vocabulary.accept if " " not in w]
        self._names: dict[bool, suggest.Names] = {}
        # lower-case unknown words one edit off, or joined: each form once, since a form used
        # again and again is a term more likely than damage
        self.misread_forms = 0
        self.noisy = False  # the document is damaged text (set once lower-case words are judged)
        # lower-case words that look coined (``_judge_unmatched``): words, unless text is damaged
        self.coinages: set[str] = set()
        # words of the lexicon and words no common word is within two edits of: misspelt, but
        # less surely so, they are reported as info in text without OCR damage
        self.tentative: set[str] = set()

    def _judge_unmatched(self, word: str) -> None:
        """A lower-case unknown word that no common word is near: two words run together (a
        sign of damaged text, like a misreading), or, spelt as English spells and long enough,
        a coinage (a term or a rare word; see ``spelling.plausible``), or neither."""
        lexicon = self.ctx.lexicon
        pairs = lexicon.derived("ngrams.table", _load_pairs)
        used = self.words.count
        if plausible.run_together(word, pairs, lexicon, lambda w: used(w) > 0):
            self.misread_forms += 1
            if plausible.compound_like(word, pairs, lexicon):
                self.tentative.add(word)  # a closed compound as likely as a lost space
            else:
                self.tentative.discard(word)  # a space lost is as sure an error as a misspelling
        elif len(word) >= self.options.coinage_min_length and plausible.english_spelling(
            word, lexicon
        ):
            self.coinages.add(word)

    def candidates(self, word: str, with_document: bool) -> list[Candidate]:
        """Corrections from the lexicon and the house vocabulary (and the document's words)."""
        names = self._names.get(with_document)
        if names is None:
            document = self.document if with_document else {}
            names = self._names[with_document] = suggest.Names(document, self.vocabulary)
        return names.candidates(word, self.ctx.lexicon)

    def verdict(self, word: str, sentence_start: bool) -> tuple[str, tuple[str, ...]] | None:
        """None for a good word; else (why, suggestions)."""
        options, ctx = self.options, self.ctx
        lexicon = ctx.lexicon
        if lexicon.rejected(word):
            return "not accepted by the house vocabulary", ()
        zipf = lexicon.zipf(word)
        frequent = zipf > 0 and zipf >= options.rare_zipf and not self._maybe_junk(word, zipf)
        if frequent and (word.islower() or not self._misread_once(word)):
            return None  # a common word (the usual case: every test below would pass it)
        if len(word) < options.min_length:
            return None
        if word in self.variants:  # spelling.name-variant's finding, but damage all the same
            if word[:1].islower():
                self.misread_forms += 1
            return None
        if ctx.vocabulary.accepts(word) or suggest.has_foreign_letters(word):
            return None
        if word.isupper() and len(word) <= options.acronym_max_length:
            return None
        if _acronym_plural(word, options.acronym_max_length):
            return None
        lower = word[:1].islower()
        if zipf > 0 and not (not lower and self._misread_once(word)):
            if not (lower or sentence_start):
                return None
            if zipf >= options.rare_zipf:
                junk = [c for c in self.candidates(word, False) if self._junk_of(c, zipf)]
                if not junk:
                    return None
                self.tentative.add(word)
                return "is most likely a misreading", _top(junk, options, ctx)
            floor = max(options.common_zipf, zipf + options.gap_zipf)
            found = self.candidates(word, False)
            better = [c for c in found if c.zipf >= floor and c.cost <= 1.0]
            if not better:
                return None
            common = misspellings.common(lexicon)
            regular = morphology.is_regular_form(word.lower(), lexicon.zipf, misspelt=common)
            if regular or self.words.count(word) >= options.term_min_count:
                self.coinages.add(word)  # a regular form, or a term: a word unless text is damaged
            self.tentative.add(word)
            return "is a rare misspelling", _top(better, options, ctx)
        if lower:
            common = misspellings.common(lexicon)
            if morphology.is_derived(word.lower(), lexicon.zipf, misspelt=common):
                return None  # a word made from known words ('unaccented', 'subtasks')
            found = self.candidates(word, True)
            uses = self.words.count(word)
            if uses >= options.term_min_count and not _confident(found, options, 3.0):
                return None  # a term the document uses consistently
            if uses >= options.term_min_count and not _confident(found, options, TYPO_ZIPF):
                # a term even near a word, unless the text is damaged; but one edit from a
                # word as common as 'government' it is a typo typed again ('governmnet' twice)
                self.coinages.add(word)
            regular = morphology.is_regular_form(word.lower(), lexicon.zipf, misspelt=common)
            # one plain edit from a common word it is a typo, not a form ('favring', 'favoring')
            regular = regular and not _confident(found, options, options.common_zipf)
            if regular:  # 'provokers': a coinage in clean text, where OCR would not make it
                self.coinages.add(word)
            elif found:
                self.misread_forms += 1
            if not found:
                found = suggest.far_candidates(word, lexicon, options.max_suggestions)
                if not found:  # nothing common within two edits: a misspelling less surely
                    self.tentative.add(word)
                if not found and not regular:
                    self._judge_unmatched(word)
            return "is not a known word", _top(found, options, ctx)
        if self.words.count(word) >= options.name_min_count:
            return None  # a name the document uses consistently
        found = self.candidates(word, True)
        once = self.noisy and self.words.count(word) == 1
        once = once and (word[1:].islower() or _odd_case(word))
        # in clean text, capitals are misread when an OCR confusion or a very common word
        # explains them ('HEtel'); others are identifiers ('RAdj')
        misread = _misread_capitals(word) and (
            self.noisy
            or _confident(found, options, options.common_zipf, options.name_max_cost)
            or _confident(found, options, options.word_zipf)
        )
        if misread or once:
            if not found and self.noisy:
                found = suggest.far_candidates(word, lexicon, options.max_suggestions)
            return "is not a known word", _top(found, options, ctx)
        floor = options.common_zipf if sentence_start else options.name_zipf
        max_cost = 1.0 if sentence_start else options.name_max_cost
        if not _confident(found, options, floor, max_cost) and not self._misspelt_word(word, found):
            return None  # most likely a name
        return "is not a known word", _top(found, options, ctx)

    def _misspelt_word(self, word: str, found: list[Candidate]) -> bool:
        """A long capitalised word one plain edit from a word far commoner than names are
        ('Departmant'): a misspelt word, not a name."""
        if len(word) < self.options.word_min_length or not word[1:].islower():
            return False
        return any(c.cost <= 1.0 and c.zipf >= self.options.word_zipf for c in found)

    def _misread_once(self, word: str) -> bool:
        """In damaged text, a capitalised word of the lexicon used once is judged as one it
        lacks when it is written in an odd mix of cases ('LonDon', 'HoMe')."""
        if not self.noisy or self.words.count(word) != 1:
            return False
        return _odd_case(word)

    def _maybe_junk(self, word: str, zipf: float) -> bool:
        options = self.options
        return zipf < options.junk_zipf and len(word) <= options.junk_max_length

    def _junk_of(self, c: Candidate, zipf: float) -> bool:
        """``c`` is one of the commonest words, one edit away: the word is junk read for it."""
        return c.cost <= 1.0 and c.zipf >= self.options.junk_target_zipf and zipf < c.zipf - 3.0


def _odd_case(word: str) -> bool:
    """Capitals where no English word, name or acronym has them ('LonDon', 'HoMe', 'BristoL',
    'WHitby'): not lower case, capitalised, in capitals, an acronym's plural or a name of the
    'McKay', "O'Neill", 'DiMaggio' kind."""
    letters = "".join(ch for ch in word if ch.isalpha())
    if not letters or letters.islower() or letters.isupper():
        return False
    if letters[0].isupper() and letters[1:].islower():
        return False
    return not (_acronym_plural(word, 8) or _NAME_CASE.fullmatch(word))


_NAME_CASE = re.compile(r"(?:Mc|Mac|O['’]|D['’]|Di|De|Du|La|Le|Van|Von)[A-Z][a-z]+")


def _acronym_plural(word: str, max_length: int) -> bool:
    """An acronym's plural ('NGOs', 'LLMs'): two capitals or more and a lower-case s."""
    stem = word[:-1]
    return word.endswith("s") and 2 <= len(stem) <= max_length and stem.isupper()


def _misread_capitals(word: str) -> bool:
    """Two or more capitals and then lower-case letters ('TIheatres', 'HEtel'): no name or
    acronym is written so (a plural acronym ends in one letter: 'NGOs'). Identifiers of
    technical text are ('HLsyn', 'RAdj'), so outside damaged text the caller also wants a common
    word one edit off."""
    upper = len(word) - len(word.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    rest = word[upper:]
    return upper >= 2 and len(rest) >= 2 and rest.isalpha() and rest.islower()


# a word the document repeats one edit from a word this common (Zipf) is a typo, not a term
TYPO_ZIPF = 4.5


def _confident(
    found: list[Candidate], options: SpellingOptions, floor: float, max_cost: float = 1.0
) -> bool:
    return any(
        c.cost <= max_cost and (c.zipf >= floor or c.in_document >= 3 or c.in_vocabulary)
        for c in found
    )


def _top(found: list[Candidate], options: SpellingOptions, ctx: Context) -> tuple[str, ...]:
    """The best suggestions, spelt in the configured variety of English; never a common
    misspelling that the word lists hold ('goverment')."""
    seen: list[str] = []
    misspelt = misspellings.common(ctx.lexicon)
    for c in found:
        word = variety.in_variety(c.word, ctx.lexicon)
        if word not in seen and word.lower() not in misspelt:
            seen.append(word)
    return tuple(seen[: options.max_suggestions])


KIND = Kind(
    "spelling",
    SpellingOptions,
    check,
    "Misspelt words (lexicon, house vocabulary and the document's own names).",
    backend="spelling",
    whole_document=True,
)
