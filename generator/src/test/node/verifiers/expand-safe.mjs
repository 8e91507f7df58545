// Expands every JSON-LD document of a built site with jsonld.js in safe mode, offline: each
// .json/.jsonld file whose top level has "@context" (DID documents, keys, OB 2.0 issuer/badge/
// assertion documents, status lists, credentials...). Safe mode rejects what a signer's
// canonicalization would silently drop: terms no context defines, relative IRIs, and the like.
//
// usage: node expand-safe.mjs SITE_DIR BASE_URL [OB2_CONTEXT]
//   OB2_CONTEXT (or env OB2_CONTEXT): the Open Badges 2.0 context file, served for
//   https://w3id.org/openbadges/v2 (no npm package ships it). Without it, OB 2.0 documents fail.
// Prints one JSON document: {"results":[{"file", "ok", "error", "toRdfOk", "toRdfError",
// "contexts"}]}: ok/error for jsonld.expand in safe mode, toRdfOk/toRdfError for jsonld.toRDF in
// safe mode (proof left out, base null: what eddsa-rdfc-2022 canonicalizes).
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Site, contextMap, describeError, installOfflineFetch, quietConsole } from './lib/offline.mjs';

quietConsole();
const [siteDir, baseUrl, ob2Arg] = process.argv.slice(2);
if (!siteDir || !baseUrl) {
  process.stderr.write('usage: node expand-safe.mjs SITE_DIR BASE_URL [OB2_CONTEXT]\n');
  process.exit(2);
}
const ob2Context = ob2Arg || process.env.OB2_CONTEXT || undefined;
const site = new Site(siteDir, baseUrl);
const contexts = await contextMap({ ob2Context });
const refused = installOfflineFetch({ site, contexts });
const jsonld = (await import('jsonld')).default;

/** Contexts from the npm packages (and OB 2.0 from its file); remote contexts under BASE_URL from
 * the site; anything else refused with an error naming it. */
async function documentLoader(url) {
  if (contexts.has(url)) {
    return { contextUrl: null, documentUrl: url, document: structuredClone(contexts.get(url).document) };
  }
  if (site.covers(url)) {
    return { contextUrl: null, documentUrl: url, document: site.loadJson(url) };
  }
  refused.push(url);
  throw new Error(`offline: refused to load ${url} (no npm package ships this context${url === 'https://w3id.org/openbadges/v2' ? '; pass the OB 2.0 context file' : ''})`);
}

const results = [];
for (const path of walk(site.dir).sort()) {
  const file = relative(site.dir, path).split(sep).join('/');
  if (!/\.(json|jsonld)$/i.test(file)) continue;
  let doc;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    continue; // not JSON, so not JSON-LD either
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc) || !('@context' in doc)) continue;
  const names = [].concat(doc['@context']).map(c => (typeof c === 'string' ? c : '(inline)'));
  const result = { file, ok: false, error: null, toRdfOk: false, toRdfError: null, contexts: names };
  try {
    await jsonld.expand(structuredClone(doc), { safeMode: true, documentLoader });
    result.ok = true;
  } catch (e) {
    result.error = describeError(e);
  }
  // Expansion keeps a relative @type such as "1EdTechJsonSchemaValidator2019" (no context defines
  // it) without complaint; safe mode rejects it only on the way to RDF, which is what a Data
  // Integrity proof canonicalizes. So the RDF step is reported too, with the proof left out and
  // base: null, as eddsa-rdfc-2022 canonicalizes.
  try {
    const { proof, ...unsigned } = doc;
    await jsonld.toRDF(unsigned, { safe: true, base: null, documentLoader });
    result.toRdfOk = true;
  } catch (e) {
    result.toRdfError = describeError(e);
  }
  results.push(result);
}
process.stdout.write(`${JSON.stringify({ results }, null, 2)}\n`);

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []);
}
