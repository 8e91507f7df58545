// Verifies every Open Badges 3.0 credential a built site publishes, with verifiers nobody here
// wrote, offline: Digital Bazaar's @digitalbazaar/vc and the DCC's verifier-core for each
// credentials/<badge>/<award>.json with an embedded proof (and each endorsement's
// endorsements/<id>/credential.json), jose for each .jwt (VC-JWT); the same for each learner
// record (earners/<name>/clr.json, clr.jwt) and, as "<file>#credential-<n>", for every credential
// a learner record holds.
//
// usage: node verify-site.mjs SITE_DIR BASE_URL [FILE ...]
//   FILE: site-relative paths (or comma-separated lists of them) to restrict the run to.
// env:   OB3_SCHEMA  optional path of the OB 3.0 achievement credential JSON Schema, served to the
//                    DCC verifier's schema check at its purl.imsglobal.org URL (refused otherwise).
//        CLR_CONTEXT optional path of the CLR 2.0 context (no npm package ships it), served at its
//                    purl.imsglobal.org URL; learner records fail without it.
// Prints one JSON document: {"results":[{file, verifier, verified, signature, revoked, expired,
// errors, details}], "skipped":[{file, reason}], "refused":[urls]}.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, relative, sep } from 'node:path';
import {
  Site,
  contextMap,
  dbDocumentLoader,
  describeError,
  installOfflineFetch,
  quietConsole,
  stripFragment,
} from './lib/offline.mjs';

quietConsole();
process.on('unhandledRejection', e => process.stderr.write(`unhandled rejection: ${describeError(e)}\n`));

const [siteDir, baseUrl, ...onlyArgs] = process.argv.slice(2);
if (!siteDir || !baseUrl) {
  process.stderr.write('usage: node verify-site.mjs SITE_DIR BASE_URL [FILE ...]\n');
  process.exit(2);
}
const only = new Set(onlyArgs.flatMap(a => a.split(',')).map(s => s.trim()).filter(Boolean));

const SCHEMA_PREFIX = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/';
const CLR_SCHEMA_PREFIX = 'https://purl.imsglobal.org/spec/clr/v2p0/schema/';
const OB3_SCHEMA_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
const site = new Site(siteDir, baseUrl);
const contexts = await contextMap();
const extra = new Map(process.env.OB3_SCHEMA ? [[OB3_SCHEMA_URL, process.env.OB3_SCHEMA]] : []);
// fetch is replaced before any verifier is imported, so none of them ever reaches the network
const refused = installOfflineFetch({ site, contexts, extra });

const vc = await import('@digitalbazaar/vc');
const { DataIntegrityProof } = await import('@digitalbazaar/data-integrity');
const { cryptosuite: eddsaRdfc2022 } = await import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite');
const { checkStatus } = await import('@digitalbazaar/vc-bitstring-status-list');
const dcc = await import('@digitalcredentials/verifier-core');
const jose = await import('jose');
const documentLoader = await dbDocumentLoader({ site, contexts, refused });

const ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];
const CREDENTIAL_FILE =
  /^(credentials\/[^/]+\/[^/]+|endorsements\/[^/]+\/credential|earners\/[^/]+\/clr)\.(json|jwt)$/;

