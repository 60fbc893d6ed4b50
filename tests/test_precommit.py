"""The real pre-commit runs this repository's hooks, as an author's repository would."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, git, pre_commit_command

pytestmark = pytest.mark.slow


def test_hook_manifest_puts_subcommands_in_entry() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    assert hooks["brieflint"]["entry"] == "brieflint check"
    assert hooks["brieflint-fix"]["entry"] == "brieflint fix"
    assert all("args" not in h for h in hooks.values())


DRAFTS = ["a.md", "b.markdown", "c.mdown", "d.mkd", "e.txt", "f.docx", "g.pdf", "H.DOCX"]
NOT_DRAFTS = ["script.py", "data.json", "image.png", "brief.docm", "notes.md.bak", "LICENSE"]


def _picked(hook_id: str, folder: Path) -> list[str]:
    """The files of ``folder`` that pre-commit's own filter hands the hook ``hook_id``, the
    manifest read (and its defaults filled in) by pre-commit itself."""
    from pre_commit.clientlib import load_manifest
    from pre_commit.commands.run import Classifier, filter_by_include_exclude

    hook = next(
        h for h in load_manifest(str(REPO / ".pre-commit-hooks.yaml")) if h["id"] == hook_id
    )
    old = Path.cwd()
    os.chdir(folder)
    try:
        names = filter_by_include_exclude(
            sorted(p.name for p in folder.iterdir()), hook["files"], hook["exclude"]
        )
        found = Classifier(sorted(p.name for p in folder.iterdir())).by_types(
            names, hook["types"], hook["types_or"], hook["exclude_types"]
        )
        return sorted(found)
    finally:
        os.chdir(old)


def test_the_hooks_pick_every_kind_of_draft(tmp_path: Path) -> None:
    """pre-commit's file types know no .docx: the hooks pick drafts by name, as the readers
    do, with the .docx and PDF drafts among them (``fix`` leaves PDFs alone)."""
    from brieflint.readers import for_path

    for name in DRAFTS + NOT_DRAFTS:
        (tmp_path / name).write_bytes(b"%PDF-1.4\n" if name.endswith(".pdf") else b"text\n")
    picked = _picked("brieflint", tmp_path)
    assert picked == sorted(DRAFTS)
    assert {for_path(name).name for name in picked} == {"markdown", "text", "docx", "pdf"}
    assert _picked("brieflint-fix", tmp_path) == sorted(n for n in DRAFTS if n != "g.pdf")


def _repository(tmp_path: Path) -> Path:
    """An empty git repository of drafts, with an author."""
    work = tmp_path / "briefs"
    work.mkdir()
    git(work, "init", "-q")
    git(work, "config", "user.email", "author@example.org")
    git(work, "config", "user.name", "Author")
    return work


def _try_repo(work: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``pre-commit try-repo`` of this checkout's ``brieflint`` hook in ``work``, run as a user
    would (no variables of an outer git hook or virtual environment)."""
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT", "VIRTUAL"))
    }
    env["PRE_COMMIT_HOME"] = str(Path.home() / ".cache" / "pre-commit-brieflint-tests")
    return subprocess.run(
        [*pre_commit_command(), "try-repo", str(REPO), "brieflint", *args],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_pre_commit_try_repo(tmp_path: Path) -> None:
    work = _repository(tmp_path)
    (work / "good.md").write_text("# A brief\n\nThe government will decide.\n", "utf-8")
    (work / "bad.md").write_text("# A brief\n\nThe goverment will decide. TODO\n", "utf-8")
    git(work, "add", ".")
    bad = _try_repo(work, "--files", "bad.md")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "prose.common-typo" in bad.stdout and "Failed" in bad.stdout
    good = _try_repo(work, "--files", "good.md")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout


def test_pre_commit_try_repo_checks_docx_and_pdf_drafts(tmp_path: Path) -> None:
    """The hook, run by pre-commit itself, hands brieflint a Word draft and a PDF."""
    from tests.formats import docxbuild, pdfbrief

    work = _repository(tmp_path)
    sentence = "The goverment will decide."
    document = docxbuild.new()
    document.add_paragraph(sentence)
    docxbuild.save(document, work / "draft.docx")
    layout = pdfbrief.Layout(paragraphs=[sentence, *pdfbrief.BRIEF[1:]])
    (work / "draft.pdf").write_bytes(pdfbrief.build(layout).data)
    git(work, "add", ".")
    proc = _try_repo(work, "--all-files")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "draft.docx" in proc.stdout and "draft.pdf" in proc.stdout
    assert proc.stdout.count("prose.common-typo") >= 2


def test_only_staged_content_is_checked(tmp_path: Path) -> None:
    """pre-commit stashes unstaged changes: the hook judges what is being committed."""
    work = _repository(tmp_path)
    draft = work / "draft.md"
    draft.write_text("# A brief\n\nThe goverment will decide.\n", "utf-8")
    git(work, "add", "draft.md")  # staged: a misspelling
    draft.write_text("# A brief\n\nThe government will decide.\n", "utf-8")  # unstaged fix
    proc = _try_repo(work)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "prose.common-typo" in proc.stdout
    # the unstaged change is restored afterwards
    assert "government" in draft.read_text("utf-8")
