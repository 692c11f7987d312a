// The checks themselves: every read of public/openapi.yaml, the 401s of the
// personal reads, CORS, and (when asked) idempotent writes. Each check
// reports to `report` (lib/report.mjs) and never throws on a bad backend.

import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { request, preview } from './http.mjs';
import { createJudge } from './validate.mjs';

// The lists the app reads to their end, and where it stops (src/domain/feed.rs).
const FOLLOWED_TO_END = new Set(['/v1/services', '/v1/stations']);
const APP_MAX_PAGES = 50;
const APP_MAX_ITEMS = 5_000;

export const DEFAULTS = {
  origin: 'https://app.example.cn',
  sample: 10,
  maxPages: 200,
  timeoutMs: 10_000,
};

/** The GET operations of the contract, sorted into lists, objects and details. */
export function readEndpoints(judge) {
  const endpoints = [];
  for (const [template, item] of Object.entries(judge.spec.paths ?? {})) {
    const op = item.get;
    if (!op) continue;
    const schema = judge.resolve(judge.resolve(op.responses?.['200'])?.content?.['application/json']?.schema);
    const listItems = schema?.properties?.items?.items;
    const security = op.security ?? judge.spec.security ?? [];
    endpoints.push({
      template,
      // Personal: every way in needs a token ("- {}" would allow none).
      personal: security.length > 0 && !security.some((s) => Object.keys(s).length === 0),
      detail: template.includes('{'),
      itemSchema: listItems ? judge.schemaName(listItems) : undefined,
      schema: listItems ? undefined : judge.schemaName(op.responses['200'].content['application/json'].schema),
    });
  }
  return endpoints;
}

export async function runChecks(options, report) {
  const o = { ...DEFAULTS, ...options };
  const judge = createJudge();
  const base = o.base.replace(/\/+$/, '');
  const cors = { answers: 0, noOrigin: [], noExpose: [] };

  /** A request with the Origin header, whose CORS headers are tallied. */
  const call = async (method, path, { token, headers = {}, body } = {}) => {
    const h = { Origin: o.origin, Accept: 'application/json', ...headers };
    if (token) h.Authorization = `Bearer ${token}`;
    const res = await request(base + path, { method, headers: h, body, timeoutMs: o.timeoutMs });
    if (res.headers) tallyCors(cors, res.headers, o.origin, `${method} ${path}`);
    return res;
  };

  const endpoints = readEndpoints(judge);
  const lists = new Map(); // template -> items, for the details

  for (const ep of endpoints.filter((e) => !e.detail)) {
    const subject = `GET ${ep.template}`;
    if (ep.personal && o.publicOnly) {
      report.skip(subject, 'personal, not checked with --public-only');
      continue;
    }
    if (ep.personal && !o.token) {
      await checkUnauthorized(call, judge, report, ep.template);
      continue;
    }
    if (ep.itemSchema) {
      const items = await checkList(call, judge, report, ep, { token: o.token, maxPages: o.maxPages });
      if (items) lists.set(ep.template, items);
    } else {
      await checkObject(call, judge, report, subject, ep.template, ep.schema, o.token);
    }
  }

  for (const ep of endpoints.filter((e) => e.detail)) {
    const subject = `GET ${ep.template}`;
    if (ep.personal && o.publicOnly) {
      report.skip(subject, 'personal, not checked with --public-only');
      continue;
    }
    if (ep.personal && !o.token) {
      // Any id will do: without a token the answer must be 401 before the id is looked up.
      await checkUnauthorized(call, judge, report, ep.template.replace('{id}', 'conformance-check'));
      continue;
    }
    const listTemplate = ep.template.replace(/\/\{id\}$/, '');
    const items = lists.get(listTemplate);
    if (!items) {
      report.skip(subject, `no ids to try: ${listTemplate} gave no usable list`);
      continue;
    }
    await checkDetails(call, judge, report, ep, items, o);
  }

  if (!o.publicOnly) await checkPreflights(call, report, lists, o.origin);
  if (o.token && o.writes) await checkWrites(call, judge, report, o.token, lists, o.maxPages);
  reportCors(report, cors, o.origin);
}

// ---------------------------------------------------------------------------
// Reads

