// Interoperability proof: Alibaba Cloud's own Node.js SDK packages cannot tell the local
// emulator (ecs-emulator) from the ECS service for every action the app uses.
//
//   sdk-v3      @alicloud/ecs20140526 Client, default ACS3-HMAC-SHA256 (POST, query params)
//   sdk-v1      the same Client with signatureAlgorithm 'v2' (RPC HMAC-SHA1 V1)
//   sdk-v3-sts  the same Client with STS credentials (x-acs-security-token)
//   pop-get     @alicloud/pop-core RPCClient (V1, GET, parameters in the URL)
//   pop-post    @alicloud/pop-core RPCClient {method: 'POST'} (V1, form body)
//   (+ sdk-v1-sts and pop-post-sts: a smaller set, STS through the V1 paths)
//
// Each client calls every implemented action against the built-in "demo" scenario, finding
// the IDs through the Describe answers. Every success body must parse strictly into the
// SDK's own response model (each field known to the model, each value of the model's
// type), and model.toMap() must give back exactly what came over the wire; every error
// must arrive as the SDK's own error object (code, statusCode, data.RequestId, requestId).
//
// Usage: node emulator_sdk.mjs --emulator <ecs-emulator> [--modules <dir holding
//        node_modules>] [--timeout <seconds, default 120>] [--default-timing]
// (--default-timing keeps the emulator's own pacing instead of shortening it through
// PUT /admin/timing.)
// Prints "ok - ..." / "not ok - ..." per check, "# ..." diagnostics, and finally
// "N passed, N failed"; exits non-zero on any failure. The emulator is always stopped.

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

function option(name) {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}

const emulatorPath = option('--emulator');
const modulesDir = resolve(option('--modules') ?? dirname(fileURLToPath(import.meta.url)));
const runTimeoutMs = Number(option('--timeout') ?? 120) * 1000;
const POLL_TIMEOUT_MS = 30000;
const POLL_INTERVAL_MS = 200;

// ---------------------------------------------------------------------------------------
// Reporting and lifetime

let passed = 0;
let failed = 0;
let finished = false;
let emulator = null;
const emulatorStderr = [];

function report(ok, name, problems = []) {
  if (finished) return ok;
  if (ok) {
    passed += 1;
    console.log(`ok - ${name}`);
  } else {
    failed += 1;
    console.log(`not ok - ${name}`);
    for (const problem of problems) console.log(`#   ${String(problem).replace(/\n/g, '\n#   ')}`);
  }
  return ok;
}

const note = (text) => console.log(`# ${text}`);

function killEmulator(signal = 'SIGKILL') {
  if (emulator && emulator.exitCode === null && emulator.signalCode === null) {
    try {
      emulator.kill(signal);
    } catch {
      // already gone
    }
  }
}

function finish(exitCode) {
  if (finished) return;
  if (failed > 0 && emulatorStderr.length > 0) {
    note('last emulator stderr lines:');
    for (const line of emulatorStderr.slice(-20)) note(`  ${line}`);
  }
  finished = true;
  console.log(`${passed} passed, ${failed} failed`);
  killEmulator();
  process.exitCode = exitCode ?? (failed === 0 && passed > 0 ? 0 : 1);
}

process.on('exit', () => killEmulator());
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    report(false, `interrupted by ${signal}`);
    finish(1);
    process.exit(1);
  });
}
process.on('uncaughtException', (error) => {
  report(false, 'uncaught exception', [error?.stack ?? error]);
  finish(1);
  process.exit(1);
});
process.on('unhandledRejection', (error) => {
  report(false, 'unhandled rejection', [error?.stack ?? error]);
  finish(1);
  process.exit(1);
});
const runTimer = setTimeout(() => {
  report(false, `the whole run finished within ${runTimeoutMs / 1000} s`);
  finish(1);
  process.exit(1);
}, runTimeoutMs);

const sleep = (ms) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

// ---------------------------------------------------------------------------------------
// The SDK packages (CommonJS; ESM ignores NODE_PATH, so resolve from the given folder)

const require = createRequire(join(modulesDir, 'package.json'));
const Ecs = require('@alicloud/ecs20140526');
const EcsClient = Ecs.default;
const OpenApiCore = require('@alicloud/openapi-core');
const { Config } = OpenApiCore.$OpenApiUtil;
const RPCClient = require('@alicloud/pop-core').RPCClient;
const $dara = require('@darabonba/typescript');
// The Client sends through $dara.doAction, a getter onto this module's export: wrapping it
// lets us keep the raw body and headers the SDK parsed, without changing what it sees.
const daraCore = require('@darabonba/typescript/dist/core.js');

let lastWire = null;
const realDoAction = daraCore.doAction;
daraCore.doAction = async (request, runtime) => {
  const response = await realDoAction(request, runtime);
  const bytes = await $dara.Stream.readAsBytes(response.body);
  lastWire = {
    method: request.method, headers: response.headers, statusCode: response.statusCode,
    text: bytes.toString('utf8'),
  };
  response.body = new daraCore.BytesReadable(bytes);
  return response;
};

// ---------------------------------------------------------------------------------------
// Strict model checks

