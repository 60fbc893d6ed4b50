"""A real editor: headless Neovim starts ``brieflint lsp`` on a draft with its built-in LSP
client, writes the diagnostics it received (``vim.diagnostic.get``) to a file, and applies the
preferred quick fix of the error to its buffer."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

NVIM = shutil.which("nvim")
DRAFT = "# Port report\n\nShips 🚢🚢 reached Pоti and the the terminal.\n"
# Neovim's own configuration for the test, as docs/editors.md gives it (Neovim 0.7 and later)
LUA = r"""
local out = os.getenv("BRIEFLINT_NVIM_OUT")
local client = vim.lsp.start_client({
  name = "brieflint",
  cmd = { os.getenv("BRIEFLINT_PYTHON"), "-m", "brieflint", "lsp" },
  root_dir = vim.fn.getcwd(),
})
vim.lsp.buf_attach_client(0, client)
vim.wait(90000, function() return #vim.diagnostic.get(0) >= 2 end, 50)
local found = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local lsp = (d.user_data or {}).lsp or {}
  table.insert(found, {
    lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity,
    code = lsp.code, source = d.source, message = d.message,
  })
end
-- the preferred quick fix of the first error, asked for as :lua vim.lsp.buf.code_action() asks
-- (the cursor on the finding, the line's diagnostics as context) and applied to the buffer
local fixed = nil
for _, d in ipairs(vim.diagnostic.get(0, { severity = vim.diagnostic.severity.ERROR })) do
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local params = vim.lsp.util.make_range_params(0, "utf-16")
  -- Neovim 0.7 and 0.8 hand the line's LSP diagnostics over this way; later ones keep each
  -- whole in user_data
  local of_line = vim.lsp.diagnostic.get_line_diagnostics
  params.context = { diagnostics = of_line and of_line() or { d.user_data.lsp } }
  local answers = vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 30000)
  for _, answer in pairs(answers or {}) do
    for _, action in ipairs(answer.result or {}) do
      if action.isPreferred and action.edit then
        vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
        fixed = vim.api.nvim_buf_get_lines(0, 2, 3, false)[1]
      end
    end
  end
  break
end
local file = io.open(out, "w")
file:write(vim.fn.json_encode({ diagnostics = found, fixed = fixed }))
file:close()
vim.lsp.stop_client(client)
vim.cmd("qa!")
"""


@pytest.mark.skipif(NVIM is None, reason="Neovim (nvim) is not installed: apt-get install neovim")
def test_neovim_receives_the_diagnostics(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    script = tmp_path / "brieflint.lua"
    script.write_text(LUA, encoding="utf-8")
    out = tmp_path / "diagnostics.json"
    env = {
        **os.environ,
        "BRIEFLINT_NVIM_OUT": str(out),
        "BRIEFLINT_PYTHON": sys.executable,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    assert NVIM is not None
    subprocess.run(
        [NVIM, "--headless", "-u", "NONE", "-c", f"luafile {script}", str(draft)],
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=True,
        capture_output=True,
    )
    received = json.loads(out.read_text(encoding="utf-8"))
    found = {d["code"]: d for d in received["diagnostics"]}
    assert set(found) >= {"ocr.homoglyph", "prose.doubled-word"}
    line = DRAFT.splitlines()[2].encode("utf-8")
    glyph = found["ocr.homoglyph"]
    # Neovim turns the server's UTF-16 columns into byte columns: right only if they were right
    assert (glyph["lnum"], glyph["col"]) == (2, line.index("Pоti".encode()))
    assert glyph["end_col"] == line.index("Pоti".encode()) + len("Pоti".encode())
    assert glyph["source"] == "brieflint" and glyph["severity"] == 1  # Error
    assert found["prose.doubled-word"]["col"] == line.index(b"the the")
    # the preferred quick fix, applied by Neovim to its buffer, mends the word
    assert received["fixed"] == "Ships 🚢🚢 reached Poti and the the terminal."
