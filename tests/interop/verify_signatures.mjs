// Cross-checks the requests our C++ signer produces (ecs-sign-capture) against Alibaba
// Cloud's official JS SDK packages, pinned in package.json:
//   util: @alicloud/openapi-util  getRPCSignature() (V1) / getAuthorization() (V3)
//   core: @alicloud/openapi-core  utils getRPCSignature() / getAuthorization()
//   sdk:  @alicloud/openapi-core  Client.callApi() building the whole request itself from the
//         same inputs (timestamp and nonce pinned, the HTTP send intercepted), so the header
//         set, query and signature it would put on the wire are compared with ours.
//
// Usage: node verify_signatures.mjs --capture <ecs-sign-capture> | --json <file>
//                                   [--modules <dir holding node_modules>]
// Prints one line per case and "N passed, N failed"; exits non-zero on any mismatch.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

function option(name) {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}

const modulesDir = resolve(option('--modules') ?? dirname(fileURLToPath(import.meta.url)));
// The SDK packages are CommonJS; ESM ignores NODE_PATH, so resolve from the given folder.
const require = createRequire(join(modulesDir, 'package.json'));
const OpenApiUtil = require('@alicloud/openapi-util').default;
const OpenApiCore = require('@alicloud/openapi-core');
const CoreUtils = OpenApiCore.OpenApiUtil;
const { Config, OpenApiRequest, Params } = OpenApiCore.$OpenApiUtil;
// Client.doRequest() sends through $dara.doAction, a getter onto this module's export.
const daraCore = require('@darabonba/typescript/dist/core.js');

const ALGORITHM = 'ACS3-HMAC-SHA256';
const sha256Hex = (data) => createHash('sha256').update(data, 'utf8').digest('hex');

function loadCases() {
  const json = option('--json');
  if (json) return JSON.parse(readFileSync(json, 'utf8'));
  const capture = option('--capture');
  if (!capture) throw new Error('give --capture <ecs-sign-capture> or --json <file>');
  return JSON.parse(execFileSync(capture, { encoding: 'utf8' }));
}

// What a server sees: our query has no '+', so decodeURIComponent is the exact inverse.
function decodeQuery(url) {
  const query = new URL(url).search.slice(1);
  const params = {};
  if (!query) return params;
  for (const pair of query.split('&')) {
    const equals = pair.indexOf('=');
    params[decodeURIComponent(pair.slice(0, equals))] = decodeURIComponent(pair.slice(equals + 1));
  }
  return params;
}

// Our wire query must be byte for byte the SDK's canonical encoding of the same pairs.
function checkQueryEncoding(c, problems) {
  const query = new URL(c.url).search.slice(1);
  if (!query) return;
  for (const pair of query.split('&')) {
    const equals = pair.indexOf('=');
    const name = decodeURIComponent(pair.slice(0, equals));
    const value = decodeURIComponent(pair.slice(equals + 1));
    const sdk = `${OpenApiUtil.getEncodeParam(name)}=${OpenApiUtil.getEncodeParam(value)}`;
    if (sdk !== pair) problems.push(`query encoding: sdk ${sdk} != ours ${pair}`);
  }
}

// Runs the official client for one case and returns the request it would have sent.
async function sdkRequest(c) {
  const url = new URL(c.url);
  const realTimestamp = CoreUtils.getTimestamp;
  const realNonce = CoreUtils.getNonce;
  const realDoAction = daraCore.doAction;
  let sent;
  CoreUtils.getTimestamp = () => c.timestamp;
  CoreUtils.getNonce = () => c.nonce;
  daraCore.doAction = async (request) => {
    sent = request;
    return { statusCode: 200, headers: {}, body: null };
  };
  try {
    const client = new OpenApiCore.default(new Config({
      // A credential without providerName: the real static one makes the SDK also sign
      // "x-acs-credentials-provider: static_ak", a header we deliberately do not send.
      credential: {
        getCredential: async () => ({
          accessKeyId: c.accessKeyId, accessKeySecret: c.secret,
          securityToken: c.securityToken, type: c.securityToken ? 'sts' : 'access_key',
        }),
      },
      endpoint: url.host,
      protocol: url.protocol.replace(':', ''),
      signatureAlgorithm: c.signatureVersion === 'v1' ? 'v2' : undefined,
    }));
    const params = new Params({
      action: c.action, version: c.apiVersion, protocol: url.protocol.replace(':', ''),
      pathname: '/', method: c.method, authType: 'AK', style: 'RPC',
      reqBodyType: 'formData', bodyType: 'binary',
    });
    // The SDK defaults to Format=json; ours sends JSON, which the query may override.
    const query = c.signatureVersion === 'v1' ? { ...c.parameters, Format: 'JSON' } : c.parameters;
    await client.callApi(params, new OpenApiRequest({ query }), {});
  } finally {
    CoreUtils.getTimestamp = realTimestamp;
    CoreUtils.getNonce = realNonce;
    daraCore.doAction = realDoAction;
  }
  return sent;
}