function typeName(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const isModelClass = (t) => typeof t === 'function' && typeof t.types === 'function'
  && typeof t.names === 'function';

// Every wire field must be one the model knows, with a value of the model's type (the
// SDK's cast() would silently turn "5" into 5 or "true" into true; the service does not
// send those, so neither may the emulator).
function strictProblems(value, type, path, problems) {
  if (type === undefined) {
    problems.push(`${path}: not in the SDK model (the SDK drops it)`);
    return;
  }
  if (value === null) {
    problems.push(`${path}: null`);
    return;
  }
  if (typeof type === 'string') {
    if (['any', 'map', 'Readable', 'Writable', 'Buffer'].includes(type)) return;
    if (typeName(value) !== type) problems.push(`${path}: expected ${type}, got ${typeName(value)} ${JSON.stringify(value)}`);
    return;
  }
  if (isModelClass(type)) {
    if (typeName(value) !== 'object') {
      problems.push(`${path}: expected an object (${type.name}), got ${typeName(value)}`);
      return;
    }
    const names = type.names();
    const types = type.types();
    const byWire = new Map(Object.entries(names).map(([field, wire]) => [wire, field]));
    for (const [wire, item] of Object.entries(value)) {
      const field = byWire.get(wire);
      strictProblems(item, field === undefined ? undefined : types[field], `${path}.${wire}`, problems);
    }
    return;
  }
  if (type && type.type === 'array') {
    if (!Array.isArray(value)) {
      problems.push(`${path}: expected an array, got ${typeName(value)}`);
      return;
    }
    value.forEach((item, i) => strictProblems(item, type.itemType, `${path}[${i}]`, problems));
    return;
  }
  if (type && type.type === 'map') {
    if (typeName(value) !== 'object') problems.push(`${path}: expected a map, got ${typeName(value)}`);
  }
}

function modelProblems(action, raw, model) {
  const problems = [];
  const Body = Ecs[`${action}ResponseBody`];
  if (!Body) return [`no ${action}ResponseBody in the SDK`];
  if (typeName(raw) !== 'object') return [`body is ${typeName(raw)}, not a JSON object`];
  strictProblems(raw, Body, action, problems);
  if (!(model instanceof Body)) problems.push(`body is not a ${action}ResponseBody: ${model?.castError ?? typeName(model)}`);
  else if (problems.length === 0 && !isDeepStrictEqual(model.toMap(), raw)) {
    problems.push(`toMap() does not round-trip: ${JSON.stringify(model.toMap())} != ${JSON.stringify(raw)}`);
  }
  if (typeof raw.RequestId !== 'string' || raw.RequestId === '') problems.push('RequestId missing or empty');
  return problems;
}

// ---------------------------------------------------------------------------------------
// Clients: one interface over the official Client and pop-core.
// call(action, wireParams) → { model, raw, statusCode, contentType } or throws NormalisedError

class CallFailed extends Error {
  constructor(normalised, original) {
    super(`${normalised.code}: ${normalised.message}`);
    this.normalised = normalised;
    this.original = original;
  }
}

const lowerFirst = (s) => s.charAt(0).toLowerCase() + s.slice(1);

// Wire-named parameters (RegionId, Disk: [{DiskId, SnapshotId}], InstanceId: [..]) into the
// field-named map the SDK's request model is built from.
function toFieldMap(wire, ModelClass) {
  const names = ModelClass.names();
  const types = ModelClass.types();
  const byWire = new Map(Object.entries(names).map(([field, w]) => [w, field]));
  const map = {};
  for (const [key, value] of Object.entries(wire)) {
    const field = byWire.get(key);
    if (field === undefined) throw new Error(`${ModelClass.name} has no parameter ${key}`);
    const type = types[field];
    if (type && type.type === 'array' && isModelClass(type.itemType)) {
      map[field] = value.map((item) => toFieldMap(item, type.itemType));
    } else {
      map[field] = value;
    }
  }
  return map;
}

function sdkClient(label, { endpoint, regionId, accessKeyId, accessKeySecret, securityToken, v1 }) {
  const client = new EcsClient(new Config({
    accessKeyId, accessKeySecret, securityToken, endpoint, regionId, protocol: 'HTTP',
    signatureAlgorithm: v1 ? 'v2' : undefined, readTimeout: 15000, connectTimeout: 5000,
  }));
  return {
    label,
    async call(action, params) {
      const Request = Ecs[`${action}Request`];
      const request = new Request(toFieldMap(params, Request));
      lastWire = null;
      let response;
      try {
        response = await client[lowerFirst(action)](request);
      } catch (error) {
        const problems = [];
        if (!(error instanceof OpenApiCore.ClientError || error instanceof OpenApiCore.ServerError
          || error instanceof OpenApiCore.ThrottlingError)) {
          problems.push(`not an SDK error object: ${error?.name}: ${error?.message}`
            + (lastWire ? ` (HTTP ${lastWire.statusCode}, body ${lastWire.text.slice(0, 300)})` : ''));
        }
        const data = error?.data ?? {};
        if (typeof error?.statusCode !== 'number') problems.push('error.statusCode is not a number');
        if (typeof data.RequestId !== 'string' || data.RequestId === '') problems.push('error.data.RequestId missing');
        if (error?.requestId !== data.RequestId) problems.push(`error.requestId ${error?.requestId} != data.RequestId ${data.RequestId}`);
        if (typeof data.Message !== 'string' || data.Message === '') problems.push('error.data.Message missing');
        if (typeof data.HostId !== 'string' || data.HostId === '') problems.push('error.data.HostId missing');
        if (typeof data.Recommend !== 'string' || data.Recommend === '') problems.push('error.data.Recommend missing');
        if (lastWire && !/^application\/json/i.test(lastWire.headers['content-type'] ?? '')) {
          problems.push(`error content-type ${lastWire.headers['content-type']}`);
        }
        throw new CallFailed({
          code: error?.code, statusCode: error?.statusCode, requestId: data.RequestId,
          message: data.Message ?? error?.message, problems,
        }, error);
      }
      let raw;
      try {
        raw = JSON.parse(lastWire?.text ?? 'null');
      } catch {
        raw = lastWire?.text;
      }
      return {
        model: response.body, raw, statusCode: response.statusCode,
        contentType: lastWire?.headers['content-type'],
      };
    },
  };
}

function popClient(label, { endpoint, accessKeyId, accessKeySecret, securityToken, post }) {
  const client = new RPCClient({
    endpoint: `http://${endpoint}`, apiVersion: '2014-05-26',
    accessKeyId, accessKeySecret, securityToken,
  }, true);
  return {
    label,
    async call(action, params) {
      let json;
      let entry;
      const opts = { timeout: 15000, ...(post ? { method: 'POST' } : {}) };
      try {
        [json, entry] = await client.request(action, params, opts);
      } catch (error) {
        const problems = [];
        const data = error?.data;
        if (!data || typeof error.code !== 'string') {
          problems.push(`pop-core did not see a service error: ${error?.name}: ${error?.message}`);
        }
        const statusCode = error?.entry?.response?.statusCode;
        if (data && (typeof data.RequestId !== 'string' || data.RequestId === '')) problems.push('error.data.RequestId missing');
        if (data && (typeof data.Message !== 'string' || data.Message === '')) problems.push('error.data.Message missing');
        if (data && (typeof data.HostId !== 'string' || data.HostId === '')) problems.push('error.data.HostId missing');
        if (data && (typeof data.Recommend !== 'string' || data.Recommend === '')) problems.push('error.data.Recommend missing');
        throw new CallFailed({
          code: error?.code, statusCode, requestId: data?.RequestId,
          message: data?.Message ?? error?.message, problems,
        }, error);
      }
      // pop-core parses with json-bigint into prototype-less objects, which the SDK's
      // cast() refuses; plain JSON holds the same values.
      json = JSON.parse(JSON.stringify(json));
      const Body = Ecs[`${action}ResponseBody`];
      let model;
      try {
        model = $dara.cast(json, new Body({}));
      } catch (error) {
        model = { castError: String(error) };
      }
      return {
        model, raw: json, statusCode: entry.response.statusCode,
        contentType: entry.response.headers['content-type'],
      };
    },
  };
}

// ---------------------------------------------------------------------------------------
// Checks

// A successful call whose body passes the strict model checks; returns the model or null.
async function expectSuccess(client, action, params, what = '') {
  const name = `${client.label} ${action}${what ? ` (${what})` : ''}`;
  let result;
  try {
    result = await client.call(action, params);
  } catch (error) {
    if (error instanceof CallFailed) {
      report(false, `${name} succeeds`, [`HTTP ${error.normalised.statusCode} ${error.normalised.code}: ${error.normalised.message}`, ...error.normalised.problems]);
    } else {
      report(false, `${name} succeeds`, [error?.stack ?? error]);
    }
    return null;
  }
  const problems = modelProblems(action, result.raw, result.model);
  if (result.statusCode !== 200) problems.push(`HTTP status ${result.statusCode}`);
  if (!/^application\/json/i.test(result.contentType ?? '')) problems.push(`content-type ${result.contentType}`);
  report(problems.length === 0, `${name} parses into ${action}ResponseBody`, problems);
  return result.model;
}

// A call that must fail with the given code and HTTP status, as an SDK error object.
async function expectError(client, action, params, code, statusCode, what) {
  const name = `${client.label} ${action} ${what} -> ${statusCode} ${code}`;
  try {
    await client.call(action, params);
  } catch (error) {
    if (!(error instanceof CallFailed)) return report(false, name, [error?.stack ?? error]);
    const n = error.normalised;
    const problems = [...n.problems];
    if (code !== undefined && n.code !== code) problems.push(`code ${n.code}, expected ${code} (${n.message})`);
    if (statusCode !== undefined && n.statusCode !== statusCode) problems.push(`HTTP ${n.statusCode}, expected ${statusCode}`);
    return report(problems.length === 0, name, problems);
  }
  return report(false, name, ['the call succeeded']);
}

function expect(name, condition, problem) {
  return report(Boolean(condition), name, condition ? [] : [problem]);
}

const items = (wrapper, key) => (wrapper && Array.isArray(wrapper[key]) ? wrapper[key] : []);

async function pollUntil(describe, predicate, what) {
  const deadline = Date.now() + POLL_TIMEOUT_MS;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await describe();
      if (predicate(last)) return { ok: true, last };
    } catch (error) {
      last = error instanceof CallFailed ? `${error.normalised.code}: ${error.normalised.message}` : String(error);
    }
    await sleep(POLL_INTERVAL_MS);
  }
  return { ok: false, last, what };
}

