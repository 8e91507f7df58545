// Verifies Badgesmith's signatures with the jose library, which nobody here wrote.
// usage: node verify-jose.mjs PACKAGES_DIR jws|jwt ALG KEY_FILE TOKEN_FILE
//   jws: KEY_FILE is SPKI PEM; prints {"header":...,"payload":"<payload text>"}
//   jwt: KEY_FILE is a public JWK; prints {"header":...,"payload":{...claims}}
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, mode, alg, keyFile, tokenFile] = process.argv.slice(2);
const require = createRequire(join(dir, 'package.json'));
const jose = await import(pathToFileURL(require.resolve('jose')).href);
const token = readFileSync(tokenFile, 'utf8').trim();
const key = readFileSync(keyFile, 'utf8');

let result;
if (mode === 'jws') {
  const { payload, protectedHeader } = await jose.compactVerify(token, await jose.importSPKI(key, alg), {
    algorithms: [alg],
  });
  result = { header: protectedHeader, payload: new TextDecoder().decode(payload) };
} else if (mode === 'jwt') {
  // The credential's validFrom may lie in the future or validUntil in the past for test data:
  // a wide clock tolerance keeps this about signatures and claims, not about today's date.
  const { payload, protectedHeader } = await jose.jwtVerify(token, await jose.importJWK(JSON.parse(key), alg), {
    algorithms: [alg],
    typ: 'JWT',
    clockTolerance: 100 * 365 * 24 * 3600,
  });
  result = { header: protectedHeader, payload };
} else {
  throw new Error(`unknown mode ${mode}`);
}
process.stdout.write(JSON.stringify(result));