const results = [];
const skipped = [];
for (const file of credentialFiles()) {
  let text;
  try {
    text = readFileSync(join(site.dir, file), 'utf8');
  } catch (e) {
    skipped.push({ file, reason: `unreadable: ${describeError(e)}` });
    continue;
  }
  if (file.endsWith('.jwt')) {
    results.push(await guarded(file, 'jose', () => verifyJose(file, text.trim())));
    const claims = jose.decodeJwt(text.trim());
    await held(file, claims.vc && typeof claims.vc === 'object' ? claims.vc : claims);
    continue;
  }
  let credential;
  try {
    credential = JSON.parse(text);
  } catch (e) {
    results.push(failure(file, 'digitalbazaar', `not JSON: ${e.message}`));
    results.push(failure(file, 'dcc', `not JSON: ${e.message}`));
    continue;
  }
  if (!credential || typeof credential !== 'object' || !credential.proof) {
    skipped.push({ file, reason: 'no embedded proof' });
    continue;
  }
  results.push(await guarded(file, 'digitalbazaar', () => verifyDigitalBazaar(file, JSON.parse(text))));
  results.push(await guarded(file, 'dcc', () => verifyDcc(file, JSON.parse(text))));
  await held(file, credential);
}
process.stdout.write(`${JSON.stringify({ results, skipped, refused: [...new Set(refused)] }, null, 2)}\n`);

// ---------------------------------------------------------------------------------------------

/**
 * Every credential a learner record (a ClrCredential) holds, each verified on its own: an embedded
 * proof by Digital Bazaar and the DCC, a VC-JWT by jose.
 */
async function held(file, record) {
  if (!record || ![].concat(record.type ?? []).includes('ClrCredential')) return;
  const items = [].concat(record.credentialSubject?.verifiableCredential ?? []);
  for (let i = 0; i < items.length; i++) {
    const name = `${file}#credential-${i + 1}`;
    if (typeof items[i] === 'string') {
      results.push(await guarded(name, 'jose', () => verifyJose(name, items[i])));
    } else {
      results.push(await guarded(name, 'digitalbazaar', () => verifyDigitalBazaar(name, structuredClone(items[i]))));
      results.push(await guarded(name, 'dcc', () => verifyDcc(name, structuredClone(items[i]))));
    }
  }
}

/** Credential files, from manifest.json's file list when the site has one, else by walking. */
function credentialFiles() {
  let files;
  const manifest = join(site.dir, 'manifest.json');
  if (existsSync(manifest)) {
    const listed = JSON.parse(readFileSync(manifest, 'utf8'));
    files = (listed.files || []).map(f => f.path);
    for (const award of listed.awards || []) {
      for (const path of Object.values(award.documents || {})) files.push(path);
    }
  } else {
    files = walk(site.dir).map(f => relative(site.dir, f).split(sep).join('/'));
  }
  files = [...new Set(files)].filter(f => CREDENTIAL_FILE.test(f)).sort();
  if (only.size) {
    const missing = [...only].filter(f => !files.includes(f));
    files = files.filter(f => only.has(f)).concat(missing.filter(f => existsSync(join(site.dir, f))));
    for (const f of missing.filter(f => !existsSync(join(site.dir, f)))) {
      skipped.push({ file: f, reason: 'no such file in the site' });
    }
  }
  return files;
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]);
}

function result(file, verifier) {
  return { file, verifier, verified: false, signature: null, revoked: null, expired: null, errors: [], details: {} };
}

function failure(file, verifier, message) {
  const r = result(file, verifier);
  r.errors.push(message);
  return r;
}

/** Runs one verifier; an exception becomes an error of that file, and refused URLs are noted. */
async function guarded(file, verifier, run) {
  const before = refused.length;
  let r;
  try {
    r = await run();
  } catch (e) {
    r = failure(file, verifier, `exception: ${describeError(e)}`);
  }
  const urls = [...new Set(refused.slice(before))];
  if (urls.length) {
    r.details.refusedUrls = urls;
    // the DCC's schema check (additional information, not verification) fetching a JSON Schema
    // is noted in details only; any other refused URL is an error of the file
    for (const url of urls.filter(u => !u.startsWith(SCHEMA_PREFIX) && !u.startsWith(CLR_SCHEMA_PREFIX))) {
      if (!r.errors.some(m => m.includes(url))) r.errors.push(`offline: refused ${url}`);
    }
  }
  r.errors = [...new Set(r.errors)];
  return r;
}