async function instanceStatuses(client, regionId, ids) {
  const result = await client.call('DescribeInstanceStatus', { RegionId: regionId, InstanceId: ids, PageSize: 50 });
  return new Map(items(result.model.instanceStatuses, 'instanceStatus').map((s) => [s.instanceId, s.status]));
}

async function diskStatuses(client, regionId, ids) {
  const result = await client.call('DescribeDisks', { RegionId: regionId, DiskIds: JSON.stringify(ids), MaxResults: 100 });
  return new Map(items(result.model.disks, 'disk').map((d) => [d.diskId, d.status]));
}

async function waitInstance(client, regionId, id, status) {
  const r = await pollUntil(() => instanceStatuses(client, regionId, [id]), (m) => m.get(id) === status);
  const last = r.last instanceof Map ? r.last.get(id) : r.last;
  return report(r.ok, `${client.label} instance ${id} reaches ${status}`, [`still ${last} after ${POLL_TIMEOUT_MS / 1000} s`]);
}

async function waitDisks(client, regionId, ids, label) {
  const r = await pollUntil(() => diskStatuses(client, regionId, ids),
    (m) => ids.every((id) => m.get(id) === 'In_use'));
  const last = r.last instanceof Map ? JSON.stringify(Object.fromEntries(r.last)) : r.last;
  return report(r.ok, `${client.label} disks ${label} back to In_use`, [`last: ${last}`]);
}

