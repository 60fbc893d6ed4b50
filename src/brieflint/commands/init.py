"""``brieflint init``: a commented config, a pre-commit snippet and, optionally, a house style."""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlparse

import regex
import typer

from brieflint.atomic import write_text
from brieflint.errors import BrieflintError

HELP = """Start using brieflint in a folder of drafts.

Writes a commented brieflint.yaml and a .pre-commit-config.yaml (or, when that file exists,
prints the lines to add to it). The hook installs brieflint from the git clone or URL this
brieflint was installed from, at its commit, when that can be told; otherwise the file holds
placeholders to replace. With --style NAME, also creates a house style in styles/NAME/ that
extends the generic 'brief' style: style.yaml, vocabularies (the house's name already accepted)
and an example house rule; the config uses the style and leaves its folder out of the drafts,
so `brieflint check .` is clean at once. Existing files are never overwritten without --force.

Example:  brieflint init --style mythinktank
"""

_NAME = regex.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
REPO_PLACEHOLDER = "<your-git-url-of-brieflint>"
REV_PLACEHOLDER = "<a-tag-or-commit-of-it>"


def installed_from() -> tuple[str, str] | None:
    """(git URL or clone folder, commit) this brieflint was installed from, when pip recorded one.

    pip records the source of a direct install in ``direct_url.json`` (PEP 610): a ``git+URL``
    install names its commit; a clone installed with ``pip install .`` or ``-e .`` names the
    folder, whose HEAD is the commit. A release from an index records neither: None.
    """
    try:
        raw = metadata.distribution("brieflint").read_text("direct_url.json")
        info = json.loads(raw) if raw else None
    except (metadata.PackageNotFoundError, ValueError, OSError):
        return None
    if not isinstance(info, dict) or not isinstance(info.get("url"), str):
        return None
    url: str = info["url"]
    vcs = info.get("vcs_info")
    if isinstance(vcs, dict):
        commit = vcs.get("commit_id")
        if vcs.get("vcs") == "git" and isinstance(commit, str) and commit:
            return url, commit
        return None
    parsed = urlparse(url)
    if parsed.scheme != "file" or not isinstance(info.get("dir_info"), dict):
        return None
    return _clone_head(Path(unquote(parsed.path)))


def _clone_head(folder: Path) -> tuple[str, str] | None:
    from brieflint.gitrepo import GitRepo

    try:
        repo = GitRepo.discover(folder)
        if repo.root != folder.resolve() or not repo.has_commits():
            return None
        return str(repo.root), repo.resolve("HEAD")
    except BrieflintError:
        return None


def config_text(style_ref: str, exclude: list[str]) -> str:
    return f"""\
# brieflint configuration. Every key is optional; the values shown are the defaults
# unless said otherwise. `brieflint rules` lists every rule with its id.

# House style: a built-in name (brief, secureblacksea) or a folder with a style.yaml.
style: {style_ref}

# Language of the drafts (default: the style's language).
# language: en-GB

# Which files `brieflint check` reads when given a folder.
include: ["*.md", "*.markdown", "*.txt"]
exclude: {json.dumps(exclude)}

# Exit with 1 when a finding is at least this serious: error | warning | info | never.
fail_on: error

# Run only some rules, or skip some (rule ids or prefixes such as "ocr").
# select: [house, prose]
# ignore: [prose.exclamation]

# Change a rule: off, a severity, or options.
rules: {{}}
#   prose.exclamation: off
#   house.acronym-undefined: warning
#   house.acronym-undefined:
#     options: {{report: undefined, known: [NATO, EU, UN, OSCE]}}

# Skip rules for some files, or change them per glob.
# per_file_ignores:
#   "archive/*.txt": [ocr]
# overrides:
#   - files: ["drafts/*.md"]
#     rules: {{prose.placeholder: warning}}

# More accepted words (one a line), and values for {{placeholders}} in required texts.
# vocab: [names.txt]
# variables:
#   project: My Project

# LanguageTool grammar checks: off | optional | required.
# languagetool:
#   mode: off

# Offline grammar checks by Harper (pip install harper-py): off | optional | required.
# harper:
#   mode: off

# Where the findings of unchanged drafts (and LanguageTool's answers) are kept, relative to
# this file; it holds its own .gitignore. `brieflint check --no-cache` neither reads nor writes it.
# cache_dir: .brieflint-cache
"""