function validity(credential) {
  return {
    validFrom: credential.validFrom ?? credential.issuanceDate ?? null,
    validUntil: credential.validUntil ?? credential.expirationDate ?? null,
  };
}

function expiredByDate(credential, now = new Date()) {
  const { validUntil } = validity(credential);
  if (!validUntil) return false;
  const t = new Date(validUntil);
  return Number.isNaN(t.getTime()) ? null : t < now;
}

function verificationErrors(e) {
  if (!e) return [];
  const list = Array.isArray(e) ? e : Array.isArray(e.errors) ? e.errors : [e];
  return list.map(describeError);
}

// ------------------------------------------------------------------------- Digital Bazaar

async function verifyDigitalBazaar(file, credential) {
  const r = result(file, 'digitalbazaar');
  const suite = () => new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
  const verify = now =>
    vc.verifyCredential({ credential: structuredClone(credential), suite: suite(), documentLoader, checkStatus, now });

  const first = await verify(new Date());
  let pass = first;
  const proofRan = res => res.error?.name === 'VerificationError' || (res.results || []).some(x => x && 'proof' in x);
  if (!proofRan(first)) {
    // vc stopped before the proof: a date or shape check of the credential itself
    const message = describeError(first.error);
    r.errors.push(message);
    const dateError = /"validUntil"|"validFrom"|"issuanceDate"|Credential has expired/.test(message);
    if (/after "validUntil"|Credential has expired/.test(message)) r.expired = true;
    if (/before "validFrom"|before the "issuanceDate"/.test(message)) r.details.notYetValid = true;
    if (dateError) {
      // check the proof and the status as of a moment inside the validity period
      const at = momentInside(credential);
      if (at) {
        r.details.proofCheckedAt = at.toISOString();
        pass = await verify(at);
      }
    }
  } else {
    r.expired = false; // vc's own validUntil check passed (it runs before the proof)
  }
  if (proofRan(pass)) {
    const proofs = (pass.results || []).filter(x => x && 'proof' in x);
    r.signature = proofs.some(x => x.verified === true);
    r.details.proofs = proofs.map(x => ({
      verificationMethod: x.proof?.verificationMethod ?? null,
      cryptosuite: x.proof?.cryptosuite ?? null,
      verified: x.verified,
      ...(x.error ? { error: describeError(x.error) } : {}),
    }));
    if (pass.error) r.errors.push(...verificationErrors(pass.error));
    if (!r.signature) {
      for (const x of proofs) if (x.error) r.errors.push(describeError(x.error));
    }
  }

  let status = pass.statusResult;
  if (!status && credential.credentialStatus) {
    // vc skips the status check once the proof failed; ask the same status library directly
    status = await checkStatus({ credential: structuredClone(credential), documentLoader, suite: suite() });
    r.details.statusCheckedWithoutValidProof = true;
  }
  if (status) applyBitstringStatus(r, status);
  if (r.expired === null) {
    r.expired = expiredByDate(credential);
    r.details.expiredFrom = 'validUntil vs now';
  }
  r.verified = first.verified === true && r.signature === true && r.revoked !== true && r.expired !== true;
  return r;
}

/** A moment inside [validFrom, validUntil] at which a date-rejected credential can be checked. */
function momentInside(credential) {
  const { validFrom, validUntil } = validity(credential);
  const from = validFrom ? new Date(validFrom) : null;
  const until = validUntil ? new Date(validUntil) : null;
  if (until && !Number.isNaN(until.getTime())) {
    const t = new Date(until.getTime() - 1000);
    if (!from || t >= from) return t;
  }
  if (from && !Number.isNaN(from.getTime())) return new Date(from.getTime() + 1000);
  return null;
}