// Walks the demo world through this client's Describe answers.
async function discover(client, regionHint) {
  const regionsModel = await expectSuccess(client, 'DescribeRegions', {});
  const regions = items(regionsModel?.regions, 'region');
  expect(`${client.label} DescribeRegions lists regions`, regions.length > 0
    && regions.every((r) => typeof r.regionId === 'string' && r.regionId && typeof r.regionEndpoint === 'string'),
  `regions: ${JSON.stringify(regionsModel?.toMap?.())}`);
  if (regionHint) {
    expect(`${client.label} DescribeRegions includes ${regionHint}`, regions.some((r) => r.regionId === regionHint),
      `not among ${regions.map((r) => r.regionId).join(', ')}`);
  }

  // The demo region: the one holding instances (the hint first).
  let regionId = null;
  let instances = [];
  const order = [...new Set([regionHint, ...regions.map((r) => r.regionId)].filter(Boolean))];
  for (const candidate of order) {
    let result;
    try {
      result = await client.call('DescribeInstances', { RegionId: candidate, MaxResults: 100 });
    } catch {
      continue;
    }
    const list = items(result.model.instances, 'instance');
    if (list.length > 0) {
      regionId = candidate;
      break;
    }
  }
  if (!expect(`${client.label} finds the demo region through DescribeInstances`, regionId, 'no region has instances')) return null;

  const instancesModel = await expectSuccess(client, 'DescribeInstances', { RegionId: regionId, MaxResults: 100 }, regionId);
  instances = items(instancesModel?.instances, 'instance');
  expect(`${client.label} DescribeInstances: each instance has InstanceId i-*, RegionId, Status`,
    instances.length > 0 && instances.every((i) => /^i-/.test(i.instanceId) && i.regionId === regionId
      && ['Pending', 'Running', 'Starting', 'Stopping', 'Stopped'].includes(i.status)),
    JSON.stringify(instances.map((i) => [i.instanceId, i.regionId, i.status])));

  const groupsModel = await expectSuccess(client, 'DescribeSnapshotGroups', { RegionId: regionId, MaxResults: 100 });
  const groups = items(groupsModel?.snapshotGroups, 'snapshotGroup');
  const first = groups[0]?.snapshots?.snapshot?.[0];
  expect(`${client.label} DescribeSnapshotGroups: snapshotGroups.snapshotGroup[0].snapshots.snapshot[0].sourceDiskId is a string`,
    typeof first?.sourceDiskId === 'string' && first.sourceDiskId !== '', JSON.stringify(groupsModel?.toMap?.()).slice(0, 400));

  const snapshotsModel = await expectSuccess(client, 'DescribeSnapshots', { RegionId: regionId, MaxResults: 100 });
  const snapshots = items(snapshotsModel?.snapshots, 'snapshot');
  expect(`${client.label} DescribeSnapshots lists the group members as snapshots`,
    groups.flatMap((g) => items(g.snapshots, 'snapshot')).every((m) => snapshots.some((s) => s.snapshotId === m.snapshotId)),
    `snapshots: ${snapshots.map((s) => s.snapshotId).join(', ')}`);

  // Per instance: its disks, and whether one of its groups can roll all of them back.
  const world = { regionId, instances, groups, disksOf: new Map() };
  for (const instance of instances) {
    const disksModel = await expectSuccess(client, 'DescribeDisks',
      { RegionId: regionId, InstanceId: instance.instanceId, MaxResults: 100 }, instance.instanceId);
    const disks = items(disksModel?.disks, 'disk');
    world.disksOf.set(instance.instanceId, disks);
    expect(`${client.label} DescribeDisks InstanceId=${instance.instanceId} returns only its disks`,
      disks.every((d) => d.instanceId === instance.instanceId && /^d-/.test(d.diskId)),
      JSON.stringify(disks.map((d) => [d.diskId, d.instanceId])));
  }

  const locked = (i) => items(i.operationLocks, 'lockReason').length > 0;
  // CreateSnapshotGroup takes ESSD-family disks only: prefer such a running instance.
  const essdOnly = (i) => (world.disksOf.get(i.instanceId) ?? []).every((d) => /^cloud_(essd|auto)/.test(d.category ?? ''));
  const usableGroup = (instance) => {
    const disks = world.disksOf.get(instance.instanceId) ?? [];
    return groups.find((g) => g.instanceId === instance.instanceId && g.status === 'accomplished'
      && items(g.snapshots, 'snapshot').length > 0 && items(g.snapshots, 'snapshot').length <= 10
      && items(g.snapshots, 'snapshot').every((s) => s.available === true
        && disks.some((d) => d.diskId === s.sourceDiskId && d.status === 'In_use')));
  };
  const runningCandidates = instances.filter((i) => i.status === 'Running' && !locked(i)
    && (world.disksOf.get(i.instanceId) ?? []).length > 0);
  world.running = runningCandidates.find(essdOnly) ?? runningCandidates[0];
  // A client sees what the service refuses from the answers: local disks (category),
  // subscriptions past their ExpiredTime, encrypted snapshots onto plain disks.
  const expired = (i) => i.instanceChargeType === 'PrePaid' && i.expiredTime
    && Date.parse(i.expiredTime) < Date.now();
  const plainSnapshots = async (instance) => {
    const ids = items(usableGroup(instance).snapshots, 'snapshot').map((s) => s.snapshotId);
    const model = await expectSuccess(client, 'DescribeSnapshots',
      { RegionId: regionId, SnapshotIds: JSON.stringify(ids) }, `snapshots of ${instance.instanceId}`);
    return items(model?.snapshots, 'snapshot').every((s) => s.encrypted !== true);
  };
  const healthy = [];
  for (const i of instances) {
    if (!locked(i) && !expired(i) && usableGroup(i) && essdOnly(i) && await plainSnapshots(i)) healthy.push(i);
  }
  world.stoppedHealthy = healthy.find((i) => i.status === 'Stopped' && i.stoppedMode === 'KeepCharging')
    ?? healthy.find((i) => i.status === 'Stopped');
  world.healthy = world.stoppedHealthy ?? healthy.find((i) => i === world.running);
  if (world.healthy) world.healthyGroup = usableGroup(world.healthy);
  note(`${client.label}: region ${regionId}, ${instances.length} instances, ${groups.length} groups; `
    + `running ${world.running?.instanceId}, healthy ${world.healthy?.instanceId} (${world.healthy?.status}), `
    + `group ${world.healthyGroup?.snapshotGroupId}`);
  return world;
}