/** The reason an answer is not a usable 200 JSON body, or null. */
function notOkJson(res) {
  if (res.problem) return res.problem;
  if (res.status !== 200) return `answers ${res.status}${errorSuffix(res)}`;
  if (!res.isJson) return `the body is not JSON: ${preview(res.text)}`;
  return null;
}

function errorSuffix(res) {
  const e = res.isJson ? res.json?.error : undefined;
  if (e && typeof e === 'object') return ` ${e.code ?? ''}${e.message ? `: ${e.message}` : ''}`.trimEnd();
  return res.isJson ? '' : ` with ${preview(res.text)}`;
}

/** notOkJson, with a hint when the token given was refused. */
function notOkJsonWith(res, token) {
  const bad = notOkJson(res);
  return bad && token && res.status === 401 ? `${bad} (is the --token valid?)` : bad;
}

async function checkObject(call, judge, report, subject, path, schema, token) {
  const res = await call('GET', path, { token });
  const bad = notOkJsonWith(res, token);
  if (bad) return report.fail(subject, bad);
  const verdict = judge.check(schema, res.json);
  if (!verdict.ok) return report.fail(subject, verdict.mismatch);
  report.ok(subject);
  for (const note of verdict.notes) report.warn(subject, note);
}

async function checkUnauthorized(call, judge, report, path) {
  const subject = `GET ${path} without a token`;
  const res = await call('GET', path);
  if (res.problem) return report.fail(subject, res.problem);
  if (res.status !== 401) {
    const hint = res.status === 404 ? ' (a backend with only public reads: run with --public-only)' : '';
    return report.fail(subject, `answers ${res.status}, want 401 with the error body${hint}`);
  }
  if (!res.isJson) return report.fail(subject, `401 without the error body: ${preview(res.text)}`);
  const verdict = judge.check('Error', res.json);
  if (!verdict.ok) return report.fail(subject, `401 with a wrong error body: ${verdict.mismatch}`);
  report.ok(subject, '(401)');
}

const itemId = (item, index) => (typeof item?.id === 'string' && item.id !== '' ? item.id : `item #${index}`);

/**
 * Reads a list to its end, page by page. Returns its items (also those the
 * app would skip: their details are worth checking too), or null when the
 * list is unusable.
 */
async function checkList(call, judge, report, ep, { token, maxPages }) {
  const subject = `GET ${ep.template}`;
  const items = [];
  const seen = new Map(); // cursor -> the page that gave it
  let cursor = null;
  let pages = 0;
  let bare = false;
  for (;;) {
    if (pages >= maxPages) return report.fail(subject, `more than ${maxPages} pages; stopped (a cursor that never ends?)`), null;
    const path = cursor == null ? ep.template : `${ep.template}?cursor=${encodeURIComponent(cursor)}`;
    const res = await call('GET', path, { token });
    pages += 1;
    const where = pages > 1 ? `page ${pages}: ` : '';
    const bad = notOkJsonWith(res, token);
    if (bad) return report.fail(subject, where + bad), null;
    const body = res.json;
    let next = null;
    if (Array.isArray(body)) {
      // A bare array is one whole list (src/api/decode.rs).
      bare = true;
      items.push(...body);
    } else if (body && typeof body === 'object') {
      if (!Array.isArray(body.items)) {
        const why = 'items' in body ? '$.items: must be an array' : '$.items: is missing (required)';
        return report.fail(subject, where + why), null;
      }
      items.push(...body.items);
      if (body.next != null && typeof body.next !== 'string') {
        return report.fail(subject, `${where}$.next: must be a string or null`), null;
      }
      if (typeof body.next === 'string' && body.next !== '') next = body.next;
    } else {
      return report.fail(subject, `${where}expected a JSON array or an object with items, got ${preview(res.text)}`), null;
    }
    if (next == null) break;
    if (seen.has(next)) {
      const first = seen.get(next);
      return report.fail(subject, `the cursor loops: page ${pages} gives ${JSON.stringify(next)} again (first given by page ${first})`), null;
    }
    seen.set(next, pages);
    cursor = next;
  }

  const skipped = [];
  const notes = [];
  items.forEach((item, index) => {
    const verdict = judge.check(ep.itemSchema, item);
    if (!verdict.ok) skipped.push(`${itemId(item, index)} ${verdict.mismatch}`);
    for (const note of verdict.notes) notes.push(`${itemId(item, index)} ${note}`);
  });
  const count = `${pages} page${pages === 1 ? '' : 's'}${bare ? ', a bare array' : ''}, ${items.length} item${items.length === 1 ? '' : 's'}`;
  if (items.length > 0 && skipped.length === items.length) {
    const all = items.length === 1 ? 'its only item' : `all ${items.length} items`;
    report.fail(subject, `${all} would be skipped, the app shows an error: ${skipped[0]}`);
    return items;
  }
  report.ok(subject, `(${count})`);
  if (skipped.length) {
    report.warn(subject, `${skipped.length} of ${items.length} items would be skipped by the app: ${abbreviate(skipped)}`);
  }
  if (notes.length) report.warn(subject, abbreviate(notes));
  if (FOLLOWED_TO_END.has(ep.template) && (pages > APP_MAX_PAGES || items.length > APP_MAX_ITEMS)) {
    report.warn(subject, `the app reads at most ${APP_MAX_PAGES} pages or ${APP_MAX_ITEMS} items of this list and says the rest is left out`);
  }
  return items;
}

