// Validates Open Badges 3.0 credentials against the 1EdTech JSON Schema with ajv (draft 2019-09),
// which nobody here wrote. usage: NODE_PATH=... node validate-ajv.cjs SCHEMA_FILE CREDENTIAL...
// Prints one line per credential: "ok FILE" or "invalid FILE <errors as JSON>"; exits 1 if any fails.
'use strict';
const fs = require('fs');
const Ajv2019 = require('ajv/dist/2019');
const addFormats = require('ajv-formats');

const [schemaFile, ...files] = process.argv.slice(2);
const ajv = new Ajv2019({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
let failed = false;
for (const file of files) {
  if (validate(JSON.parse(fs.readFileSync(file, 'utf8')))) {
    console.log('ok ' + file);
  } else {
    failed = true;
    console.log('invalid ' + file + ' ' + JSON.stringify(validate.errors));
  }
}
process.exit(failed ? 1 : 0);