async function pagingChecks(client, regionId, world) {
  const snapshotIds = async (params) => {
    const ids = [];
    let token;
    for (let page = 0; page < 50; page += 1) {
      const model = await expectSuccess(client, 'DescribeSnapshots',
        { RegionId: regionId, ...params, ...(token ? { NextToken: token } : {}) }, `page ${page + 1}`);
      if (!model) return null;
      const list = items(model.snapshots, 'snapshot');
      if (list.length > params.MaxResults) return [`page ${page + 1} has ${list.length} > MaxResults`];
      ids.push(...list.map((s) => s.snapshotId));
      token = model.nextToken;
      if (!token) return ids;
    }
    return ['more than 50 pages'];
  };
  const all = await snapshotIds({ MaxResults: 100 });
  const paged = await snapshotIds({ MaxResults: 4 });
  expect(`${client.label} DescribeSnapshots NextToken pages of 4 give the same snapshots as one page`,
    all && paged && all.length > 4 && isDeepStrictEqual([...paged].sort(), [...all].sort()),
    `one page ${JSON.stringify(all)}, pages ${JSON.stringify(paged)}`);

  const ids = world.instances.map((i) => i.instanceId);
  const seen = [];
  let total;
  for (let page = 1; page <= 20; page += 1) {
    const model = await expectSuccess(client, 'DescribeInstanceStatus',
      { RegionId: regionId, PageNumber: page, PageSize: 2 }, `PageNumber ${page}, PageSize 2`);
    if (!model) break;
    total = model.totalCount;
    const list = items(model.instanceStatuses, 'instanceStatus');
    seen.push(...list.map((s) => s.instanceId));
    if (list.length < 2 || seen.length >= total) break;
  }
  expect(`${client.label} DescribeInstanceStatus PageNumber/PageSize walk lists every instance once`,
    total === ids.length && isDeepStrictEqual([...seen].sort(), [...ids].sort()),
    `TotalCount ${total}, seen ${JSON.stringify(seen)}, expected ${JSON.stringify(ids)}`);
}