/** The first few of a long list of findings, on one line. */
function abbreviate(findings, shown = 3) {
  const head = findings.slice(0, shown).join('; ');
  return findings.length > shown ? `${head}; … and ${findings.length - shown} more` : head;
}

/** Up to `n` ids spread over the list, first and last included; all with n = Infinity. */
export function sampleIds(ids, n) {
  if (ids.length <= n) return ids;
  if (n <= 1) return ids.slice(0, n);
  const picked = new Set();
  for (let i = 0; i < n; i += 1) picked.add(Math.round((i * (ids.length - 1)) / (n - 1)));
  return [...picked].map((i) => ids[i]);
}

async function checkDetails(call, judge, report, ep, items, o) {
  const ids = [...new Set(items.map((item) => item?.id).filter((id) => typeof id === 'string' && id !== ''))];
  const chosen = sampleIds(ids, o.all ? Infinity : o.sample);
  let failed = 0;
  for (const id of chosen) {
    const path = ep.template.replace('{id}', encodeURIComponent(id));
    const res = await call('GET', path, { token: o.token });
    const bad = notOkJson(res);
    const verdict = bad ? null : judge.check(ep.schema, res.json);
    let why = bad ?? (verdict.ok ? null : verdict.mismatch);
    if (!why && res.json?.id !== id) why = `$.id: is ${JSON.stringify(res.json?.id)}, the list gave ${JSON.stringify(id)}`;
    if (why) {
      failed += 1;
      report.fail(`GET ${path}`, why);
    } else {
      for (const note of verdict.notes) report.warn(`GET ${path}`, note);
    }
  }
  if (!failed) {
    const of = chosen.length === ids.length ? `${ids.length} id${ids.length === 1 ? '' : 's'}` : `${chosen.length} of ${ids.length} ids; --all for every one`;
    if (chosen.length === 0) report.skip(`GET ${ep.template}`, 'the list is empty, no id to try');
    else report.ok(`GET ${ep.template}`, `(${of})`);
  }
}

// ---------------------------------------------------------------------------
// CORS. The app runs in a browser on another origin: without these headers
// every answer is blocked, whatever its body. The app sends no cookies, so
// "Access-Control-Allow-Origin: *" is as good as the origin echoed.

function tallyCors(cors, headers, origin, what) {
  cors.answers += 1;
  const allow = headers.get('access-control-allow-origin');
  if (allow !== '*' && allow !== origin) cors.noOrigin.push({ what, allow });
  const exposed = (headers.get('access-control-expose-headers') ?? '').toLowerCase().split(',').map((h) => h.trim());
  if (!exposed.includes('retry-after') && !exposed.includes('*')) cors.noExpose.push(what);
}

