"""Build ``src/brieflint/spelling/data/misspellings.txt`` from codespell's dictionary.

    pip install codespell wordfreq
    python tools/misspellings/build.py

codespell's ``dictionary.txt`` is a maintained list of common English misspellings, derived from
English Wikipedia's "Lists of common misspellings" (CC BY-SA 3.0; see the data folder's
``NOTICE``). brieflint needs only the entries a frequency word list cannot see: misspellings
common enough on the web that wordfreq lists them (``teh``, ``thier``, ``becuase``). A misspelling
wordfreq lacks is reported by spelling.unknown-word already. Entries are kept when:

- the misspelling is one lower-case word (no hyphen: hyphenation is a matter of style);
- wordfreq lists it, below Zipf 4 and at least 1.5 below its commonest correction (a "typo" as
  common as its correction is most likely a word of its own);
- it is not a British spelling (codespell's ``dictionary_en-GB_to_en-US.txt``).
"""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parents[1] / "src" / "brieflint" / "spelling" / "data" / "misspellings.txt"
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
MAX_ZIPF = 4.0
MIN_GAP = 1.5


def entries(folder: Path) -> list[tuple[str, list[str]]]:
    from wordfreq import zipf_frequency

    def zipf(word: str) -> float:
        return float(zipf_frequency(word, "en", wordlist="large"))

    british = {line.split("->", 1)[0] for line in _lines(folder / "dictionary_en-GB_to_en-US.txt")}
    kept = []
    for line in _lines(folder / "dictionary.txt"):
        wrong, rights = line.split("->", 1)
        fixes = [r.strip() for r in rights.split(",") if r.strip()]
        if not WORD.fullmatch(wrong) or len(wrong) < 3 or wrong in british or not fixes:
            continue
        z = zipf(wrong)
        if z == 0 or z >= MAX_ZIPF or z > max(map(zipf, fixes)) - MIN_GAP:
            continue
        kept.append((wrong, fixes))
    return kept


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if "->" in line]


def main() -> None:
    import codespell_lib

    folder = Path(codespell_lib.__file__).resolve().parent / "data"
    version = getattr(codespell_lib, "__version__", "unknown")
    head = [
        "# Common English misspellings that wordfreq lists (see tools/misspellings/build.py).",
        f"# From codespell {version}, codespell_lib/data/dictionary.txt, a derivative of English",
        "# Wikipedia's 'Lists of common misspellings'; CC BY-SA 3.0 (see NOTICE in this folder).",
        "# wrong->right[, other right ...]",
    ]
    body = [f"{wrong}->{', '.join(fixes)}" for wrong, fixes in entries(folder)]
    OUT.write_text("\n".join(head + body) + "\n", encoding="utf-8")
    print(f"{len(body)} entries written to {OUT}")


if __name__ == "__main__":
    main()