async function fullSuite(client, regionHint) {
  const world = await discover(client, regionHint);
  if (!world) return;
  const { regionId } = world;
  if (!expect(`${client.label} demo has a Running instance with disks`, world.running, 'none found')) return;
  if (!expect(`${client.label} demo has an unlocked instance with an accomplished instance snapshot of its current disks`,
    world.healthy, 'none found')) return;
  const running = world.running.instanceId;
  const healthy = world.healthy.instanceId;
  const pairs = items(world.healthyGroup.snapshots, 'snapshot').map((s) => ({ DiskId: s.sourceDiskId, SnapshotId: s.snapshotId }));
  const pairDisks = pairs.map((p) => p.DiskId);

  // DescribeInstances with the InstanceIds JSON-array filter.
  const oneModel = await expectSuccess(client, 'DescribeInstances',
    { RegionId: regionId, InstanceIds: JSON.stringify([running]) }, 'InstanceIds filter');
  const one = items(oneModel?.instances, 'instance');
  expect(`${client.label} DescribeInstances InstanceIds=["${running}"] returns exactly it`,
    one.length === 1 && one[0].instanceId === running, JSON.stringify(one.map((i) => i.instanceId)));

  // DescribeInstanceStatus with InstanceId.N.
  const statusModel = await expectSuccess(client, 'DescribeInstanceStatus',
    { RegionId: regionId, InstanceId: [...new Set([running, healthy])] });
  const statuses = items(statusModel?.instanceStatuses, 'instanceStatus');
  expect(`${client.label} DescribeInstanceStatus agrees with DescribeInstances`,
    statuses.length === new Set([running, healthy]).size
      && statuses.every((s) => s.status === world.instances.find((i) => i.instanceId === s.instanceId)?.status),
    JSON.stringify(statuses.map((s) => [s.instanceId, s.status])));

  // DescribeSnapshots of one disk, DescribeDisks by DiskIds.
  const snapsModel = await expectSuccess(client, 'DescribeSnapshots', { RegionId: regionId, DiskId: pairDisks[0] }, `DiskId=${pairDisks[0]}`);
  expect(`${client.label} DescribeSnapshots DiskId=${pairDisks[0]} returns only its snapshots`,
    items(snapsModel?.snapshots, 'snapshot').length > 0
      && items(snapsModel?.snapshots, 'snapshot').every((s) => s.sourceDiskId === pairDisks[0]),
    JSON.stringify(items(snapsModel?.snapshots, 'snapshot').map((s) => [s.snapshotId, s.sourceDiskId])));
  const byIdsModel = await expectSuccess(client, 'DescribeDisks', { RegionId: regionId, DiskIds: JSON.stringify(pairDisks) }, 'DiskIds filter');
  expect(`${client.label} DescribeDisks DiskIds returns exactly those disks`,
    isDeepStrictEqual(items(byIdsModel?.disks, 'disk').map((d) => d.diskId).sort(), [...pairDisks].sort()),
    JSON.stringify(items(byIdsModel?.disks, 'disk').map((d) => d.diskId)));

  // Paging as the app walks it: NextToken/MaxResults and PageNumber/PageSize.
  await pagingChecks(client, regionId, world);
  await expectError(client, 'DescribeInstances', { RegionId: 'xx-nowhere-1' }, 'InvalidRegionId.NotFound', 404,
    'in an unknown region');
  await expectError(client, 'DescribeDisks', {}, 'MissingParameter', 400, 'without RegionId');

  // CreateSnapshotGroup on the running instance, then delete that group.
  const createModel = await expectSuccess(client, 'CreateSnapshotGroup',
    { RegionId: regionId, InstanceId: running, Name: `interop-${client.label}`, Description: 'created by emulator_sdk.mjs' });
  const groupId = createModel?.snapshotGroupId;
  if (expect(`${client.label} CreateSnapshotGroup returns SnapshotGroupId ssg-*`, /^ssg-/.test(groupId ?? ''), `got ${groupId}`)) {
    const describeGroup = async () => items((await client.call('DescribeSnapshotGroups',
      { RegionId: regionId, SnapshotGroupId: [groupId] })).model.snapshotGroups, 'snapshotGroup');
    const r = await pollUntil(describeGroup, (list) => list.length === 1 && list[0].status === 'accomplished');
    const group = Array.isArray(r.last) ? r.last[0] : undefined;
    report(r.ok, `${client.label} created group ${groupId} reaches accomplished`, [`last: ${JSON.stringify(group?.toMap?.() ?? r.last)}`]);
    const runningDisks = (world.disksOf.get(running) ?? []).map((d) => d.diskId).sort();
    expect(`${client.label} created group holds one snapshot per disk of ${running}`,
      group && group.instanceId === running
        && isDeepStrictEqual(items(group.snapshots, 'snapshot').map((s) => s.sourceDiskId).sort(), runningDisks),
      `group ${JSON.stringify(group?.toMap?.())}, disks ${runningDisks}`);
    await expectSuccess(client, 'DescribeSnapshotGroups', { RegionId: regionId, SnapshotGroupId: [groupId] }, 'SnapshotGroupId.1 filter');

    // A service error through the SDK: rolling back the disks of a Running instance.
    const newPairs = items(group?.snapshots, 'snapshot').map((m) => ({ DiskId: m.sourceDiskId, SnapshotId: m.snapshotId }));
    if (newPairs.length > 0) {
      await expectError(client, 'ResetDisks', { RegionId: regionId, Disk: newPairs }, 'IncorrectInstanceStatus', 403,
        `on Running ${running}`);
      await expectError(client, 'ResetDisk', newPairs[0], 'IncorrectInstanceStatus', 403, `on a disk of Running ${running}`);
    }

    const deleteModel = await expectSuccess(client, 'DeleteSnapshotGroup', { RegionId: regionId, SnapshotGroupId: groupId });
    const progress = items(deleteModel?.operationProgressSet, 'operationProgress');
    expect(`${client.label} DeleteSnapshotGroup reports Success per snapshot`,
      progress.length > 0 && progress.every((p) => p.operationStatus === 'Success'
        && items(p.relatedItemSet, 'relatedItem').some((i) => i.name === 'SnapshotId' && /^s-/.test(i.value ?? ''))),
      JSON.stringify(deleteModel?.toMap?.()));
    const gone = await pollUntil(describeGroup, (list) => list.length === 0);
    report(gone.ok, `${client.label} deleted group ${groupId} is gone`, [`last: ${JSON.stringify(gone.last?.map?.((g) => g.toMap()) ?? gone.last)}`]);
  }

  await expectError(client, 'StartInstance', { InstanceId: running }, 'IncorrectInstanceStatus', 403, `on Running ${running}`);

  // StopInstance (KeepCharging) and wait for Stopped.
  await expectSuccess(client, 'StopInstance', { InstanceId: running, StoppedMode: 'KeepCharging' }, running);
  const stopped = await waitInstance(client, regionId, running, 'Stopped');
  if (stopped) {
    const afterModel = await expectSuccess(client, 'DescribeInstances',
      { RegionId: regionId, InstanceIds: JSON.stringify([running]) }, 'after StopInstance');
    const after = items(afterModel?.instances, 'instance')[0];
    expect(`${client.label} ${running} is Stopped with StoppedMode KeepCharging`,
      after?.status === 'Stopped' && after?.stoppedMode === 'KeepCharging',
      `status ${after?.status}, stoppedMode ${after?.stoppedMode}`);
  }

  // ResetDisks: dry run, then for real, on the healthy stopped instance.
  const stateBefore = await diskStatuses(client, regionId, pairDisks).catch(() => null);
  await expectError(client, 'ResetDisks', { RegionId: regionId, Disk: pairs, DryRun: true }, 'DryRunOperation', 400,
    `DryRun on ${healthy}`);
  const stateAfter = await diskStatuses(client, regionId, pairDisks).catch(() => null);
  expect(`${client.label} ResetDisks DryRun changed no disk`, stateBefore && isDeepStrictEqual(stateBefore, stateAfter),
    `before ${JSON.stringify(stateBefore && Object.fromEntries(stateBefore))}, after ${JSON.stringify(stateAfter && Object.fromEntries(stateAfter))}`);
  const resetModel = await expectSuccess(client, 'ResetDisks', { RegionId: regionId, Disk: pairs }, `${pairs.length} disks of ${healthy}`);
  if (resetModel) {
    const progress = items(resetModel.operationProgressSet, 'operationProgress');
    const related = progress.flatMap((p) => items(p.relatedItemSet, 'relatedItem'));
    expect(`${client.label} ResetDisks reports Success naming each disk and snapshot`,
      progress.length > 0 && progress.every((p) => p.operationStatus === 'Success')
        && pairs.every((p) => related.some((i) => i.name === 'DiskId' && i.value === p.DiskId)
          && related.some((i) => i.name === 'SnapshotId' && i.value === p.SnapshotId)),
      JSON.stringify(resetModel.toMap()));
    await waitDisks(client, regionId, pairDisks, pairDisks.join(','));
  }

  // ResetDisk: dry run and for real, one disk.
  const single = pairs[0];
  await expectError(client, 'ResetDisk', { ...single, DryRun: true }, 'DryRunOperation', 400, `DryRun on ${single.DiskId}`);
  await expectSuccess(client, 'ResetDisk', single, `${single.DiskId} from ${single.SnapshotId}`);
  await waitDisks(client, regionId, [single.DiskId], `${single.DiskId} (after ResetDisk)`);

  // StartInstance once Stopped, wait for Running.
  if (stopped) {
    await expectSuccess(client, 'StartInstance', { InstanceId: running }, running);
    await waitInstance(client, regionId, running, 'Running');
  }
}