function checkV1(c, sdk, problems) {
  const received = decodeQuery(c.url);
  const signature = received.Signature;
  delete received.Signature;
  const expected = {
    ...c.parameters, Action: c.action, Version: c.apiVersion, Format: 'JSON',
    AccessKeyId: c.accessKeyId, SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0',
    SignatureNonce: c.nonce, Timestamp: c.timestamp,
    ...(c.securityToken ? { SecurityToken: c.securityToken } : {}),
  };
  if (!isDeepStrictEqual(received, expected)) problems.push('query parameters differ from inputs');
  if (c.body !== '') problems.push('V1 body should be empty');
  const util = OpenApiUtil.getRPCSignature(received, c.method, c.secret);
  const core = CoreUtils.getRPCSignature(received, c.method, c.secret);
  if (util !== signature) problems.push(`util ${util} != ours ${signature}`);
  if (core !== signature) problems.push(`core ${core} != ours ${signature}`);
  const sdkQuery = { ...sdk.query };
  if (sdk.method !== c.method) problems.push(`sdk method ${sdk.method}`);
  if (sdkQuery.Signature !== signature) problems.push(`sdk ${sdkQuery.Signature} != ours ${signature}`);
  if (!isDeepStrictEqual(sdkQuery, { ...expected, Signature: signature })) {
    problems.push('sdk query parameters differ from ours');
  }
}

function checkV3(c, sdk, problems) {
  const received = decodeQuery(c.url);
  const headers = Object.fromEntries(c.headers);
  if (!isDeepStrictEqual(received, c.parameters)) problems.push('query parameters differ from inputs');
  const expectedHeaders = {
    host: new URL(c.url).host, 'x-acs-action': c.action, 'x-acs-version': c.apiVersion,
    'x-acs-date': c.timestamp, 'x-acs-signature-nonce': c.nonce,
    'x-acs-content-sha256': sha256Hex(c.body), accept: 'application/json',
    ...(c.securityToken
      ? { 'x-acs-accesskey-id': c.accessKeyId, 'x-acs-security-token': c.securityToken } : {}),
  };
  for (const [name, value] of Object.entries(expectedHeaders)) {
    if (headers[name] !== value) problems.push(`header ${name}: ${headers[name]} != ${value}`);
  }
  const ours = headers.authorization;
  const request = {
    pathname: '/', method: c.method, query: received,
    headers: Object.fromEntries(c.headers.filter(([name]) => name !== 'authorization')),
  };
  const payload = sha256Hex(c.body);
  const util = OpenApiUtil.getAuthorization(request, ALGORITHM, payload, c.accessKeyId, c.secret);
  const core = CoreUtils.getAuthorization(request, ALGORITHM, payload, c.accessKeyId, c.secret);
  if (util !== ours) problems.push(`util ${util} != ours ${ours}`);
  if (core !== ours) problems.push(`core ${core} != ours ${ours}`);
  if (sdk.method !== c.method) problems.push(`sdk method ${sdk.method}`);
  if (sdk.headers.Authorization !== ours) problems.push(`sdk ${sdk.headers.Authorization} != ours ${ours}`);
  for (const [name, value] of Object.entries(sdk.headers)) {
    const signed = name.startsWith('x-acs-') || name === 'host' || name === 'content-type';
    if (signed && headers[name] !== value) problems.push(`sdk header ${name}: ${value} != ${headers[name]}`);
  }
  if (!isDeepStrictEqual({ ...sdk.query }, received)) problems.push('sdk query differs from ours');
}

const cases = loadCases();
let passed = 0;
let failed = 0;
for (const c of cases) {
  const problems = [];
  try {
    const sdk = await sdkRequest(c);
    if (!sdk) throw new Error('the SDK client sent nothing');
    checkQueryEncoding(c, problems);
    (c.signatureVersion === 'v1' ? checkV1 : checkV3)(c, sdk, problems);
  } catch (error) {
    problems.push(`error: ${error.stack ?? error}`);
  }
  if (problems.length === 0) {
    passed += 1;
    console.log(`PASS ${c.name} (util, core, sdk)`);
  } else {
    failed += 1;
    console.log(`FAIL ${c.name}\n  ${problems.join('\n  ')}`);
  }
}
if (cases.length === 0) {
  failed += 1;
  console.log('FAIL no cases captured');
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