function applyBitstringStatus(r, status) {
  if (!status.verified) {
    r.errors.push(`status check failed: ${describeError(status.error)}`);
    return;
  }
  r.details.status = (status.results || []).map(s => ({
    statusPurpose: s.credentialStatus?.statusPurpose,
    statusListCredential: s.credentialStatus?.statusListCredential,
    statusListIndex: s.credentialStatus?.statusListIndex,
    set: s.status,
  }));
  const revocation = r.details.status.filter(s => s.statusPurpose === 'revocation');
  r.revoked = revocation.length ? revocation.some(s => s.set === true) : null;
  const suspension = r.details.status.filter(s => s.statusPurpose === 'suspension');
  if (suspension.length) r.details.suspended = suspension.some(s => s.set === true);
}

// ------------------------------------------------------------------------- DCC verifier-core

async function verifyDcc(file, credential) {
  const r = result(file, 'dcc');
  // no registries: the issuer-registry step is reported in details, not folded into `verified`
  const res = await dcc.verifyCredential({ credential, knownDIDRegistries: [] });
  const log = res.log || [];
  for (const e of res.errors || []) {
    r.errors.push(String(e.name).startsWith('jsonld.') ? describeError(e) : `${e.name}: ${e.message}`);
  }
  const fatalNames = (res.errors || []).map(e => e.name);
  if (fatalNames.some(n => n === 'invalid_signature' || n === 'did_web_unresolved' ||
      n === 'http_error_with_signature_check' || String(n).startsWith('jsonld.'))) {
    r.signature = false;
  }
  if (res.error) r.errors.push(describeError(res.error));
  const step = id => log.find(s => s.id === id);
  const sig = step('valid_signature');
  if (sig) r.signature = sig.valid === true;
  const expiration = step('expiration');
  if (expiration && 'valid' in expiration) {
    r.expired = expiration.valid === false;
  } else {
    r.expired = expiredByDate(credential);
    r.details.expiredFrom = 'validUntil vs now';
  }
  const revocation = step('revocation_status');
  if (revocation?.error) {
    r.errors.push(`revocation_status: ${revocation.error.name}: ${revocation.error.message}`);
  } else if (revocation && 'valid' in revocation) {
    r.revoked = revocation.valid === false;
  }
  const suspension = step('suspension_status');
  if (suspension && 'valid' in suspension) r.details.suspended = suspension.valid === false;
  const registry = step('registered_issuer');
  if (registry) {
    r.details.registeredIssuer = {
      valid: registry.valid,
      matchingIssuers: (registry.matchingIssuers || []).length,
      uncheckedRegistries: (registry.uncheckedRegistries || []).length,
    };
  }
  const schema = (res.additionalInformation || []).find(a => a.id === 'schema_check');
  if (schema) {
    r.details.schemaCheck = Array.isArray(schema.results)
      ? schema.results.map(s => ({ schema: s.schema, valid: s.result?.valid ?? null, errors: (s.result?.errors || []).slice(0, 5).map(e => `${e.instancePath || '/'} ${e.message}`) }))
      : schema.results;
  }
  r.details.log = log.map(s => ({ id: s.id, ...('valid' in s ? { valid: s.valid } : {}), ...(s.error ? { error: s.error.name } : {}) }));
  r.verified = r.signature === true && r.expired !== true && r.revoked !== true && r.errors.length === 0;
  return r;
}

// ------------------------------------------------------------------------- jose (VC-JWT)