// A smaller set for the other STS paths: a read, a dry run and a signed mutation's errors.
async function smallSuite(client, regionId) {
  await expectSuccess(client, 'DescribeRegions', {});
  const model = await expectSuccess(client, 'DescribeInstances', { RegionId: regionId }, regionId);
  const instance = items(model?.instances, 'instance').find((i) => i.status === 'Running');
  if (instance) {
    await expectError(client, 'StopInstance', { InstanceId: instance.instanceId, DryRun: true }, 'DryRunOperation', 400,
      `DryRun on ${instance.instanceId}`);
  }
}

// ECS answers a wrong V1 (HMAC-SHA1) signature with IncompleteSignature and a wrong V3
// (ACS3-HMAC-SHA256) one with SignatureDoesNotMatch (ERROR-CODES.md, gateway codes).
function mismatchCode(label) {
  return label.startsWith('sdk-v3') ? 'SignatureDoesNotMatch' : 'IncompleteSignature';
}

async function authSuite(make, base, label) {
  const wrongSecret = make(`${label}`, { ...base, accessKeySecret: `${base.accessKeySecret}x` });
  const code = mismatchCode(label);
  await expectError(wrongSecret, 'DescribeRegions', {}, code, 400, 'signed with a wrong secret');
  await expectError(wrongSecret, 'DescribeInstances', { RegionId: base.regionId }, code, 400, 'signed with a wrong secret');
  const unknownKey = make(`${label}`, { ...base, accessKeyId: `LTAI${randomBytes(8).toString('hex')}` });
  await expectError(unknownKey, 'DescribeRegions', {}, 'InvalidAccessKeyId.NotFound', 404, 'with an unknown AccessKeyId');
}

async function stsAuthSuite(make, base, label) {
  const wrongToken = make(label, { ...base, securityToken: `${base.securityToken}x` });
  try {
    await wrongToken.call('DescribeRegions', {});
    report(false, `${label} DescribeRegions with a wrong STS token is rejected`, ['the call succeeded']);
  } catch (error) {
    const n = error.normalised ?? {};
    report(error instanceof CallFailed && n.statusCode >= 400 && n.statusCode < 500,
      `${label} DescribeRegions with a wrong STS token is rejected (${n.statusCode} ${n.code})`, [String(error)]);
  }
  const wrongSecret = make(label, { ...base, accessKeySecret: `${base.accessKeySecret}x` });
  await expectError(wrongSecret, 'DescribeRegions', {}, mismatchCode(label), 400, 'STS signed with a wrong secret');
}

// ---------------------------------------------------------------------------------------
// The emulator process

function startEmulator(keys) {
  const args = ['--listen', '127.0.0.1:0', '--scenario', 'demo'];
  for (const key of keys) args.push('--access-key', key);
  emulator = spawn(emulatorPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  createInterface({ input: emulator.stderr }).on('line', (line) => {
    emulatorStderr.push(line);
    if (emulatorStderr.length > 200) emulatorStderr.shift();
  });
  return new Promise((resolveUrl, rejectUrl) => {
    const timer = setTimeout(() => rejectUrl(new Error('no "listening on" line within 20 s')), 20000);
    emulator.on('error', (error) => {
      clearTimeout(timer);
      rejectUrl(error);
    });
    emulator.on('exit', (code, signal) => {
      clearTimeout(timer);
      rejectUrl(new Error(`exited (code ${code}, signal ${signal}) before listening`));
    });
    createInterface({ input: emulator.stdout }).on('line', (line) => {
      const match = /^ecs-emulator listening on (http:\/\/127\.0\.0\.1:\d+)\/?$/.exec(line.trim());
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      } else {
        note(`emulator stdout: ${line}`);
      }
    });
  });
}

async function stopEmulator() {
  if (!emulator || emulator.exitCode !== null || emulator.signalCode !== null) {
    return report(false, 'emulator still running at the end', [`exit code ${emulator?.exitCode}, signal ${emulator?.signalCode}`]);
  }
  const exited = new Promise((resolveExit) => emulator.once('exit', (code, signal) => resolveExit({ code, signal })));
  emulator.kill('SIGTERM');
  const result = await Promise.race([exited, sleep(5000).then(() => null)]);
  return report(result !== null && (result.code === 0 || result.signal === 'SIGTERM'), 'emulator stops on SIGTERM within 5 s',
    [`result ${JSON.stringify(result)}`]);
}

async function admin(url, method, path, body) {
  const response = await fetch(`${url}${path}`, {
    method, signal: AbortSignal.timeout(10000),
    ...(body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
  });
  const text = await response.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // reported below
  }
  return { status: response.status, json, text };
}