def pre_commit_text(source: tuple[str, str] | None, style_folder: str | None = None) -> str:
    """The hooks, installed from ``source`` (repo, rev), else from placeholders to replace."""
    if source is None:
        where = (
            "# Replace the two placeholders: where your copy of brieflint lives (a URL git can\n"
            "# clone, or a local path to the clone) and a tag or commit of it.\n"
        )
        repo, rev = REPO_PLACEHOLDER, REV_PLACEHOLDER
    else:
        where = "# brieflint as installed here: its clone (or git URL) and commit.\n"
        repo, rev = source
    skip = f"# The house style's own files are not drafts.\nexclude: ^{style_folder}/\n"
    return f"""\
{where}{skip if style_folder else ""}repos:
  - repo: {repo}
    rev: {rev}
    hooks:
      - id: brieflint-fix    # safe fixes first; the commit stops when it changed something
      - id: brieflint        # then lint what is left
"""


def style_text(name: str) -> str:
    return f"""\
# House style "{name}": everything of the generic policy-brief style, plus what this house adds.
# See docs/house-style.md. Try it:  brieflint check --style ./styles/{name} drafts/
name: {name}
description: Policy briefs of {name}.
extends: brief
language: en-GB

# Values for {{placeholders}} in required texts (rules/house.disclaimer.yaml uses {{organisation}}).
variables:
  organisation: {name}

# Change the rules this style inherits: off, a severity, or options.
rules: {{}}
#   prose.exclamation: off
#   house.acronym-undefined: warning
"""


def vocab_text(name: str, what: str) -> str:
    if what == "accept":
        return (
            f"# Names and terms {name} uses that a dictionary lacks. One word or phrase a line.\n"
            f"{name}\n"
        )
    return f"# Words {name} never accepts, even if a dictionary does. One a line.\n"


def example_rule_text(name: str) -> str:
    return f"""\
# An example house rule: a passage every brief of {name} must carry word for word.
# Replace the text with your own and remove `enabled: false`. More kinds: docs/house-style.md.
id: house.disclaimer
kind: required-text
severity: error
enabled: false
message: "disclaimer: {{problem}}"
description: The house disclaimer stands on the first page, word for word.
why: |
  The disclaimer is the house's legal wording; a changed word changes what the house says.
examples:
  bad: |
    The views expressed are those of the author and of {name}.
  good: |
    The views expressed are those of the authors and not necessarily those of {name}.
options:
  where: first-page
  text: The views expressed are those of the authors and not necessarily those of {{organisation}}.
"""


def plan(
    directory: Path,
    style: str | None,
    pre_commit: bool,
    source: tuple[str, str] | None = None,
) -> dict[Path, str]:
    """Every file ``init`` writes, with its content."""
    files: dict[Path, str] = {}
    style_ref = "brief"
    style_folder: str | None = None
    if style is not None:
        if not _NAME.fullmatch(style):
            raise BrieflintError(
                f"invalid style name {style!r}: use letters, digits, '-' and '_'", key="--style"
            )
        folder = directory / "styles" / style
        style_folder = f"styles/{style}"
        style_ref = f"./{style_folder}"
        files[folder / "style.yaml"] = style_text(style)
        files[folder / "vocab" / "accept.txt"] = vocab_text(style, "accept")
        files[folder / "vocab" / "reject.txt"] = vocab_text(style, "reject")
        files[folder / "rules" / "house.disclaimer.yaml"] = example_rule_text(style)
    exclude = [f"{style_folder}/**"] if style_folder else []
    files[directory / "brieflint.yaml"] = config_text(style_ref, exclude)
    if pre_commit:
        files[directory / ".pre-commit-config.yaml"] = pre_commit_text(source, style_folder)
    return files


def command(
    directory: Path = typer.Argument(Path("."), help="Folder to set up (default: here)."),
    style: str = typer.Option(
        None, "--style", metavar="NAME", help="Also create a house style skeleton in styles/NAME/."
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite files brieflint wrote before."),
    pre_commit: bool = typer.Option(
        True, "--pre-commit/--no-pre-commit", help="Write or print the pre-commit hook."
    ),
) -> None:
    if not directory.is_dir():
        raise BrieflintError("no such folder", path=str(directory))
    source = installed_from()
    files = plan(directory, style, pre_commit, source)
    hook = directory / ".pre-commit-config.yaml"
    # a user's hook file holds other hooks too: never replace it, show what to add
    keep_hook = hook in files and hook.exists()
    if keep_hook:
        del files[hook]
    existing = [p for p in files if p.exists()]
    if existing and not force:
        names = ", ".join(str(p) for p in existing)
        raise BrieflintError(f"will not overwrite {names} (use --force)")
    if keep_hook:
        typer.echo(f"{hook} exists; add brieflint to it:\n")
        typer.echo(pre_commit_text(source, f"styles/{style}" if style else None))
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text(path, text)
        typer.echo(f"wrote {path}")
    if pre_commit and source is None:
        typer.echo(
            f"\n{hook}: replace {REPO_PLACEHOLDER} and {REV_PLACEHOLDER} "
            "with where your copy of brieflint lives (brieflint is not on PyPI)"
        )
    if style is not None:
        typer.echo(f"\nTry it:  brieflint check --style ./styles/{style} .")
