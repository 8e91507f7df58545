/*
 * Badgesmith verify page. Checks a badge in the browser against the data this site publishes in
 * data.js (window.badgesmithVerifyData): no request leaves the site, and what is loaded later is
 * loaded as scripts, so a copy of the site saved to disk works over file:// as well. On a large
 * site the hosted assertions' digests are in buckets (hosted/<prefix>.js) loaded when a badge needs
 * one. Signatures are checked with WebCrypto. Embedded Data Integrity proofs (eddsa-rdfc-2022) are
 * canonicalised with jsonld.js (jsonld.min.js, vendored) and the JSON-LD contexts this site
 * publishes in contexts.js (window.badgesmithContexts), both loaded when a proof needs them; its
 * document loader answers from those alone. Everything shown comes from the badge, so it is inserted as text
 * (textContent), never as markup.
 */
(function () {
  "use strict";

  var DATA = window.badgesmithVerifyData;
  // What checking an embedded proof needs, loaded when one is checked: none on a site without them.
  var PROOF_SCRIPTS = ((document.currentScript && document.currentScript.getAttribute("data-proof-scripts")) || "")
    .split(" ").filter(function (src) { return src; });
  var STEPS = ["format", "proof", "issuer and key", "status", "expiry", "recipient", "credentials"];
  // The page's words, in its language (data-words: the verify.script.* messages of the page's
  // bundle); "{0}" and "{1}" take the arguments. A word the page lacks shows as its key.
  var WORDS = JSON.parse((document.currentScript && document.currentScript.getAttribute("data-words")) || "{}");
  function say(key) {
    var args = arguments;
    return (WORDS[key] === undefined ? key : WORDS[key]).replace(/\{(\d+)\}/g, function (_, i) {
      return String(args[Number(i) + 1]);
    });
  }
  /** A step's name as a heading ("Issuer and key"), or inside a sentence ("issuer and key"). */
  function stepName(step, inSentence) {
    return say((inSentence ? "step.inSentence." : "step.") + step.replace(/ /g, "-"));
  }
  var OB2_NS = "http://openbadges.org";
  var OB3_NS = "https://purl.imsglobal.org/ob/v3p0";
  var PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  var COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
  var BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  var XSD_DATE_TIME = /^-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$/;

  /* ---------- scripts loaded when a badge needs them ---------- */

  var loaded = {};

  /** Loads a script of this site once, relative to the page; resolves false when it cannot. */
  function loadScript(src) {
    if (!loaded[src]) {
      loaded[src] = new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () { resolve(true); };
        script.onerror = function () { resolve(false); };
        document.head.appendChild(script);
      });
    }
    return loaded[src];
  }

  /** The digest of the assertion this site hosts at an id, from data.js or its bucket. */
  async function hostedDigest(id) {
    if (DATA.hostedAssertions) {
      return own(DATA.hostedAssertions, id);
    }
    var buckets = DATA.hostedBuckets;
    var prefix = (await sha256Hex(id)).slice(0, buckets.digits);
    if (!(await loadScript(buckets.path + prefix + ".js"))) {
      throw new Error(say("msg.error.buckets", buckets.path + prefix + ".js"));
    }
    return own(own(window.badgesmithHosted, prefix), id);
  }

  /** jsonld.js and the contexts, in order, the first time a proof needs them. */
  async function proofScripts() {
    for (var i = 0; i < PROOF_SCRIPTS.length; i++) {
      await loadScript(PROOF_SCRIPTS[i]);
    }
  }

  /* ---------- the steps of one verification ---------- */

  function Steps() {
    this.list = [];
  }
  Steps.prototype.add = function (step, status, message) {
    if (!this.has(step)) {
      this.list.push({ step: step, status: status, message: message });
    }
  };
  Steps.prototype.pass = function (step, message) { this.add(step, "pass", message); };
  Steps.prototype.fail = function (step, message) { this.add(step, "fail", message); };
  Steps.prototype.skip = function (step, message) { this.add(step, "skip", message); };
  Steps.prototype.has = function (step) {
    return this.list.some(function (s) { return s.step === step; });
  };
  /** The steps in their fixed order; those never reached are "not checked". */
  Steps.prototype.done = function (withRecipient) {
    var self = this;
    var failed = this.list.some(function (s) { return s.status === "fail"; });
    return STEPS.filter(function (step) {
      // Only a learner record holds credentials: the step is shown for one alone.
      return (step !== "recipient" || withRecipient) && (step !== "credentials" || self.has(step));
    }).map(
      function (step) {
        var found = self.list.filter(function (s) { return s.step === step; })[0];
        return found || {
          step: step,
          status: "skip",
          message: failed ? say("notChecked.afterFailure") : say("notChecked"),
        };
      }
    );
  };

  /* ---------- bytes, text and JSON ---------- */

  function utf8(bytes) {
    return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  }

  function latin1(bytes) {
    var s = "";
    for (var i = 0; i < bytes.length; i++) {
      s += String.fromCharCode(bytes[i]);
    }
    return s;
  }

  function base64urlBytes(text) {
    var b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) {
      b64 += "=";
    }
    var raw = atob(b64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) {
      bytes[i] = raw.charCodeAt(i);
    }
    return bytes;
  }

  function base64url(bytes) {
    return btoa(latin1(new Uint8Array(bytes))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  async function inflate(bytes, format) {
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream(format));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  /** The canonical JSON Badgesmith digests (json/JsonDigest.java): sorted keys, no whitespace. */
  function canonicalJson(value) {
    if (Array.isArray(value)) {
      return "[" + value.map(canonicalJson).join(",") + "]";
    }
    if (value !== null && typeof value === "object") {
      return "{" + Object.keys(value).sort().map(function (k) {
        return JSON.stringify(k) + ":" + canonicalJson(value[k]);
      }).join(",") + "}";
    }
    return JSON.stringify(value);
  }

  async function digest(value) {
    var bytes = new TextEncoder().encode(canonicalJson(value));
    return base64url(await crypto.subtle.digest("SHA-256", bytes));
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function items(value) {
    if (value === undefined || value === null) {
      return [];
    }
    return Array.isArray(value) ? value : [value];
  }

  function idOf(value) {
    if (typeof value === "string") {
      return value;
    }
    return isObject(value) && typeof value.id === "string" ? value.id : undefined;
  }

  function own(map, key) {
    return map && typeof key === "string" && Object.prototype.hasOwnProperty.call(map, key)
      ? map[key]
      : undefined;
  }

  /* ---------- unbaking ---------- */

  var CRC_TABLE = (function () {
    var table = new Uint32Array(256);
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) {
        c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      }
      table[n] = c >>> 0;
    }
    return table;
  })();

  function crc32(bytes) {
    var c = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) {
      c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    }
    return (c ^ 0xffffffff) >>> 0;
  }

  function isPng(bytes) {
    return bytes.length >= 8 && PNG_SIGNATURE.every(function (b, i) { return bytes[i] === b; });
  }

  function isPdf(bytes) {
    return bytes.length > 5 && latin1(bytes.subarray(0, 5)) === "%PDF-";
  }

  /**
   * The files a PDF certificate embeds: each stream whose dictionary says /Type /EmbeddedFile,
   * inflated when FlateDecode (as Badgesmith writes it). Such a stream is never inside an object
   * stream, so its dictionary can be read as written. Resolves to [{ bytes, type }].
   */
  async function embeddedFiles(bytes) {
    var text = latin1(bytes); // one character a byte: offsets are the same
    var files = [];
    var marker = /\/Type\s*\/EmbeddedFile(?![A-Za-z0-9])/g;
    var m;
    while ((m = marker.exec(text)) !== null) {
      var start = text.lastIndexOf(" obj", m.index);
      var keyword = text.indexOf("stream", m.index);
      if (start < 0 || keyword < 0) {
        throw new Error(say("msg.error.pdfCut"));
      }
      var dict = text.slice(start, keyword);
      var data = keyword + "stream".length;
      if (text.charAt(data) === "\r") { data++; }
      if (text.charAt(data) === "\n") { data++; }
      var length = /\/Length\s+(\d+)(\s+\d+\s+R)?/.exec(dict);
      var end = length && !length[2] ? data + Number(length[1]) : text.indexOf("endstream", data);
      if (end < 0 || end > bytes.length) {
        throw new Error(say("msg.error.pdfCut"));
      }
      var raw = bytes.subarray(data, end);
      var filter = /\/Filter\s*\[?\s*\/([A-Za-z0-9]+)/.exec(dict);
      if (filter && filter[1] !== "FlateDecode") {
        throw new Error(say("msg.error.pdfFilter", filter[1]));
      }
      var type = /\/Subtype\s*\/([^\s\/<>\[\]()]+)/.exec(dict);
      files.push({
        bytes: filter ? await inflate(raw, "deflate") : raw,
        type: type ? type[1].replace(/#([0-9A-Fa-f]{2})/g, function (_, h) { return String.fromCharCode(parseInt(h, 16)); }) : say("msg.noType")
      });
    }
    return files;
  }

  /** The badge chunks of a PNG: iTXt (and the tEXt or zTXt of older bakers). */
  async function unbakePng(bytes) {
    var view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    var found = [];
    var offset = 8;
    while (offset + 12 <= bytes.length) {
      var length = view.getUint32(offset);
      var type = latin1(bytes.subarray(offset + 4, offset + 8));
      if (offset + 12 + length > bytes.length) {
        throw new Error(say("msg.error.pngCut", type));
      }
      var data = bytes.subarray(offset + 8, offset + 8 + length);
      if (type === "iTXt" || type === "tEXt" || type === "zTXt") {
        var nul = data.indexOf(0);
        var keyword = nul < 0 ? "" : latin1(data.subarray(0, nul));
        if (keyword === "openbadges" || keyword === "openbadgecredential") {
          if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== view.getUint32(offset + 8 + length)) {
            throw new Error(say("msg.error.pngCrc", type, keyword));
          }
          var text;
          if (type === "iTXt") {
            var compressed = data[nul + 1] === 1;
            var p = nul + 3;
            p = data.indexOf(0, p) + 1; // language tag
            p = data.indexOf(0, p) + 1; // translated keyword
            var body = data.subarray(p);
            text = utf8(compressed ? await inflate(body, "deflate") : body);
          } else if (type === "zTXt") {
            text = latin1(await inflate(data.subarray(nul + 2), "deflate"));
          } else {
            text = latin1(data.subarray(nul + 1));
          }
          found.push({ version: keyword === "openbadges" ? 2 : 3, text: text,
            carrier: say("msg.carrier.png", type, keyword) });
        }
      }
      if (type === "IEND") {
        break;
      }
      offset += 12 + length;
    }
    return found;
  }

  function unbakeSvg(text) {
    var doc = new DOMParser().parseFromString(text, "image/svg+xml");
    if (doc.getElementsByTagName("parsererror").length > 0) {
      throw new Error(say("msg.error.svg"));
    }
    var found = [];
    [[OB2_NS, "assertion", 2], [OB3_NS, "credential", 3]].forEach(function (kind) {
      var elements = doc.getElementsByTagNameNS(kind[0], kind[1]);
      for (var i = 0; i < elements.length; i++) {
        var body = (elements[i].textContent || "").trim();
        var verify = elements[i].getAttribute("verify") || "";
        found.push({ version: kind[2], text: body || verify, urlOnly: !body && /^https?:/.test(verify),
          carrier: say("msg.carrier.svg", kind[1]) });
      }
    });
    return found;
  }

  /* ---------- keys and signatures ---------- */

  function findKey(name) {
    var keys = (DATA.keys || []).filter(function (k) { return k.names.indexOf(name) >= 0; });
    if (keys.length) {
      return { key: keys[0] };
    }
    var revoked = (DATA.revokedKeys || []).filter(function (k) { return k.names.indexOf(name) >= 0; });
    if (revoked.length) {
      return { problem: say("msg.key.revoked", name) };
    }
    return { problem: say("msg.key.unknown", name) };
  }

  /**
   * The key's validity period (from site.yaml) must hold when the badge was signed: the time its
   * proof says it was created, else its issue date. A key past its period still verifies what it
   * signed before, so rotating keys keeps earlier badges valid; a revoked key is not published.
   *
   * @param signed the date-time of signing, as the badge gives it
   * @param what the member that gave it ("proof created", "iat", "validFrom", "issuedOn")
   * @param undated true when the signature says not when it was made (an OB 2.0 JWS)
   */
  function keyPeriod(key, signed, what, undated) {
    var at = typeof signed === "string" ? Date.parse(signed) : NaN;
    var period = say(key.validUntil ? "msg.period.until" : "msg.period.open",
      key.validFrom ? say("msg.period.from", key.validFrom) : say("msg.period.fromStart"), key.validUntil);
    if (isNaN(at)) {
      return { ok: false, text: signed === undefined
        ? say("msg.period.undatedMissing", what)
        : say("msg.period.undatedNotDate", what, signed) };
    }
    if (key.validFrom && at < Date.parse(key.validFrom) && undated) {
      // An Open Badges 2.0 JWS says not when it was signed, only that it was no earlier than its
      // issuedOn: after a key rotation, the new key signs every earlier badge again.
      return { ok: true, text: say("msg.period.resigned", period, what, signed) };
    }
    if (key.validFrom && at < Date.parse(key.validFrom)) {
      return { ok: false, text: say("msg.period.before", what, signed, key.id, period) };
    }
    if (key.validUntil && at >= Date.parse(key.validUntil)) {
      return { ok: false, text: say("msg.period.after", what, signed, key.id, period) };
    }
    return { ok: true, text: say("msg.period.valid", what, signed, period) };
  }

  function algorithmOf(alg) {
    if (alg === "RS256") {
      return { import: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, verify: { name: "RSASSA-PKCS1-v1_5" } };
    }
    if (alg === "ES256") {
      return { import: { name: "ECDSA", namedCurve: "P-256" }, verify: { name: "ECDSA", hash: "SHA-256" } };
    }
    return null;
  }

  /** Verifies a compact JWS with a published key; the payload's bytes as they were signed. */
  async function verifyJws(jws, header, key, accepted) {
    if (accepted.indexOf(header.alg) < 0) {
      throw new Error(say("msg.error.alg", header.alg, accepted.join(", ")));
    }
    if (header.alg !== key.algorithm) {
      throw new Error(say("msg.error.algKey", header.alg, key.id, key.algorithm));
    }
    if (!window.crypto || !crypto.subtle) {
      throw new Error(say("msg.error.noCrypto"));
    }
    var alg = algorithmOf(header.alg);
    var jwk = key.jwk.kty === "RSA"
      ? { kty: "RSA", n: key.jwk.n, e: key.jwk.e }
      : { kty: "EC", crv: key.jwk.crv, x: key.jwk.x, y: key.jwk.y };
    var cryptoKey = await crypto.subtle.importKey("jwk", jwk, alg.import, false, ["verify"]);
    var parts = jws.split(".");
    var signed = new TextEncoder().encode(parts[0] + "." + parts[1]);
    var ok = await crypto.subtle.verify(alg.verify, cryptoKey, base64urlBytes(parts[2]), signed);
    if (!ok) {
      throw new Error(say("msg.error.jwsSignature", header.typ === "JWT" ? "JWT" : "JWS", key.id));
    }
  }

  /* ---------- Data Integrity proofs (W3C vc-di-eddsa, eddsa-rdfc-2022) ---------- */

  /** Multibase base58btc without its "z", to bytes. */
  function base58btc(text) {
    var bytes = [];
    for (var i = 0; i < text.length; i++) {
      var carry = BASE58.indexOf(text.charAt(i));
      if (carry < 0) {
        throw new Error(say("msg.error.base58", text.charAt(i)));
      }
      for (var j = 0; j < bytes.length; j++) {
        carry += bytes[j] * 58;
        bytes[j] = carry & 0xff;
        carry >>= 8;
      }
      for (; carry > 0; carry >>= 8) {
        bytes.push(carry & 0xff);
      }
    }
    for (var k = 0; k < text.length && text.charAt(k) === "1"; k++) {
      bytes.push(0); // each leading "1" is a leading zero byte
    }
    return new Uint8Array(bytes.reverse());
  }

  var contextCache = {};

  /**
   * The document loader jsonld.js canonicalises with: it answers only with the contexts this site
   * publishes in contexts.js, each checked against the SHA-256 Badgesmith pins and signs with, and
   * refuses every other URL. Nothing is fetched.
   */
  function documentLoader(url) {
    var entry = own(window.badgesmithContexts, url);
    if (!entry) {
      return Promise.reject(new Error(say("msg.error.context", url)));
    }
    if (!contextCache[url]) {
      contextCache[url] = sha256Hex(entry.text).then(function (hex) {
        if (hex !== entry.sha256) {
          throw new Error(say("msg.error.contextHash", url, entry.sha256));
        }
        return JSON.parse(entry.text);
      });
    }
    return contextCache[url].then(function (document) {
      return { contextUrl: null, documentUrl: url, document: document };
    });
  }

  /** What went wrong inside jsonld.js, in words: its errors wrap their cause. */
  function ldMessage(e) {
    var details = e && e.details;
    if (details && details.cause) {
      return ldMessage(details.cause);
    }
    if (details && details.event) {
      var event = details.event;
      var what = event.details && (event.details.property || event.details.type || event.details.term);
      return (event.message || say("msg.error.safeMode")).replace(/\.$/, "") + (what ? ": " + JSON.stringify(what) : "");
    }
    return (e && e.message) || String(e);
  }

  /** The RDFC-1.0 canonical N-Quads of a document. */
  async function canonical(doc, what) {
    try {
      return await window.jsonld.canonize(doc, {
        algorithm: "RDFC-1.0",
        format: "application/n-quads",
        safe: true, // as Digital Bazaar's and the DCC's verifiers: nothing may be dropped
        documentLoader: documentLoader,
      });
    } catch (e) {
      throw new Error(say("msg.error.canonical", what, ldMessage(e)));
    }
  }

  async function sha256Bytes(text) {
    return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  }

  function sameJson(a, b) {
    return canonicalJson(a) === canonicalJson(b);
  }

  /**
   * Verifies an eddsa-rdfc-2022 proof as W3C vc-di-eddsa says (Verify Proof): the document without
   * its proof and the proof options without proofValue, each canonicalised with RDFC-1.0 and
   * hashed with SHA-256; the proof options' hash, then the document's, is what the Ed25519
   * signature covers. Resolves when it verifies; throws with the reason otherwise.
   */
  async function verifyDataIntegrity(credential, proof, key, now) {
    if (proof.type !== "DataIntegrityProof") {
      throw new Error(say("msg.error.proofType", proof.type));
    }
    if (proof.cryptosuite !== "eddsa-rdfc-2022") {
      throw new Error(say("msg.error.cryptosuite", proof.cryptosuite));
    }
    if (proof.proofPurpose !== "assertionMethod") {
      throw new Error(say("msg.error.purpose", proof.proofPurpose));
    }
    if (proof.created !== undefined && !XSD_DATE_TIME.test(String(proof.created))) {
      throw new Error(say("msg.error.created", proof.created));
    }
    if (proof.expires !== undefined && !(now < Date.parse(proof.expires))) {
      throw new Error(say("msg.error.proofExpired", proof.expires));
    }
    if (typeof proof.proofValue !== "string" || proof.proofValue.charAt(0) !== "z") {
      throw new Error(say("msg.error.multibase"));
    }
    var signature = base58btc(proof.proofValue.slice(1));
    if (signature.length !== 64) {
      throw new Error(say("msg.error.signatureLength", signature.length));
    }
    if (key.algorithm !== "Ed25519" || !key.jwk || key.jwk.kty !== "OKP") {
      throw new Error(say("msg.error.notEd25519", key.id, key.algorithm));
    }
    await proofScripts();
    if (!window.jsonld || !window.badgesmithContexts) {
      throw new Error(say("msg.error.noLibrary"));
    }
    var unsecured = Object.assign({}, credential);
    delete unsecured.proof;
    var options = Object.assign({}, proof);
    delete options.proofValue;
    if (options["@context"] !== undefined) {
      var documentContext = items(credential["@context"]);
      var mustStart = items(options["@context"]);
      if (!mustStart.every(function (c, i) { return i < documentContext.length && sameJson(c, documentContext[i]); })) {
        throw new Error(say("msg.error.proofContext"));
      }
      unsecured["@context"] = options["@context"];
    }
    var config = Object.assign({}, options, { "@context": unsecured["@context"] });
    var proofHash = await sha256Bytes(await canonical(config, say("msg.proofOptions")));
    var documentHash = await sha256Bytes(await canonical(unsecured, say("msg.theCredential")));
    var data = new Uint8Array(64);
    data.set(proofHash, 0);
    data.set(documentHash, 32);
    var publicKey;
    try {
      publicKey = await crypto.subtle.importKey("jwk", { kty: "OKP", crv: "Ed25519", x: key.jwk.x },
        { name: "Ed25519" }, false, ["verify"]);
    } catch (e) {
      var unsupported = new Error(say("msg.error.noEd25519", e.message));
      unsupported.unsupported = true;
      throw unsupported;
    }
    if (!(await crypto.subtle.verify({ name: "Ed25519" }, publicKey, signature, data))) {
      throw new Error(say("msg.error.diSignature", key.id));
    }
  }

  /* ---------- status, expiry, recipient ---------- */

  function expiry(doc, fromMember, untilMember, steps, now) {
    var from = doc[fromMember];
    var until = doc[untilMember];
    var fromTime = from === undefined ? NaN : Date.parse(from);
    var untilTime = until === undefined ? NaN : Date.parse(until);
    if ((from !== undefined && isNaN(fromTime)) || (until !== undefined && isNaN(untilTime))) {
      steps.fail("expiry", say("msg.expiry.notIso", isNaN(fromTime) ? from : until));
    } else if (!isNaN(fromTime) && now < fromTime) {
      steps.fail("expiry", say("msg.expiry.notYet", fromMember, from));
    } else if (!isNaN(untilTime) && now >= untilTime) {
      steps.fail("expiry", say("msg.expiry.expired", untilMember, until));
    } else {
      steps.pass("expiry", say("msg.expiry.valid", fromMember, from || say("msg.notGiven"),
        until ? say("msg.expiry.until", untilMember, until) : say("msg.expiry.none")));
    }
  }

  async function sha256Hex(text) {
    var hash = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
    return Array.prototype.map.call(hash, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }

  /** Compares the salted hashes with what the visitor typed; e-mail addresses in lower case. */
  async function recipient(given, identities, steps) {
    if (!given) {
      return;
    }
    var candidates = [given, given.toLowerCase(), "mailto:" + given.toLowerCase()];
    for (var i = 0; i < identities.length; i++) {
      var identity = identities[i];
      for (var j = 0; j < candidates.length; j++) {
        var value = String(identity.identity || "");
        var match;
        if (identity.hashed) {
          var m = /^sha256\$([0-9a-fA-F]{64})$/.exec(value);
          match = m && (await sha256Hex(candidates[j] + (identity.salt || ""))) === m[1].toLowerCase();
        } else {
          match = value === candidates[j];
        }
        if (match) {
          steps.pass("recipient", say(identity.hashed ? "msg.recipient.matchHashed" : "msg.recipient.match",
            identity.type || say("msg.recipient.identity")));
          return;
        }
      }
    }
    steps.fail("recipient", identities.length
      ? say("msg.recipient.noMatch")
      : say("msg.recipient.none"));
  }

  /** The issuer's Open Badges 2.0 RevocationList, as data.js carries it. */
  function ob2Status(id, issuer, steps, notRevoked) {
    if (!issuer || !issuer.revocationList) {
      steps.pass("status", notRevoked);
      return;
    }
    var list = own(DATA.revocationLists, issuer.revocationList);
    if (!list) {
      steps.fail("status", say("msg.status.unreadableList", issuer.revocationList));
      return;
    }
    var reason = own(list, id);
    if (reason !== undefined) {
      steps.fail("status", say("msg.status.revokedIn", reason || say("msg.noReason"), issuer.revocationList));
    } else {
      steps.pass("status", say("msg.status.notInList", issuer.revocationList));
    }
  }

  async function ob3Status(credential, steps) {
    var entries = items(credential.credentialStatus);
    if (!entries.length) {
      steps.pass("status", say("msg.status.noList"));
      return;
    }
    var passed = [];
    for (var i = 0; i < entries.length; i++) {
      var entry = entries[i];
      var type = items(entry && entry.type)[0];
      if (type === "BitstringStatusListEntry") {
        var url = entry.statusListCredential;
        var list = own(DATA.statusLists, url);
        var index = Number(entry.statusListIndex);
        if (!list) {
          steps.fail("status", say("msg.status.unknownStatusList", url));
          return;
        }
        if (!Number.isInteger(index) || index < 0) {
          steps.fail("status", say("msg.status.indexNotNumber", entry.statusListIndex));
          return;
        }
        var encoded = String(list.encodedList || "");
        var bits = await inflate(base64urlBytes(encoded.charAt(0) === "u" ? encoded.slice(1) : encoded), "gzip");
        if (index >= bits.length * 8) {
          steps.fail("status", say("msg.status.beyondEnd", index, url));
          return;
        }
        var set = (bits[index >> 3] >> (7 - (index & 7))) & 1;
        var purpose = entry.statusPurpose || list.statusPurpose;
        if (set && purpose === "revocation") {
          steps.fail("status", say("msg.status.entrySet", index, url));
          return;
        }
        passed.push(purpose === "revocation"
          ? say("msg.status.entryNotRevoked", index, url)
          : say("msg.status.entryNotSet", purpose, index, url));
      } else if (type === "1EdTechRevocationList") {
        var revocations = own(DATA.credentialRevocations, entry.id);
        if (!revocations) {
          steps.fail("status", say("msg.status.unknownRevocationList", entry.id));
          return;
        }
        var reason = own(revocations, credential.id);
        if (reason !== undefined) {
          steps.fail("status", say("msg.status.revokedIn", reason || say("msg.noReason"), entry.id));
          return;
        }
        passed.push(say("msg.status.notInList", entry.id));
      } else {
        steps.fail("status", say("msg.status.unknownType", type));
        return;
      }
    }
    steps.pass("status", passed.join("; "));
  }

  /* ---------- Open Badges 2.0 ---------- */

  function ob2Issuer(assertion, steps) {
    var badgeUrl = idOf(assertion.badge);
    var badge = own(DATA.badges, badgeUrl);
    if (!badge) {
      steps.fail("issuer and key", say("msg.issuer.unknownBadge", badgeUrl || say("msg.none")));
      return null;
    }
    var issuer = own(DATA.issuers, badge.issuer);
    if (!issuer) {
      steps.fail("issuer and key", say("msg.issuer.unknown", badge.issuer));
      return null;
    }
    return { url: badge.issuer, profile: issuer, badge: badge };
  }

  function revokedSteps(steps, reason) {
    steps.skip("proof", say("msg.skip.revoked"));
    steps.skip("issuer and key", say("msg.skip.revoked"));
    steps.fail("status", say("msg.status.revoked", reason));
    steps.skip("expiry", say("msg.skip.revoked"));
    steps.skip("recipient", say("msg.skip.revoked"));
  }

  function ob2Identities(assertion) {
    var r = assertion.recipient;
    return isObject(r) && r.identity !== undefined
      ? [{ identity: r.identity, hashed: r.hashed === true, salt: r.salt, type: r.type }]
      : [];
  }

  async function ob2Hosted(given, carrier, steps, ctx) {
    if (given.revoked === true) {
      steps.pass("format", say("msg.format.ob2RevokedForm") + carrier);
      revokedSteps(steps, given.revocationReason || say("msg.noReason"));
      return;
    }
    var kind = isObject(given.verification) ? given.verification.type : undefined;
    if (/^signed(badge)?$/i.test(kind || "")) {
      steps.pass("format", say("msg.format.ob2SignedBare") + carrier);
      steps.fail("proof", say("msg.proof.signedBare"));
      return;
    }
    steps.pass("format", say("msg.format.ob2Hosted") + carrier);
    var id = typeof given.id === "string" ? given.id : "";
    if (id.indexOf("https://") !== 0) {
      steps.fail("proof", say("msg.proof.hostedId", id));
      return;
    }
    for (var list in DATA.revocationLists) {
      var reason = own(own(DATA.revocationLists, list), id);
      if (reason !== undefined && id.indexOf(DATA.site.baseUrl) === 0) {
        revokedSteps(steps, say("msg.status.hostedRevoked", reason || say("msg.noReason"), id));
        return;
      }
    }
    var hosted = await hostedDigest(id);
    var issuer = ob2Issuer(given, steps);
    if (issuer) {
      ctx.summary = say("msg.summary", issuer.badge.name, issuer.profile.name);
    }
    if (hosted === undefined) {
      steps.fail("proof", id.indexOf(DATA.site.baseUrl) === 0
        ? say("msg.proof.notHosted", id)
        : say("msg.proof.hostedElsewhere", id, DATA.site.baseUrl));
      return;
    }
    if ((await digest(given)) !== hosted) {
      steps.fail("proof", say("msg.proof.changed", id));
      return;
    }
    if (!issuer) {
      steps.skip("proof", say("msg.skip.noPolicy"));
    } else {
      var startsWith = items(issuer.profile.startsWith);
      if (startsWith.length && !startsWith.some(function (s) { return id.indexOf(s) === 0; })) {
        steps.fail("proof", id + " is outside the issuer's verification.startsWith " + startsWith.join(", "));
        return;
      }
      steps.pass("proof", startsWith.length
        ? say("msg.proof.hostedWithin", id, startsWith.join(", "))
        : say("msg.proof.hosted", id));
      steps.pass("issuer and key", say("msg.issuer.hosted", issuer.url, issuer.profile.name));
    }
    ob2Status(id, issuer && issuer.profile, steps, say("msg.status.hostedCurrent"));
    expiry(given, "issuedOn", "expires", steps, ctx.now);
    await recipient(ctx.recipient, ob2Identities(given), steps);
  }

  async function ob2Signed(jws, header, assertion, steps, ctx) {
    var creator = isObject(assertion.verification) ? assertion.verification.creator : undefined;
    var issuer = ob2Issuer(assertion, steps);
    if (issuer) {
      ctx.summary = say("msg.summary", issuer.badge.name, issuer.profile.name);
    }
    if (typeof creator !== "string" || creator.indexOf("https://") !== 0) {
      steps.fail("proof", say("msg.proof.noCreator"));
      return;
    }
    var found = findKey(creator);
    if (!found.key) {
      steps.skip("proof", say("msg.skip.noKey"));
      steps.fail("issuer and key", found.problem);
      return;
    }
    try {
      await verifyJws(jws, header, found.key, ["RS256"]);
      steps.pass("proof", say("msg.proof.jws", header.alg, creator));
    } catch (e) {
      steps.fail("proof", e.message);
      return;
    }
    if (issuer) {
      var period = keyPeriod(found.key, assertion.issuedOn, "issuedOn", true);
      if (found.key.owner !== issuer.url) {
        steps.fail("issuer and key", say("msg.issuer.otherOwner", creator, found.key.owner || say("msg.nobody")));
      } else if (items(issuer.profile.publicKey).indexOf(creator) < 0) {
        steps.fail("issuer and key", say("msg.issuer.unlisted", issuer.url, creator));
      } else if (!period.ok) {
        steps.fail("issuer and key", period.text);
      } else {
        steps.pass("issuer and key", say("msg.issuer.owns", issuer.url, creator, period.text));
      }
    }
    ob2Status(assertion.id, issuer && issuer.profile, steps, say("msg.status.noRevocationList"));
    expiry(assertion, "issuedOn", "expires", steps, ctx.now);
    await recipient(ctx.recipient, ob2Identities(assertion), steps);
  }

  /* ---------- Open Badges 3.0 ---------- */

  function isCredential(doc) {
    return isObject(doc) && (items(doc.type).indexOf("VerifiableCredential") >= 0 ||
      items(doc["@context"]).indexOf("https://www.w3.org/ns/credentials/v2") >= 0);
  }

  /** A CLR 2.0 learner record: a credential that holds credentials. */
  function isClr(doc) {
    return isObject(doc) && items(doc.type).indexOf("ClrCredential") >= 0;
  }

  /** What the credential is, for the format step. */
  function credentialKind(credential) {
    return isClr(credential) ? say("msg.kind.clr") : say("msg.kind.ob3");
  }

  function credentialSummary(credential, ctx) {
    if (isClr(credential)) {
      var held = items(isObject(credential.credentialSubject) ? credential.credentialSubject.verifiableCredential : []);
      var records = say(held.length === 1 ? "msg.record.one" : "msg.record.other",
        credential.name || say("msg.record.unnamed"), held.length);
      ctx.summary = isObject(credential.issuer) && credential.issuer.name
        ? say("msg.summary", records, credential.issuer.name)
        : records;
      return;
    }
    var subject = isObject(credential.credentialSubject) ? credential.credentialSubject : {};
    var achievement = isObject(subject.achievement) ? subject.achievement : {};
    var issuer = isObject(credential.issuer) ? credential.issuer : {};
    var name = achievement.name || credential.name;
    if (name) {
      ctx.summary = issuer.name ? say("msg.summary", name, issuer.name) : name;
    }
  }

  /** The issuer must control the key: the site's data names the issuer id each key belongs to. */
  function ob3IssuerAndKey(credential, name, key, steps, signed, what) {
    var issuer = idOf(credential.issuer);
    var period = keyPeriod(key, signed, what);
    if (!issuer) {
      steps.fail("issuer and key", say("msg.issuer.noId"));
    } else if (key.controller !== issuer) {
      steps.fail("issuer and key", say("msg.issuer.otherController", name, key.controller || say("msg.noIssuer"), issuer));
    } else if (!period.ok) {
      steps.fail("issuer and key", period.text);
    } else {
      steps.pass("issuer and key", say("msg.issuer.controls", issuer, name, period.text));
    }
  }

  function ob3Identities(credential) {
    var subject = isObject(credential.credentialSubject) ? credential.credentialSubject : {};
    var identities = items(subject.identifier).filter(isObject).map(function (i) {
      return { identity: i.identityHash, hashed: i.hashed === true, salt: i.salt, type: i.identityType };
    });
    if (typeof subject.id === "string") {
      identities.push({ identity: subject.id, hashed: false, type: "id" });
    }
    return identities;
  }

  async function ob3Rest(credential, steps, ctx) {
    await ob3Status(credential, steps);
    expiry(credential, "validFrom", "validUntil", steps, ctx.now);
    await recipient(ctx.recipient, ob3Identities(credential), steps);
  }

  async function ob3Embedded(credential, carrier, steps, ctx) {
    steps.pass("format", say("msg.format.embeddedProof", credentialKind(credential)) + carrier);
    credentialSummary(credential, ctx);
    var proofs = items(credential.proof).filter(isObject);
    var proof = proofs.filter(function (p) { return p.cryptosuite === "eddsa-rdfc-2022"; })[0] || proofs[0];
    if (!proof || typeof proof.verificationMethod !== "string") {
      steps.fail("proof", say("msg.proof.noMethod"));
      return;
    }
    var method = proof.verificationMethod;
    var found = findKey(method);
    if (!found.key) {
      steps.skip("proof", say("msg.skip.noKey"));
      steps.fail("issuer and key", found.problem);
      return;
    }
    try {
      await verifyDataIntegrity(credential, proof, found.key, ctx.now);
      steps.pass("proof", say("msg.proof.dataIntegrity", method));
    } catch (e) {
      if (e.unsupported) {
        steps.skip("proof", say("msg.skip.because", e.message));
      } else {
        steps.fail("proof", e.message);
        return;
      }
    }
    if (proof.created !== undefined) {
      ob3IssuerAndKey(credential, method, found.key, steps, proof.created, "proof created");
    } else {
      ob3IssuerAndKey(credential, method, found.key, steps, credential.validFrom, "validFrom");
    }
    await ob3Rest(credential, steps, ctx);
  }

  async function ob3Jwt(jwt, header, payload, steps, ctx, carrier) {
    var credential = isObject(payload.vc) ? payload.vc : payload; // VCDM 1.1 nests it
    steps.pass("format", say("msg.format.vcJwt", credentialKind(credential)) + carrier);
    credentialSummary(credential, ctx);
    if (typeof header.kid !== "string") {
      steps.skip("proof", say("msg.skip.noKey"));
      steps.fail("issuer and key", header.jwk
        ? say("msg.issuer.ownKey")
        : say("msg.issuer.noKid"));
      return;
    }
    var found = findKey(header.kid);
    if (!found.key) {
      steps.skip("proof", say("msg.skip.noKey"));
      steps.fail("issuer and key", found.problem);
      return;
    }
    try {
      await verifyJws(jwt, header, found.key, ["RS256", "ES256"]);
      var claims = [];
      var subject = isObject(credential.credentialSubject) ? credential.credentialSubject : {};
      if (payload.iss !== idOf(credential.issuer)) claims.push("iss");
      if (payload.jti !== credential.id) claims.push("jti");
      if (subject.id !== undefined && payload.sub !== subject.id) claims.push("sub");
      if (payload.nbf !== Math.floor(Date.parse(credential.validFrom) / 1000)) claims.push("nbf");
      if (credential.validUntil !== undefined
        ? payload.exp !== Math.floor(Date.parse(credential.validUntil) / 1000)
        : payload.exp !== undefined) claims.push("exp");
      if (claims.length) {
        throw new Error(say("msg.error.claims", claims.join(", ")));
      }
      steps.pass("proof", say("msg.proof.vcJwt", header.alg, header.kid));
    } catch (e) {
      steps.fail("proof", e.message);
      return;
    }
    if (Number.isInteger(payload.iat)) {
      // iat says when it was signed: after a key rotation, later than the credential's validFrom.
      ob3IssuerAndKey(credential, header.kid, found.key, steps, new Date(payload.iat * 1000).toISOString(), "iat");
    } else {
      ob3IssuerAndKey(credential, header.kid, found.key, steps, credential.validFrom, "validFrom");
    }
    await ob3Rest(credential, steps, ctx);
  }

  /**
   * The credentials step of a learner record: each credential it holds verified on its own, as if
   * it had been given alone. The record's proof says only that its issuer put them together.
   */
  async function learnerRecord(record, steps, ctx) {
    var subject = isObject(record.credentialSubject) ? record.credentialSubject : {};
    var held = items(subject.verifiableCredential);
    ctx.credentials = [];
    if (!held.length) {
      steps.fail("credentials", say("msg.credentials.none"));
      return;
    }
    var failed = [];
    for (var i = 0; i < held.length; i++) {
      var inner = new Steps();
      var innerCtx = { now: ctx.now, recipient: ctx.recipient, summary: "" };
      try {
        if (typeof held[i] === "string" && COMPACT_JWS.test(held[i])) {
          await jws(held[i], "", inner, innerCtx);
        } else if (isClr(held[i])) {
          inner.fail("format", say("msg.format.nestedRecord"));
        } else if (isCredential(held[i])) {
          await ob3Embedded(held[i], "", inner, innerCtx);
        } else {
          inner.fail("format", say("msg.format.notCredential"));
        }
      } catch (e) {
        inner.fail("format", e.message || String(e));
      }
      var done = inner.done(!!ctx.recipient);
      var bad = done.filter(function (s) { return s.status !== "pass"; })[0];
      var name = innerCtx.summary || (isObject(held[i]) && held[i].name) || say("msg.credentials.unnamed");
      ctx.credentials.push({ index: i + 1, name: name, status: bad ? bad.status : "pass", steps: done });
      if (bad) {
        failed.push(say(bad.status === "fail" ? "msg.credentials.failed" : "msg.credentials.unchecked", i + 1,
          stepName(bad.step, true)));
      }
    }
    if (failed.length) {
      steps.fail("credentials", say("msg.credentials.some", held.length - failed.length, held.length, failed.join(", ")));
    } else {
      steps.pass("credentials", held.length === 1
        ? say("msg.credentials.one")
        : say("msg.credentials.all", held.length));
    }
  }

  /* ---------- what was given ---------- */

  async function jws(text, carrier, steps, ctx) {
    var parts = text.split(".");
    var header;
    var payload;
    try {
      header = JSON.parse(utf8(base64urlBytes(parts[0])));
      payload = JSON.parse(utf8(base64urlBytes(parts[1])));
    } catch (e) {
      steps.fail("format", say("msg.format.jwsNotJson") + carrier);
      return;
    }
    if (!isObject(header) || !isObject(payload)) {
      steps.fail("format", say("msg.format.jwsNotObject") + carrier);
    } else if (isCredential(payload) || isObject(payload.vc)) {
      await ob3Jwt(text, header, payload, steps, ctx, carrier);
      var credential = isObject(payload.vc) ? payload.vc : payload;
      if (isClr(credential)) {
        await learnerRecord(credential, steps, ctx);
      }
    } else {
      steps.pass("format", say("msg.format.ob2Signed") + carrier);
      await ob2Signed(text, header, payload, steps, ctx);
    }
  }

  async function payload(text, carrier, steps, ctx) {
    text = text.trim();
    if (COMPACT_JWS.test(text)) {
      await jws(text, carrier, steps, ctx);
      return;
    }
    if (text.charAt(0) !== "{") {
      steps.fail("format", (/^https?:\/\//.test(text)
        ? say("msg.format.url")
        : say("msg.format.unknown")) + carrier);
      return;
    }
    var doc;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      steps.fail("format", say("msg.format.badJson", e.message) + carrier);
      return;
    }
    if (!isObject(doc)) {
      steps.fail("format", say("msg.format.notObject") + carrier);
    } else if (isCredential(doc)) {
      await ob3Embedded(doc, carrier, steps, ctx);
      if (isClr(doc)) {
        await learnerRecord(doc, steps, ctx);
      }
    } else {
      await ob2Hosted(doc, carrier, steps, ctx);
    }
  }

  /** Verifies bytes (a file) or text (pasted); resolves to the steps, in order. */
  async function verify(input, recipientGiven) {
    var steps = new Steps();
    var ctx = { now: Date.now(), recipient: (recipientGiven || "").trim(), summary: "" };
    try {
      if (!DATA) {
        steps.fail("format", say("msg.format.noData"));
      } else if (input.bytes && isPdf(input.bytes)) {
        var files = await embeddedFiles(input.bytes);
        if (!files.length) {
          steps.fail("format", say("msg.format.emptyPdf"));
        } else {
          // One certificate, one badge: a second file would be a second, unrelated claim.
          await payload(utf8(files[0].bytes), say("msg.carrier.pdf", files[0].type) +
            (files.length > 1 ? say("msg.carrier.pdfMore", files.length - 1) : ""), steps, ctx);
        }
      } else if (input.bytes && isPng(input.bytes)) {
        var baked = await unbakePng(input.bytes);
        await unbaked(baked, "PNG", steps, ctx);
      } else {
        var text = input.bytes ? utf8(input.bytes) : input.text || "";
        if (/^\s*(<\?xml|<svg|<!--)/.test(text) && /<svg[\s>]/.test(text)) {
          await unbaked(unbakeSvg(text), "SVG", steps, ctx);
        } else if (!text.trim()) {
          steps.fail("format", say("msg.format.nothing"));
        } else {
          await payload(text, "", steps, ctx);
        }
      }
    } catch (e) {
      steps.fail("format", e.message || String(e));
    }
    return { steps: steps.done(!!ctx.recipient), summary: ctx.summary, credentials: ctx.credentials || [] };
  }

  async function unbaked(found, image, steps, ctx) {
    if (!found.length) {
      steps.fail("format", say("msg.format.notBaked", image));
    } else if (found.length > 1) {
      steps.fail("format", say("msg.format.manyBaked", image, found.length));
    } else if (found[0].urlOnly) {
      steps.fail("format", say("msg.format.urlOnly", image, found[0].text));
    } else {
      await payload(found[0].text, found[0].carrier, steps, ctx);
    }
  }

  /* ---------- the page ---------- */

  var LABELS = { pass: say("label.pass"), fail: say("label.fail"), skip: say("label.skip") };

  function show(result) {
    var section = document.getElementById("result");
    var list = document.getElementById("steps");
    var verdict = document.getElementById("verdict");
    var summary = document.getElementById("summary");
    list.textContent = "";
    result.steps.forEach(function (s) {
      var li = document.createElement("li");
      li.setAttribute("data-step", s.step);
      li.setAttribute("data-status", s.status);
      var status = document.createElement("span");
      status.className = "step-status";
      status.textContent = LABELS[s.status];
      var name = document.createElement("strong");
      name.textContent = stepName(s.step);
      var message = document.createElement("p");
      message.textContent = s.message;
      li.append(status, " ", name, message);
      list.appendChild(li);
    });
    var failed = result.steps.filter(function (s) { return s.status === "fail"; })[0];
    var open = result.steps.some(function (s) { return s.status === "skip"; });
    var outcome = failed ? "fail" : open ? "partial" : "pass";
    verdict.className = "verdict " + outcome;
    verdict.setAttribute("data-outcome", outcome);
    verdict.textContent = failed
      ? say("verdict.fail", stepName(failed.step, true))
      : open
        ? say("verdict.partial")
        : say("verdict.pass");
    summary.textContent = result.summary;
    summary.hidden = !result.summary;
    showCredentials(list, result.credentials || []);
    section.hidden = false;
    document.getElementById("result-heading").focus();
  }

  /** A learner record's credentials, each with its verdict and, unless it passed, its steps. */
  function showCredentials(list, credentials) {
    var old = document.getElementById("credentials");
    if (old) {
      old.remove();
    }
    if (!credentials.length) {
      return;
    }
    var box = document.createElement("ol");
    box.id = "credentials";
    box.className = "credentials";
    box.setAttribute("aria-label", say("credentials.label"));
    credentials.forEach(function (c) {
      var li = document.createElement("li");
      li.setAttribute("data-status", c.status);
      var status = document.createElement("span");
      status.className = "step-status";
      status.textContent = LABELS[c.status];
      var name = document.createElement("strong");
      name.textContent = say("credentials.item", c.index, c.name);
      li.append(status, " ", name);
      if (c.status !== "pass") {
        var steps = document.createElement("ul");
        c.steps.forEach(function (s) {
          var item = document.createElement("li");
          item.setAttribute("data-step", s.step);
          item.setAttribute("data-status", s.status);
          item.textContent = say("credentials.step", LABELS[s.status], stepName(s.step, true), s.message);
          steps.appendChild(item);
        });
        li.appendChild(steps);
      }
      box.appendChild(li);
    });
    list.after(box);
  }

  async function verifyFile(file) {
    var bytes = new Uint8Array(await file.arrayBuffer());
    show(await verify({ bytes: bytes, name: file.name }, recipientValue()));
  }

  function recipientValue() {
    return document.getElementById("recipient").value;
  }

  function start() {
    var form = document.getElementById("verify-form");
    var fileInput = document.getElementById("badge-file");
    var text = document.getElementById("badge-text");
    var zone = document.getElementById("drop-zone");
    fileInput.addEventListener("change", function () {
      if (fileInput.files.length) {
        text.value = "";
        verifyFile(fileInput.files[0]);
      }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (text.value.trim() || !fileInput.files.length) {
        verify({ text: text.value }, recipientValue()).then(show);
      } else {
        verifyFile(fileInput.files[0]);
      }
    });
    ["dragenter", "dragover"].forEach(function (type) {
      zone.addEventListener(type, function (event) {
        event.preventDefault();
        zone.classList.add("dragging");
      });
    });
    ["dragleave", "drop"].forEach(function (type) {
      zone.addEventListener(type, function () { zone.classList.remove("dragging"); });
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      var files = event.dataTransfer && event.dataTransfer.files;
      if (files && files.length) {
        text.value = "";
        verifyFile(files[0]);
      }
    });
  }

  window.badgesmithVerify = verify; // for scripted use and the browser tests
  start();
})();