// The region the demo world is in, from GET /admin/world (best effort: a hint only).
function regionFromWorld(world) {
  const found = new Set();
  const walk = (value) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (/^region(id)?$/i.test(key) && typeof item === 'string') found.add(item);
        walk(item);
      }
    }
  };
  walk(world);
  return found.size === 1 ? [...found][0] : undefined;
}

// ---------------------------------------------------------------------------------------

async function main() {
  if (!emulatorPath) throw new Error('give --emulator <path to ecs-emulator>');
  const hex = (n) => randomBytes(n).toString('hex');
  const ak = { accessKeyId: `LTAI${hex(10)}`, accessKeySecret: hex(15) };
  const sts = { accessKeyId: `STS.${hex(12)}`, accessKeySecret: hex(15), securityToken: `CAIS${hex(40)}` };

  let url;
  try {
    url = await startEmulator([`${ak.accessKeyId}:${ak.accessKeySecret}`,
      `${sts.accessKeyId}:${sts.accessKeySecret}:${sts.securityToken}`]);
  } catch (error) {
    report(false, `emulator starts and prints "ecs-emulator listening on http://127.0.0.1:PORT"`, [error.message, ...emulatorStderr.slice(-20)]);
    return;
  }
  report(true, `emulator listening on ${url}`);
  const endpoint = new URL(url).host;

  let regionHint;
  try {
    const world = await admin(url, 'GET', '/admin/world');
    report(world.status === 200 && world.json !== null, 'GET /admin/world answers JSON', [`HTTP ${world.status}: ${world.text.slice(0, 200)}`]);
    regionHint = regionFromWorld(world.json);
    note(`demo region from /admin/world: ${regionHint ?? '(not found; using DescribeRegions/DescribeInstances)'}`);
  } catch (error) {
    report(false, 'GET /admin/world answers JSON', [String(error)]);
  }

  // Shorter asynchronous work keeps the run well inside its bound (docs/EMULATOR.md,
  // PUT /admin/timing); the default pacing works too, only slower.
  // Shorter asynchronous work keeps the run well inside its bound (GET/PUT /admin/timing:
  // every "...Ms" field down to 300 ms, "...Steps" to 3); the default pacing works too
  // (about a minute), only slower. Best effort: the field names are read, not assumed.
  if (process.argv.includes('--default-timing')) note('keeping the default pacing');
  else {
    try {
      const current = await admin(url, 'GET', '/admin/timing');
      const faster = {};
      for (const [key, value] of Object.entries(current.json ?? {})) {
        if (typeof value !== 'number') continue;
        if (/ms$/i.test(key)) faster[key] = Math.min(value, 300);
        else if (/steps$/i.test(key)) faster[key] = Math.min(value, 3);
      }
      const timing = await admin(url, 'PUT', '/admin/timing', faster);
      note(`PUT /admin/timing ${JSON.stringify(faster)}: HTTP ${timing.status} ${timing.text.slice(0, 200)}`);
    } catch (error) {
      note(`/admin/timing failed (${error}); keeping the default pacing`);
    }
  }

  const makeSdk = (v1) => (label, o) => sdkClient(label, { ...o, endpoint, v1 });
  const makePop = (post) => (label, o) => popClient(label, { ...o, endpoint, post });

  // The demo region: the /admin/world hint if it has one region, else the region from
  // DescribeRegions holding the most instances (where the demo's story is).
  let regionId;
  try {
    const probe = makeSdk(false)('probe', ak);
    const regions = items((await probe.call('DescribeRegions', {})).model.regions, 'region').map((r) => r.regionId);
    let most = 0;
    for (const candidate of [...new Set([regionHint, ...regions].filter(Boolean))]) {
      const found = await probe.call('DescribeInstances', { RegionId: candidate, MaxResults: 100 }).catch(() => null);
      const count = items(found?.model?.instances, 'instance').length;
      if (count > most) {
        regionId = candidate;
        most = count;
      }
    }
  } catch (error) {
    note(`region probe failed: ${error?.message ?? error}`);
  }
  if (!report(Boolean(regionId), 'the demo region is found through DescribeRegions/DescribeInstances', ['no region with instances'])) {
    await stopEmulator();
    return;
  }
  note(`demo region: ${regionId} (the region with the most instances)`);

  const suites = [
    ['sdk-v3', makeSdk(false), ak, fullSuite],
    ['sdk-v1', makeSdk(true), ak, fullSuite],
    ['sdk-v3-sts', makeSdk(false), sts, fullSuite],
    ['pop-get', makePop(false), ak, fullSuite],
    ['pop-post', makePop(true), ak, fullSuite],
    ['sdk-v1-sts', makeSdk(true), sts, smallSuite],
    ['pop-post-sts', makePop(true), sts, smallSuite],
  ];
  for (const [label, make, credentials, suite] of suites) {
    note(`--- ${label}`);
    try {
      const reset = await admin(url, 'POST', '/admin/reset');
      report(reset.status >= 200 && reset.status < 300, `${label}: POST /admin/reset`, [`HTTP ${reset.status}: ${reset.text.slice(0, 200)}`]);
    } catch (error) {
      report(false, `${label}: POST /admin/reset`, [String(error)]);
    }
    const base = { ...credentials, regionId };
    try {
      await suite(make(label, base), regionId);
    } catch (error) {
      report(false, `${label}: suite ran to the end`, [error?.stack ?? error]);
    }
    if (credentials === sts) await stsAuthSuite(make, base, label);
    else await authSuite(make, base, label);
  }
  await stopEmulator();
}

try {
  await main();
} catch (error) {
  report(false, 'run', [error?.stack ?? error]);
}
clearTimeout(runTimer);
finish();
// pop-core's keep-alive agent must not hold the process open.
process.exit(process.exitCode);