async function verifyJose(file, token) {
  const r = result(file, 'jose');
  const header = jose.decodeProtectedHeader(token);
  r.details.header = header;
  const checked = await verifyJwt(token);
  r.signature = checked.signature;
  r.errors.push(...checked.errors);
  const claims = jose.decodeJwt(token);
  const credential = claims.vc && typeof claims.vc === 'object' ? claims.vc : claims;
  const now = new Date();
  const { validFrom, validUntil } = validity(credential);
  r.details.claims = {
    iss: claims.iss ?? null,
    sub: claims.sub ?? null,
    jti: claims.jti ?? null,
    nbf: claims.nbf ?? null,
    exp: claims.exp ?? null,
    iat: claims.iat ?? null,
    vcClaim: credential !== claims,
    validFrom,
    validUntil,
    credentialStatus: credential.credentialStatus ?? null,
  };
  // jose's own claim checks (exp, nbf) when the signature holds; the dates themselves always
  if (checked.signature) {
    try {
      await jose.jwtVerify(token, checked.key, { algorithms: [header.alg] });
      r.details.joseClaims = 'ok';
    } catch (e) {
      r.details.joseClaims = `${e.code}: ${e.message}`;
      if (e.code !== 'ERR_JWT_EXPIRED' && !(e.code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && e.claim === 'nbf')) {
        r.errors.push(`jwtVerify: ${describeError(e)}`);
      }
    }
  }
  const nowSeconds = now.getTime() / 1000;
  r.expired = (typeof claims.exp === 'number' && claims.exp < nowSeconds) || (validUntil != null && new Date(validUntil) < now);
  if ((typeof claims.nbf === 'number' && claims.nbf > nowSeconds) || (validFrom != null && new Date(validFrom) > now)) {
    r.details.notYetValid = true;
  }
  if (r.details.notYetValid) r.errors.push(`not yet valid (nbf ${claims.nbf ?? '-'}, validFrom ${validFrom ?? '-'})`);
  const issuer = typeof credential.issuer === 'object' ? credential.issuer?.id : credential.issuer;
  if (claims.iss !== undefined && issuer && claims.iss !== issuer) {
    r.errors.push(`iss ${claims.iss} is not the credential's issuer ${issuer}`);
  }
  if (claims.exp !== undefined && validUntil && Math.floor(new Date(validUntil).getTime() / 1000) !== claims.exp) {
    r.errors.push(`exp ${claims.exp} does not match validUntil ${validUntil}`);
  }
  if (claims.nbf !== undefined && validFrom && Math.floor(new Date(validFrom).getTime() / 1000) !== claims.nbf) {
    r.errors.push(`nbf ${claims.nbf} does not match validFrom ${validFrom}`);
  }

  const statuses = [].concat(credential.credentialStatus ?? []);
  const entries = [];
  for (const status of statuses) {
    if (status?.type !== 'BitstringStatusListEntry') {
      r.errors.push(`credentialStatus type ${status?.type} is not BitstringStatusListEntry`);
      continue;
    }
    try {
      entries.push(await bitFromStatusList(status, issuer));
    } catch (e) {
      r.errors.push(`status: ${describeError(e)}`);
    }
  }
  r.details.status = entries;
  const revocation = entries.filter(s => s.statusPurpose === 'revocation');
  if (revocation.length) r.revoked = revocation.some(s => s.set);
  else if (!statuses.length) r.revoked = false;
  const suspension = entries.filter(s => s.statusPurpose === 'suspension');
  if (suspension.length) r.details.suspended = suspension.some(s => s.set);
  r.verified = r.signature === true && r.expired !== true && r.revoked !== true && r.errors.length === 0;
  return r;
}

/** Signature of a compact JWS against the key its header's kid names. */
async function verifyJwt(token) {
  const errors = [];
  const header = jose.decodeProtectedHeader(token);
  if (!ALGORITHMS.includes(header.alg)) {
    return { signature: false, errors: [`alg ${header.alg} is not one of ${ALGORITHMS.join(', ')}`] };
  }
  if (!header.kid) {
    return { signature: false, errors: ['the JWT header names no kid'] };
  }
  let jwk;
  try {
    jwk = await jwkFor(header.kid);
  } catch (e) {
    return { signature: false, errors: [`key ${header.kid}: ${describeError(e)}`] };
  }
  if (jwk.alg && jwk.alg !== header.alg) errors.push(`the key's alg ${jwk.alg} differs from the header's ${header.alg}`);
  let key;
  try {
    key = await jose.importJWK(jwk, header.alg);
    await jose.compactVerify(token, key, { algorithms: [header.alg] });
    return { signature: true, errors, key };
  } catch (e) {
    errors.push(describeError(e));
    return { signature: false, errors, key };
  }
}