function reportCors(report, cors, origin) {
  const subject = `CORS for ${origin}`;
  if (cors.answers === 0) return;
  const problems = [];
  if (cors.noOrigin.length) {
    const first = cors.noOrigin[0];
    const got = first.allow == null ? 'none' : JSON.stringify(first.allow);
    problems.push(
      `${cors.noOrigin.length} of ${cors.answers} answers lack Access-Control-Allow-Origin ${origin} or * (e.g. ${first.what}: ${got}); browsers block them`,
    );
  }
  if (cors.noExpose.length) {
    problems.push(
      `${cors.noExpose.length} of ${cors.answers} answers do not expose Retry-After (Access-Control-Expose-Headers), e.g. ${cors.noExpose[0]}`,
    );
  }
  if (problems.length) for (const p of problems) report.fail(subject, p);
  else report.ok(subject, `(${cors.answers} answers)`);
}

/** A browser asks before each write with a token: the answer must allow it. */
async function checkPreflights(call, report, lists, origin) {
  const firstId = (template) => lists.get(template)?.find((i) => typeof i?.id === 'string')?.id ?? 'conformance-check';
  const writes = [
    '/v1/uploads',
    '/v1/reports',
    `/v1/courses/${encodeURIComponent(firstId('/v1/courses'))}/enrolments`,
    `/v1/campaigns/${encodeURIComponent(firstId('/v1/campaigns'))}/checkins`,
    `/v1/rewards/${encodeURIComponent(firstId('/v1/rewards'))}/redemptions`,
    '/v1/nominations',
    '/v1/knights/applications',
    `/v1/topics/${encodeURIComponent(firstId('/v1/topics'))}/opinions`,
    `/v1/activities/${encodeURIComponent(firstId('/v1/activities'))}/signups`,
    '/v1/signups/conformance-check/cancel',
  ];
  const wanted = ['authorization', 'content-type', 'idempotency-key'];
  for (const path of writes) {
    const subject = `OPTIONS ${path}`;
    const res = await call('OPTIONS', path, {
      headers: { 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': wanted.join(',') },
    });
    if (res.problem) {
      report.fail(subject, res.problem);
      continue;
    }
    const missing = [];
    if (res.status < 200 || res.status > 299) missing.push(`a 2xx status (got ${res.status})`);
    const allowOrigin = res.headers.get('access-control-allow-origin');
    if (allowOrigin !== '*' && allowOrigin !== origin) missing.push(`Access-Control-Allow-Origin ${origin}`);
    const methods = splitHeader(res.headers.get('access-control-allow-methods'));
    if (!methods.includes('post') && !methods.includes('*')) missing.push('POST in Access-Control-Allow-Methods');
    // "*" does not cover Authorization (Fetch standard), so it must be named.
    const allowed = splitHeader(res.headers.get('access-control-allow-headers'));
    const lacking = wanted.filter((h) => !allowed.includes(h) && !(h !== 'authorization' && allowed.includes('*')));
    if (lacking.length) missing.push(`${lacking.map(titleCase).join(', ')} in Access-Control-Allow-Headers`);
    if (missing.length) report.fail(subject, `the preflight lacks ${missing.join('; ')}`);
    else report.ok(subject, '(preflight)');
  }
}

const splitHeader = (value) => (value ?? '').toLowerCase().split(',').map((h) => h.trim()).filter(Boolean);
const titleCase = (h) => h.replace(/(^|-)([a-z])/g, (_, dash, c) => dash + c.toUpperCase());

// ---------------------------------------------------------------------------
// Writes, each sent twice with one Idempotency-Key: the repeat must give the
// first result back and have no second effect (no second record, no second
// spend, no second opinion counted, no second seat taken). Only with
// --writes: they change the backend's data.

async function checkWrites(call, judge, report, token, lists, maxPages) {
  const balance = async () => {
    const res = await call('GET', '/v1/me', { token });
    return res.status === 200 && typeof res.json?.points_balance === 'number' ? res.json.points_balance : null;
  };
  const count = async (template) => {
    const items = [];
    let cursor = null;
    for (let page = 0; page < maxPages; page += 1) {
      const res = await call('GET', cursor ? `${template}?cursor=${encodeURIComponent(cursor)}` : template, { token });
      if (res.status !== 200 || !res.isJson) return null;
      const body = Array.isArray(res.json) ? { items: res.json, next: null } : res.json;
      items.push(...(body?.items ?? []));
      if (typeof body?.next !== 'string' || body.next === '') return items.length;
      cursor = body.next;
    }
    return null;
  };

  // Check-in: a campaign this worker has not checked in to, preferably still running.
  const campaigns = (lists.get('/v1/campaigns') ?? []).filter((c) => typeof c?.id === 'string' && !c.checked_in);
  const running = campaigns.find((c) => !c.ends_at || Date.parse(c.ends_at) > Date.now());
  const campaign = running ?? campaigns[0];
  if (!campaign) report.skip('POST /v1/campaigns/{id}/checkins', 'no campaign left to check in to');
  else {
    const before = await balance();
    const result = await twice(call, judge, report, token, '/v1/campaigns/{id}/checkins', campaign.id);
    const after = await balance();
    const points = result?.json?.points;
    if (result?.status === 201 && before != null && after != null && typeof points === 'number' && after - before !== points) {
      report.fail('POST /v1/campaigns/{id}/checkins', `the balance moved by ${after - before}, want ${points} once`);
    }
  }

  // Redemption: the cheapest reward in stock that the balance pays for.
  const funds = await balance();
  const reward = (lists.get('/v1/rewards') ?? [])
    .filter((r) => typeof r?.id === 'string' && typeof r.cost === 'number' && r.stock !== 0 && (funds == null || r.cost <= funds))
    .sort((a, b) => a.cost - b.cost)[0];
  if (!reward) report.skip('POST /v1/rewards/{id}/redemptions', 'no reward in stock that the balance pays for');
  else {
    const result = await twice(call, judge, report, token, '/v1/rewards/{id}/redemptions', reward.id);
    const after = await balance();
    if (result?.status === 201 && funds != null && after != null && funds - after !== reward.cost) {
      report.fail('POST /v1/rewards/{id}/redemptions', `the balance went down by ${funds - after}, want ${reward.cost} once`);
    }
  }

  // Report: no photo (uploads are optional), an address instead of a position.
  const body = { category: '其他', text: '接口一致性检查发的测试上报，可删除。', address: '一致性检查', anonymous: true };
  const before = await count('/v1/reports');
  const result = await twice(call, judge, report, token, '/v1/reports', null, body);
  const after = await count('/v1/reports');
  if (result?.status === 201 && before != null && after != null && after - before !== 1) {
    report.fail('POST /v1/reports', `the list of reports grew by ${after - before}, want 1`);
  }

  // Nomination: a made-up nominee, no contact, no honour proposed.
  const nomination = { nominee: '一致性检查', occupation: '测试', deed: '接口一致性检查发的测试推荐，可删除。', contact: null, honour: null };
  const nominationsBefore = await count('/v1/nominations');
  const nominated = await twice(call, judge, report, token, '/v1/nominations', null, nomination);
  const nominationsAfter = await count('/v1/nominations');
  if (nominated?.status === 201 && nominationsBefore != null && nominationsAfter != null && nominationsAfter - nominationsBefore !== 1) {
    report.fail('POST /v1/nominations', `the list of nominations grew by ${nominationsAfter - nominationsBefore}, want 1`);
  }

  await checkOpinion(call, judge, report, token, lists);
  await checkKnightApplication(call, judge, report, token, lists, count);
  await checkSignup(call, judge, report, token, lists);
}

/** An opinion on a topic still open: counted once, and listed once in the worker's my_opinions. */
async function checkOpinion(call, judge, report, token, lists) {
  const template = '/v1/topics/{id}/opinions';
  // A topic the backend calls open, preferably one whose closing time has not passed here either.
  const open = (lists.get('/v1/topics') ?? []).filter((t) => typeof t?.id === 'string' && (t.state ?? 'open') === 'open');
  const topic = open.find((t) => !t.closes_at || Date.parse(t.closes_at) > Date.now()) ?? open[0];
  if (!topic) return report.skip(`POST ${template}`, 'no open topic to send an opinion to');
  const detail = async () => {
    const res = await call('GET', `/v1/topics/${encodeURIComponent(topic.id)}`, { token });
    return res.status === 200 && res.isJson && res.json && typeof res.json === 'object' ? res.json : null;
  };
  const before = await detail();
  const result = await twice(call, judge, report, token, template, topic.id, { text: '接口一致性检查发的测试意见，可删除。' });
  if (result?.status !== 201) return;
  const after = await detail();
  const subject = `POST ${template}`;
  const counts = [before?.opinion_count, after?.opinion_count];
  if (counts.every((n) => typeof n === 'number') && counts[1] - counts[0] !== 1) {
    report.fail(subject, `opinion_count went from ${counts[0]} to ${counts[1]}, want one more`);
  }
  const mine = after?.my_opinions;
  if (Array.isArray(mine)) {
    const listed = mine.filter((o) => o?.id === result.json.id).length;
    if (listed !== 1) report.fail(subject, `the topic's my_opinions lists the new opinion ${listed} times, want once`);
  }
}

/**
 * An application to 先锋骑士团, when the worker has none under review: filed
 * once, then a second one (a new key) is refused with 409 application_open.
 * With one under review already, only that refusal is checked.
 */
async function checkKnightApplication(call, judge, report, token, lists, count) {
  const template = '/v1/knights/applications';
  const subject = `POST ${template}`;
  const application = { occupation: '测试', employer: null, years: 1, town: '一致性检查', reason: '接口一致性检查发的测试申请，可删除。' };
  const refused = async (what) => {
    const res = await call('POST', template, {
      token,
      headers: { 'Idempotency-Key': `conformance-${randomUUID()}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(application),
    });
    if (res.problem) return report.fail(subject, `${what}: ${res.problem}`), false;
    if (res.status === 409 && res.isJson && res.json?.error?.code === 'application_open') return true;
    report.fail(subject, `${what} answers ${res.status}${errorSuffix(res)}, want 409 application_open`);
    return false;
  };

  const applications = lists.get(template) ?? [];
  const index = applications.findIndex((a) => a?.status === 'submitted');
  if (index >= 0) {
    const open = itemId(applications[index], index);
    if (await refused(`with ${open} under review, an application`)) {
      report.skip(subject, `answers 409 application_open: ${open} is still under review, so none was filed and the repeat was not tried`);
    }
    return;
  }
  const before = await count(template);
  const result = await twice(call, judge, report, token, template, null, application);
  if (result?.status !== 201) return;
  const after = await count(template);
  if (before != null && after != null && after - before !== 1) {
    report.fail(subject, `the list of applications grew by ${after - before}, want 1`);
  }
  if (await refused('a second application while the first is under review')) {
    report.ok(`${subject} again, with another key`, '(409 application_open: one application under review at a time)');
  }
}

// Sign-ups for activities: answers built from the activity's own questions,
// a sign-up sent twice with one key, then cancelled twice.

const DEFAULT_MAX_LENGTH = 100;

/** A valid answer to one question, or {why} the checker cannot give one. */
function answerFor(q) {
  const label = JSON.stringify(q?.label ?? q?.id ?? '?');
  switch (q?.type ?? 'text') {
    case 'text': {
      const max = q.max_length ?? DEFAULT_MAX_LENGTH;
      return max >= 1 ? { value: [...'测试'].slice(0, max).join('') } : { why: `${label}, a text of at most ${max} characters` };
    }
    case 'number': {
      const min = Number.isInteger(q.min) ? q.min : null;
      const max = Number.isInteger(q.max) ? q.max : null;
      const value = min ?? (max != null && max < 1 ? max : 1);
      return max != null && value > max ? { why: `${label}, a number from ${min} to ${max}` } : { value };
    }
    case 'choice': {
      const first = Array.isArray(q.options) ? q.options.find((o) => typeof o === 'string' && o.trim() !== '') : undefined;
      return first === undefined ? { why: `${label}, a choice without options` } : { value: first };
    }
    case 'phone':
      return { value: '13800000000' };
    default:
      return { why: `${label} of a type the checker does not know (${q.type})` };
  }
}

/** Answers to `questions` by id; an optional question the checker cannot answer is left out. */
function fillQuestions(questions) {
  const answers = {};
  for (const q of Array.isArray(questions) ? questions : []) {
    if (typeof q?.id !== 'string') continue;
    const { value, why } = answerFor(q);
    if (why && q.required === false) continue;
    if (why) return { why };
    answers[q.id] = value;
  }
  return { answers };
}

/**
 * A sign-up for an activity's form, built from its own questions: text
 * "测试", a number its minimum (or 1), a choice its first option, a phone
 * 13800000000; a group of its minimum of members, at least one. Returns
 * {body, seats} (the seats it takes), or {why} the checker cannot fill it.
 */
export function fillForm(form) {
  if (form == null) return { body: {}, seats: 1 };
  const once = fillQuestions(form.questions);
  if (once.why) return { why: `asks ${once.why}` };
  const group = form.group;
  if (group == null) return { body: { answers: once.answers }, seats: 1 };
  const noun = group.noun ?? 'member';
  const members = Math.max(Number.isInteger(group.min) ? group.min : 1, 1);
  const max = Number.isInteger(group.max) ? group.max : 1;
  if (members > max) return { why: `wants at least ${members} ${noun} but takes at most ${max}` };
  const member = fillQuestions(group.questions);
  if (member.why) return { why: `asks of each ${noun} ${member.why}` };
  const body = { answers: once.answers, group: Array.from({ length: members }, () => ({ ...member.answers })) };
  return { body, seats: members };
}

/** The activity to sign up for, its sign-up and the seats it takes; or {why} none fits. */
function chooseActivity(activities) {
  const here = Date.now();
  const passed = (t) => typeof t === 'string' && Date.parse(t) < here;
  const fits = [];
  const reasons = [];
  activities.forEach((a, index) => {
    if (typeof a?.id !== 'string' || a.id === '') return;
    const why = (reason) => reasons.push(`${itemId(a, index)} ${reason}`);
    if (a.my_signup?.status === 'confirmed') return why('is signed up for already');
    const filled = fillForm(a.form);
    if (filled.why) return why(filled.why);
    if (typeof a.seats_left === 'number' && a.seats_left < filled.seats) {
      return why(`has ${a.seats_left} seat${a.seats_left === 1 ? '' : 's'} left, the sign-up takes ${filled.seats}`);
    }
    fits.push({ activity: a, ...filled, closedHere: passed(a.deadline) || passed(a.ends_at) });
  });
  // Preferably one whose deadline and end have not passed here either; else
  // the one with the latest deadline (the backend's clock has the last word).
  const open = fits.find((f) => !f.closedHere);
  if (open) return open;
  const latest = (f) => Date.parse(f.activity.deadline ?? f.activity.ends_at ?? '') || 0;
  const closed = fits.sort((x, y) => latest(y) - latest(x))[0];
  if (closed) return closed;
  return { why: reasons.length ? abbreviate(reasons) : 'the list is empty' };
}

/**
 * A sign-up for an activity that is open and has seats, sent twice with one
 * key: one sign-up, its seats taken once, shown as the worker's my_signup.
 * Then cancelled twice (each with its own key): the second answers the
 * cancelled sign-up unchanged, and the seats are back.
 */
async function checkSignup(call, judge, report, token, lists) {
  const template = '/v1/activities/{id}/signups';
  const activities = lists.get('/v1/activities');
  if (!activities) return report.skip(`POST ${template}`, 'no activity to sign up for: GET /v1/activities gave no usable list');
  const chosen = chooseActivity(activities);
  if (chosen.why) return report.skip(`POST ${template}`, `no activity to sign up for: ${chosen.why}`);
  const { activity, body, seats } = chosen;
  const subject = `POST ${template.replace('{id}', encodeURIComponent(activity.id))}`;
  const detail = async () => {
    const res = await call('GET', `/v1/activities/${encodeURIComponent(activity.id)}`, { token });
    return res.status === 200 && res.isJson && res.json && typeof res.json === 'object' ? res.json : null;
  };
  const before = await detail();
  const signup = await twice(call, judge, report, token, template, activity.id, body);
  if (signup?.status !== 201) return;
  const id = signup.json.id;
  const taken = await detail();
  const seatsMoved = (from, to, want) => typeof from === 'number' && typeof to === 'number' && to !== want;
  if (seatsMoved(before?.seats_left, taken?.seats_left, before?.seats_left - seats)) {
    report.fail(subject, `seats_left went from ${before.seats_left} to ${taken.seats_left}, want ${seats} fewer`);
  }
  if (taken && taken.my_signup?.id !== id) {
    report.fail(subject, `the activity's my_signup is ${JSON.stringify(taken.my_signup?.id ?? null)}, want ${JSON.stringify(id)}`);
  }

  // Cancelled twice, each with its own key: the backend's rule answers the second, not a replay.
  const cancel = `/v1/signups/${encodeURIComponent(id)}/cancel`;
  const cancelSubject = `POST ${cancel}`;
  const send = () => call('POST', cancel, { token, headers: { 'Idempotency-Key': `conformance-${randomUUID()}` } });
  const first = await send();
  const bad = first.problem ?? (first.status !== 200 ? `answers ${first.status}${errorSuffix(first)}, want 200` : null);
  if (bad) return report.fail(cancelSubject, bad);
  if (!first.isJson) return report.fail(cancelSubject, `the body is not JSON: ${preview(first.text)}`);
  const verdict = judge.check('Signup', first.json);
  if (!verdict.ok) return report.fail(cancelSubject, verdict.mismatch);
  if (first.json.id !== id || first.json.status !== 'cancelled') {
    return report.fail(cancelSubject, `answers ${JSON.stringify({ id: first.json.id, status: first.json.status })}, want ${JSON.stringify({ id, status: 'cancelled' })}`);
  }
  const second = await send();
  const fields = [...new Set([...Object.keys(first.json), ...Object.keys(second.json ?? {})])];
  const changed = second.isJson ? fields.find((f) => !isDeepStrictEqual(second.json?.[f], first.json[f])) : undefined;
  if (second.problem) report.fail(`${cancelSubject} (again)`, second.problem);
  else if (second.status !== 200 || !second.isJson) {
    report.fail(cancelSubject, `cancelling again answers ${second.status}${errorSuffix(second)}, want 200 with the cancelled sign-up`);
  } else if (changed !== undefined) {
    report.fail(cancelSubject, `cancelling again changes $.${changed} from ${JSON.stringify(first.json[changed])} to ${JSON.stringify(second.json[changed])}`);
  } else {
    report.ok(cancelSubject, '(200 cancelled; cancelling again gives it back unchanged)');
  }
  const after = await detail();
  if (seatsMoved(before?.seats_left, after?.seats_left, before?.seats_left)) {
    report.fail(cancelSubject, `seats_left is ${after.seats_left} after cancelling, want ${before.seats_left} as before the sign-up`);
  }
  if (after && after.my_signup?.status !== 'cancelled') {
    report.fail(cancelSubject, `the activity's my_signup has status ${JSON.stringify(after.my_signup?.status ?? null)}, want "cancelled"`);
  }
}

/** Sends one write twice with the same key; reports it; returns the first answer. */
async function twice(call, judge, report, token, template, id, body) {
  const path = id == null ? template : template.replace('{id}', encodeURIComponent(id));
  const subject = `POST ${path}`;
  const key = `conformance-${randomUUID()}`;
  const send = () =>
    call('POST', path, {
      token,
      headers: { 'Idempotency-Key': key, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  const first = await send();
  if (first.problem) return report.fail(subject, first.problem), null;
  if (first.status !== 201) {
    if (first.status >= 400 && first.status < 500 && first.isJson && judge.check('Error', first.json).ok) {
      report.skip(subject, `answers ${first.status}${errorSuffix(first)}; the repeat was not tried`);
    } else {
      report.fail(subject, `answers ${first.status}${errorSuffix(first)}, want 201`);
    }
    return null;
  }
  const schema = judge.schemaName(
    judge.resolve(judge.spec.paths[template].post.responses['201']).content['application/json'].schema,
  );
  if (!first.isJson) return report.fail(subject, `the body is not JSON: ${preview(first.text)}`), null;
  const verdict = judge.check(schema, first.json);
  if (!verdict.ok) return report.fail(subject, verdict.mismatch), null;

  const second = await send();
  if (second.problem) return report.fail(`${subject} (repeat)`, second.problem), null;
  const same = ['id', 'status', 'code'].filter((f) => first.json?.[f] !== undefined);
  const differs = same.filter((f) => second.json?.[f] !== first.json[f]);
  if (second.status !== first.status) {
    report.fail(subject, `the repeat with the same Idempotency-Key answers ${second.status}${errorSuffix(second)}, the first ${first.status}`);
  } else if (differs.length) {
    const f = differs[0];
    report.fail(subject, `the repeat with the same Idempotency-Key gives $.${f} ${JSON.stringify(second.json?.[f])}, the first ${JSON.stringify(first.json[f])}`);
  } else {
    report.ok(subject, `(201, the repeat gives back ${first.json.id})`);
  }
  return first;
}
