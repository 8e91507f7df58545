// Validates xAPI statements with Learning Locker's xapi-validation, the rules its LRS applies to
// every statement it receives. The argument is a JSON file: one statement, or an array of them.
//
// usage: node xapi-validate.mjs FILE
// Prints one JSON document: {"results":[{"index", "id", "warnings":[...]}]}, one result per
// statement; a statement passes when its warnings are empty.
import { readFileSync } from 'node:fs';
import xapiValidation from 'xapi-validation';

const validate = xapiValidation.default ?? xapiValidation;
const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node xapi-validate.mjs FILE\n');
  process.exit(2);
}
const parsed = JSON.parse(readFileSync(file, 'utf8'));
const statements = Array.isArray(parsed) ? parsed : [parsed];
const results = statements.map((statement, index) => ({
  index,
  id: statement && statement.id,
  warnings: validate(statement).map((w) => `${w.path.join('.')}: ${w.constructor.name}: ${w.message ?? ''}`.trim()),
}));
process.stdout.write(JSON.stringify({ results }) + '\n');