/** The public JWK a kid names: a did:web DID URL, or a URL under the base URL. */
async function jwkFor(kid) {
  let node;
  if (kid.startsWith('did:')) {
    ({ document: node } = await documentLoader(kid));
  } else if (site.covers(kid)) {
    node = site.loadJson(kid);
  } else {
    refused.push(kid);
    throw new Error(`offline: refused ${kid} (not a did:web DID URL and not under ${site.baseUrl})`);
  }
  if (node.publicKeyJwk) return node.publicKeyJwk;
  if (node.kty) {
    const { '@context': _, ...jwk } = node;
    return jwk;
  }
  if (Array.isArray(node.keys)) {
    const fragment = kid.includes('#') ? kid.slice(kid.indexOf('#') + 1) : null;
    const match = node.keys.find(k => fragment && k.kid === fragment) ?? (node.keys.length === 1 ? node.keys[0] : null);
    if (match) return match;
  }
  throw new Error('the document it names holds no public JWK');
}

/** Reads the status bit of a BitstringStatusListEntry from the list it names. */
async function bitFromStatusList(status, issuer) {
  const url = status.statusListCredential;
  const entry = {
    statusPurpose: status.statusPurpose,
    statusListCredential: url,
    statusListIndex: status.statusListIndex,
    set: null,
    listSignature: null,
  };
  if (!site.covers(url)) {
    refused.push(url);
    throw new Error(`offline: refused ${url} (not under ${site.baseUrl})`);
  }
  let list;
  if (stripFragment(url).endsWith('.jwt')) {
    const token = site.read(url).toString('utf8').trim();
    const checked = await verifyJwt(token);
    entry.listSignature = checked.signature ? 'jose: verified' : `jose: failed (${checked.errors.join('; ')})`;
    if (!checked.signature) throw new Error(`status list ${url}: ${entry.listSignature}`);
    const claims = jose.decodeJwt(token);
    list = claims.vc && typeof claims.vc === 'object' ? claims.vc : claims;
  } else {
    list = site.loadJson(url);
    // a Data Integrity proof on a JSON list is the Digital Bazaar and DCC verifiers' business
    entry.listSignature = 'not checked by jose (JSON status list)';
  }
  const types = [].concat(list.type ?? []);
  if (!types.includes('BitstringStatusListCredential')) {
    throw new Error(`${url} is not a BitstringStatusListCredential (type ${JSON.stringify(list.type)})`);
  }
  const subject = list.credentialSubject ?? {};
  if (subject.statusPurpose !== status.statusPurpose) {
    throw new Error(`status purpose ${subject.statusPurpose} of ${url} differs from the entry's ${status.statusPurpose}`);
  }
  const listIssuer = typeof list.issuer === 'object' ? list.issuer?.id : list.issuer;
  if (issuer && listIssuer !== issuer) {
    throw new Error(`the status list's issuer ${listIssuer} is not the credential's issuer ${issuer}`);
  }
  const encoded = subject.encodedList;
  if (typeof encoded !== 'string' || !encoded.startsWith('u')) {
    throw new Error(`encodedList of ${url} is not multibase base64url ('u' prefix)`);
  }
  const bits = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
  const index = Number.parseInt(status.statusListIndex, 10);
  if (!Number.isInteger(index) || index < 0 || String(index) !== String(status.statusListIndex).trim()) {
    throw new Error(`statusListIndex ${status.statusListIndex} is not a non-negative integer`);
  }
  if (index >= bits.length * 8) {
    throw new Error(`statusListIndex ${index} lies past the list's ${bits.length * 8} entries`);
  }
  entry.listLength = bits.length * 8;
  entry.set = ((bits[index >> 3] >> (7 - (index & 7))) & 1) === 1;
  return entry;
}
