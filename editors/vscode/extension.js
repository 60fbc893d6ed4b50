// brieflint for VS Code: starts `brieflint lsp` for Markdown and plain-text files.
// Everything else (diagnostics, quick fixes, fix all, suppress, add to vocabulary, hover,
// reloading the configuration) is the server's: this file only starts it.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration("brieflint");
  const [command, ...args] = settings.get("command", ["brieflint", "lsp"]);
  client = new LanguageClient(
    "brieflint",
    "brieflint",
    { command, args },
    {
      documentSelector: [
        { scheme: "file", language: "markdown" },
        { scheme: "file", language: "plaintext" },
        { scheme: "untitled", language: "markdown" },
      ],
      initializationOptions: { debounceMs: settings.get("debounceMs", 20) },
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
