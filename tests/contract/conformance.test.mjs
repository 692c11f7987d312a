// The backend checker (tests/conformance/check.mjs) run as a county's IT team
// runs it, as a child process, against backends that conform (the mock, the
// demo data as static files) and backends that do not. The assertions read
// its output: the endpoint, the item's id, the JSON path and the reason.
// Run: node --test tests/contract/

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createMockServer } from '../mock/backend.mjs';
import { createStaticServer } from '../conformance/static-server.mjs';
import { createJudge, jsonPath } from '../conformance/lib/validate.mjs';
import { sampleIds, fillForm } from '../conformance/lib/checks.mjs';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoDir } from './schema.mjs';

const checker = fileURLToPath(new URL('../conformance/check.mjs', import.meta.url));
const ORIGIN = 'https://app.example.cn';

/** How many items a demo list file holds, as "N item(s)" in the checker's lines. */
function demoItems(file) {
  const data = JSON.parse(readFileSync(path.join(demoDir, file), 'utf8'));
  const n = (Array.isArray(data) ? data : data.items).length;
  return `${n} item${n === 1 ? '' : 's'}`;
}
const demoIds = (file) => demoItems(file).replace(/items?$/, (w) => (w === 'item' ? 'id' : 'ids'));
/** The items of a demo list file. */
const demoList = (file) => {
  const data = JSON.parse(readFileSync(path.join(demoDir, file), 'utf8'));
  return Array.isArray(data) ? data : data.items;
};

/** Runs the checker; resolves to {code, out, lines} once it has exited. */
function check(...args) {
  const child = spawn(process.execPath, [checker, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (out += chunk));
  return new Promise((resolve) => {
    child.on('close', (code) => resolve({ code, out, lines: out.split('\n') }));
  });
}

/** Listens on a free port of 127.0.0.1; resolves to the base URL. */
function listen(server) {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`));
  });
}

function close(server) {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

const failures = (run) => run.lines.filter((l) => l.startsWith('FAIL '));
const hasLine = (run, line) => assert.ok(run.lines.includes(line), `no line ${JSON.stringify(line)} in:\n${run.out}`);
const hasMatch = (run, pattern) => assert.ok(run.lines.some((l) => pattern.test(l)), `no line like ${pattern} in:\n${run.out}`);

async function json(base, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

// ---------------------------------------------------------------------------

describe('judging an answer as the app reads it', () => {
  const judge = createJudge();

  test('null counts as missing: fine for an optional field, missing for a required one', () => {
    assert.deepEqual(judge.check('Station', { id: 'stn-01', name: '驿站', host: null, location: null }), { ok: true, notes: [] });
    assert.equal(judge.check('Station', { id: 'stn-01', name: null }).mismatch, '$.name: is missing (required)');
  });

  test('the first mismatch names the JSON path and the reason', () => {
    const verdict = judge.check('Station', { id: 'stn-09', name: '驿站', location: { lat: '28.8', lng: 108.7 } });
    assert.equal(verdict.mismatch, '$.location.lat: must be number');
    assert.equal(jsonPath('/hours/0/opens'), '$.hours[0].opens');
    assert.equal(jsonPath('/a b/1'), '$["a b"][1]');
  });

  test('an enum value the app does not know is a note, not a mismatch', () => {
    assert.deepEqual(judge.check('Course', { id: 'crs-1', title: '课', kind: 'webinar' }), {
      ok: true,
      notes: ['$.kind: unknown value, shown as "unknown"'],
    });
  });

  test('a story block: an unknown type is left out, a known one is judged by its own schema', () => {
    const unknown = judge.check('Story', { id: 's', title: 't', body: [{ type: 'html', html: '<b>x</b>' }] });
    assert.deepEqual(unknown, { ok: true, notes: ['$.body[0]: unknown type "html", left out when shown'] });
    const image = judge.check('Story', { id: 's', title: 't', body: [{ type: 'paragraph', text: 'x' }, { type: 'image', src: 'javascript:x' }] });
    assert.match(image.mismatch, /^\$\.body\[1\]\.src: must match pattern/);
  });

  test('a sample spreads over the list, first and last included', () => {
    const ids = Array.from({ length: 25 }, (_, i) => `svc-${i + 1}`);
    assert.deepEqual(sampleIds(ids, 3), ['svc-1', 'svc-13', 'svc-25']);
    assert.equal(sampleIds(ids, 10).length, 10);
    assert.deepEqual(sampleIds(ids, Infinity), ids);
  });
});

describe('a sign-up built from the form\'s own questions', () => {
  const q = (id, more) => ({ id, label: id, ...more });

  test('the demo forms: text 测试, a number its minimum or 1, the first option, a phone, one member', () => {
    const form = (id) => demoList('activities.json').find((a) => a.id === id).form;
    assert.deepEqual(fillForm(form('act-summer-care')), {
      body: { answers: { guardian_phone: '13800000000' }, group: [{ name: '测试', age: 3, school: '测试' }] },
      seats: 1,
    });
    assert.deepEqual(fillForm(form('act-festival')), { body: { answers: { people: 1, meal: '普通餐' } }, seats: 1 });
    assert.deepEqual(fillForm(null), { body: {}, seats: 1 });
  });

  test('limits the checker meets: short texts, numbers below 1, groups of several or none', () => {
    const one = fillForm({ questions: [q('a', { max_length: 1 }), q('b', { type: 'number', max: -5 }), q('c', { type: 'number' })] });
    assert.deepEqual(one.body.answers, { a: '测', b: -5, c: 1 });
    const pair = fillForm({ questions: [], group: { noun: '孩子', min: 2, max: 3, questions: [q('n')] } });
    assert.deepEqual(pair, { body: { answers: {}, group: [{ n: '测试' }, { n: '测试' }] }, seats: 2 });
    assert.equal(fillForm({ group: { noun: '家属', min: 0, max: 2, questions: [] } }).seats, 1, 'at least one member');
    const optional = fillForm({ questions: [q('x', { type: 'choice', options: [], required: false }), q('y', { type: 'date', required: false })] });
    assert.deepEqual(optional.body.answers, {}, 'optional questions it cannot answer are left out');
  });

  test('a form it cannot fill says why', () => {
    assert.deepEqual(fillForm({ questions: [q('meal', { label: '用餐', type: 'choice', options: [] })] }), { why: 'asks "用餐", a choice without options' });
    assert.deepEqual(fillForm({ questions: [q('d', { label: '日期', type: 'date' })] }), { why: 'asks "日期" of a type the checker does not know (date)' });
    assert.deepEqual(fillForm({ questions: [q('n', { label: '人数', type: 'number', min: 5, max: 3 })] }), { why: 'asks "人数", a number from 5 to 3' });
    assert.deepEqual(fillForm({ group: { noun: '孩子', min: 3, max: 2, questions: [] } }), { why: 'wants at least 3 孩子 but takes at most 2' });
    const member = fillForm({ group: { noun: '孩子', questions: [q('c', { label: '班级', type: 'choice' })] } });
    assert.deepEqual(member, { why: 'asks of each 孩子 "班级", a choice without options' });
  });
});

describe('usage', () => {
  test('no base URL is bad usage: exit 2 with the usage text', async () => {
    const run = await check();
    assert.equal(run.code, 2, run.out);
    assert.match(run.out, /the base URL is missing/);
    assert.match(run.out, /usage: node tests\/conformance\/check\.mjs <base-url>/);
  });

  test('--writes without --token is bad usage', async () => {
    const run = await check('http://127.0.0.1:9', '--writes');
    assert.equal(run.code, 2, run.out);
    assert.match(run.out, /--writes needs --token/);
  });

  test('a backend that is not there fails with a network error, not a stack trace', async () => {
    const server = http.createServer();
    const base = await listen(server);
    await close(server); // a port that was free a moment ago and is closed now
    const run = await check(base, '--public-only');
    assert.equal(run.code, 1, run.out);
    hasMatch(run, /^FAIL GET \/v1\/services: network error: ECONNREFUSED$/);
    assert.doesNotMatch(run.out, /\n\s+at /, 'a stack trace in the output');
  });
});

describe('the mock backend conforms', () => {
  let mock;
  let base;
  before(async () => {
    // The mock's clock at the demo's season, so that its campaigns are still open for check-in.
    mock = createMockServer({ clock: Date.parse('2025-04-01T09:00:00+08:00') });
    base = await listen(mock.http);
  });
  after(() => mock.close());

  test('without a token: public reads pass, personal reads answer 401', async () => {
    const run = await check(base, '--origin', ORIGIN);
    assert.equal(run.code, 0, run.out);
    assert.deepEqual(failures(run), []);
    hasLine(run, 'ok  GET /v1/services (1 page, 25 items)');
    hasLine(run, 'ok  GET /v1/stories (3 pages, 15 items)');
    hasLine(run, 'ok  GET /v1/me without a token (401)');
    hasLine(run, 'ok  GET /v1/services/{id} (10 of 25 ids; --all for every one)');
    hasLine(run, 'ok  OPTIONS /v1/reports (preflight)');
    hasMatch(run, /^ok  CORS for https:\/\/app\.example\.cn \(\d+ answers\)$/);
    hasMatch(run, /^ok  \d+ ok, 0 failed, 0 warnings$/);
  });

  test('the honours, knights and topics: lists, details, 401s and preflights', async () => {
    const run = await check(base, '--all');
    assert.equal(run.code, 0, run.out);
    hasLine(run, `ok  GET /v1/honours (1 page, ${demoItems('honours.json')})`);
    hasLine(run, `ok  GET /v1/honourees (1 page, ${demoItems('honourees.json')})`);
    hasLine(run, `ok  GET /v1/honourees/{id} (${demoIds('honourees.json')})`);
    hasLine(run, `ok  GET /v1/knights (1 page, ${demoItems('knights.json')})`);
    hasLine(run, `ok  GET /v1/topics (1 page, ${demoItems('topics.json')})`);
    hasLine(run, `ok  GET /v1/topics/{id} (${demoIds('topics.json')})`);
    hasLine(run, 'ok  GET /v1/nominations without a token (401)');
    hasLine(run, 'ok  GET /v1/knights/applications without a token (401)');
    hasLine(run, 'ok  OPTIONS /v1/nominations (preflight)');
    hasLine(run, 'ok  OPTIONS /v1/knights/applications (preflight)');
    hasMatch(run, /^ok  OPTIONS \/v1\/topics\/[^/]+\/opinions \(preflight\)$/);
  });

  test('the activities: list, details and the preflights of signing up and cancelling', async () => {
    const run = await check(base, '--all');
    assert.equal(run.code, 0, run.out);
    hasLine(run, `ok  GET /v1/activities (1 page, ${demoItems('activities.json')})`);
    hasLine(run, `ok  GET /v1/activities/{id} (${demoIds('activities.json')})`);
    hasMatch(run, /^ok  OPTIONS \/v1\/activities\/[^/]+\/signups \(preflight\)$/);
    hasLine(run, 'ok  OPTIONS /v1/signups/conformance-check/cancel (preflight)');
  });

  test('lists in pages are read to their end', async () => {
    await json(base, 'POST', '/__mock/paging', { size: 4 });
    try {
      const run = await check(base, '--sample', '3');
      assert.equal(run.code, 0, run.out);
      hasLine(run, 'ok  GET /v1/services (7 pages, 25 items)');
      hasLine(run, 'ok  GET /v1/stations (15 pages, 58 items)');
      hasLine(run, 'ok  GET /v1/services/{id} (3 of 25 ids; --all for every one)');
    } finally {
      await json(base, 'POST', '/__mock/paging', { size: null });
    }
  });

  test('a token the backend refuses fails the personal reads, with a hint', async () => {
    const run = await check(base, '--token', 'not-a-token');
    assert.equal(run.code, 1, run.out);
    hasLine(run, 'FAIL GET /v1/me: answers 401 unauthorized: 请先登录 (is the --token valid?)');
  });

  test('with a token and --writes: personal reads, and each write is idempotent', async () => {
    await json(base, 'POST', '/__mock/reset');
    const phone = '13800138000';
    assert.equal((await json(base, 'POST', '/v1/auth/sms-code', { phone })).status, 204);
    const login = await json(base, 'POST', '/v1/auth/login', { phone, code: '123456' });
    assert.equal(login.status, 200);

    const run = await check(base, '--token', login.body.token, '--writes', '--all');
    assert.equal(run.code, 0, run.out);
    assert.deepEqual(failures(run), []);
    hasLine(run, 'ok  GET /v1/me');
    hasMatch(run, /^ok  GET \/v1\/points\/ledger \(2 pages, 10 items\)$/);
    hasLine(run, 'ok  GET /v1/stations/{id} (58 ids)');
    hasMatch(run, /^ok  POST \/v1\/campaigns\/[^/]+\/checkins \(201, the repeat gives back chk-mock-\d+\)$/);
    hasMatch(run, /^ok  POST \/v1\/rewards\/[^/]+\/redemptions \(201, the repeat gives back rdm-mock-\d+\)$/);
    hasMatch(run, /^ok  POST \/v1\/reports \(201, the repeat gives back rpt-mock-\d+\)$/);
    hasLine(run, `ok  GET /v1/nominations (1 page, ${demoItems('nominations.json')})`);
    hasLine(run, `ok  GET /v1/knights/applications (1 page, ${demoItems('knight-applications.json')})`);
    hasMatch(run, /^ok  POST \/v1\/nominations \(201, the repeat gives back nom-mock-\d+\)$/);
    hasMatch(run, /^ok  POST \/v1\/topics\/[^/]+\/opinions \(201, the repeat gives back opn-mock-\d+\)$/);
    hasMatch(run, /^ok  POST \/v1\/knights\/applications \(201, the repeat gives back kap-mock-\d+\)$/);
    hasLine(run, 'ok  POST /v1/knights/applications again, with another key (409 application_open: one application under review at a time)');
    hasMatch(run, /^ok  POST \/v1\/activities\/[^/]+\/signups \(201, the repeat gives back sgn-mock-\d+\)$/);
    hasMatch(run, /^ok  POST \/v1\/signups\/sgn-mock-\d+\/cancel \(200 cancelled; cancelling again gives it back unchanged\)$/);

    // The mock saw each write twice, both times with one key (and a third application with another key).
    const log = (await json(base, 'GET', '/__mock/requests')).body;
    const writes = [
      [/^\/v1\/campaigns\/.+\/checkins$/, 2],
      [/^\/v1\/rewards\/.+\/redemptions$/, 2],
      [/^\/v1\/reports$/, 2],
      [/^\/v1\/nominations$/, 2],
      [/^\/v1\/topics\/.+\/opinions$/, 2],
      [/^\/v1\/knights\/applications$/, 3],
      [/^\/v1\/activities\/.+\/signups$/, 2],
    ];
    for (const [pattern, times] of writes) {
      const posts = log.filter((r) => r.method === 'POST' && pattern.test(r.path));
      assert.equal(posts.length, times, `${pattern}: ${JSON.stringify(posts)}`);
      assert.ok(posts[0].idempotency_key, `${pattern} was sent without a key`);
      assert.equal(posts[1].idempotency_key, posts[0].idempotency_key);
      if (times === 3) assert.notEqual(posts[2].idempotency_key, posts[0].idempotency_key);
    }

    // A sign-up cancelled twice, each time with its own key; its seats are back.
    const cancels = log.filter((r) => r.method === 'POST' && /^\/v1\/signups\/.+\/cancel$/.test(r.path));
    assert.equal(cancels.length, 2, JSON.stringify(cancels));
    assert.equal(cancels[0].path, cancels[1].path);
    assert.notEqual(cancels[0].idempotency_key, cancels[1].idempotency_key);
    const signedUp = /\/v1\/activities\/([^/]+)\/signups/.exec(run.lines.find((l) => l.startsWith('ok  POST /v1/activities/')))[1];
    const activity = await fetch(`${base}/v1/activities/${signedUp}`, { headers: { Authorization: `Bearer ${login.body.token}` } }).then((r) => r.json());
    const seeded = demoList('activities.json').find((a) => a.id === decodeURIComponent(signedUp));
    assert.equal(activity.seats_left, seeded.seats_left, 'the seats are not back');
    assert.equal(activity.my_signup.status, 'cancelled');

    // The data now holds one of each: a second run finds the application under review.
    const opinion = run.lines.find((l) => l.startsWith('ok  POST /v1/topics/'));
    const topicId = /\/v1\/topics\/([^/]+)\/opinions/.exec(opinion)[1];
    const mine = (await fetch(`${base}/v1/topics/${topicId}`, { headers: { Authorization: `Bearer ${login.body.token}` } }).then((r) => r.json())).my_opinions;
    assert.equal(mine.filter((o) => o.text === '接口一致性检查发的测试意见，可删除。').length, 1, 'the repeat sent a second opinion');
    const again = await check(base, '--token', login.body.token, '--writes');
    assert.equal(again.code, 0, again.out);
    hasMatch(again, /^skip POST \/v1\/knights\/applications: answers 409 application_open: kap-mock-\d+ is still under review, so none was filed and the repeat was not tried$/);
    // A cancelled sign-up does not stand in the way of a new one.
    hasMatch(again, /^ok  POST \/v1\/activities\/[^/]+\/signups \(201, the repeat gives back sgn-mock-\d+\)$/);
  });

  test('with --writes and no activity the checker can sign up for, a note says why', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'conformance-activities-'));
    const activities = [
      { id: 'act-full', title: '满员', seats_left: 0, form: null },
      { id: 'act-choice', title: '无选项', form: { questions: [{ id: 'meal', label: '用餐', type: 'choice', options: [] }] } },
      { id: 'act-group', title: '组', form: { group: { noun: '孩子', min: 3, max: 2, questions: [] } } },
      { id: 'act-small', title: '余位不足', seats_left: 1, form: { group: { noun: '孩子', min: 2, max: 3, questions: [] } } },
    ];
    writeFileSync(path.join(dir, 'activities.json'), JSON.stringify({ items: activities, next: null }));
    const other = createMockServer({ demoDir: dir });
    try {
      const at = await listen(other.http);
      const run = await check(at, '--token', 'mock-token-13800138001', '--writes');
      assert.deepEqual(failures(run), []);
      hasLine(
        run,
        'skip POST /v1/activities/{id}/signups: no activity to sign up for: act-full has 0 seats left, the sign-up takes 1; act-choice asks "用餐", a choice without options; act-group wants at least 3 孩子 but takes at most 2; … and 1 more',
      );
      const log = (await json(at, 'GET', '/__mock/requests')).body;
      assert.ok(!log.some((r) => r.method === 'POST' && /signups|cancel/.test(r.path)), 'a sign-up was sent');
    } finally {
      await other.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the demo data as static files conforms', () => {
  for (const bare of [false, true]) {
    test(bare ? 'lists as bare arrays' : 'lists as {items, next: null}', async () => {
      const server = createStaticServer({ bare });
      const base = await listen(server);
      try {
        const run = await check(base, '--public-only', '--all');
        assert.equal(run.code, 0, run.out);
        assert.deepEqual(failures(run), []);
        hasLine(run, `ok  GET /v1/services (1 page${bare ? ', a bare array' : ''}, 25 items)`);
        hasLine(run, 'ok  GET /v1/stories/{id} (15 ids)');
        hasLine(run, `ok  GET /v1/honourees (1 page${bare ? ', a bare array' : ''}, ${demoItems('honourees.json')})`);
        hasLine(run, `ok  GET /v1/honourees/{id} (${demoIds('honourees.json')})`);
        hasLine(run, `ok  GET /v1/knights (1 page${bare ? ', a bare array' : ''}, ${demoItems('knights.json')})`);
        hasLine(run, `ok  GET /v1/topics/{id} (${demoIds('topics.json')})`);
        hasLine(run, `ok  GET /v1/activities (1 page${bare ? ', a bare array' : ''}, ${demoItems('activities.json')})`);
        hasLine(run, `ok  GET /v1/activities/{id} (${demoIds('activities.json')})`);
        hasLine(run, 'skip GET /v1/me: personal, not checked with --public-only');
        hasLine(run, 'skip GET /v1/nominations: personal, not checked with --public-only');
        hasMatch(run, /^ok  CORS for https:\/\/app\.example\.cn \(\d+ answers\)$/);
      } finally {
        await close(server);
      }
    });
  }

  test('without --public-only its missing personal reads fail, with a hint', async () => {
    const server = createStaticServer();
    const base = await listen(server);
    try {
      const run = await check(base);
      assert.equal(run.code, 1, run.out);
      hasLine(run, 'FAIL GET /v1/me without a token: answers 404, want 401 with the error body (a backend with only public reads: run with --public-only)');
    } finally {
      await close(server);
    }
  });
});

// ---------------------------------------------------------------------------
// A backend with one fault per endpoint, and no CORS headers at all.

function createBrokenServer() {
  const services = [
    { id: 'svc-01', title: '驿站免费热水充电' },
    { id: 'svc-02', title: 42 }, // a wrong type
    { id: 'svc-03', summary: '没有标题' }, // a required field missing
  ];
  const campaigns = [
    { id: 'cmp-01', title: '反诈宣传', points: 20 },
    { id: 'cmp-02', title: '文明交通', points: '20' }, // a number as a string
  ];
  const held = new Set();
  const server = http.createServer((req, res) => {
    const send = (status, body, type = 'application/json; charset=utf-8') => {
      res.writeHead(status, { 'Content-Type': type });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const url = new URL(req.url, 'http://broken.invalid');
    const p = url.pathname;
    const byId = (list, prefix) => list.find((x) => `${prefix}/${x.id}` === p);
    if (req.method === 'OPTIONS') return send(204, ''); // a preflight answered without any CORS header
    if (p === '/v1/site') return send(200, { name: '酉新送暖' });
    if (p === '/v1/services') return send(200, { items: services, next: null });
    if (byId(services, '/v1/services')) return send(200, byId(services, '/v1/services'));
    if (p === '/v1/courses') return send(200, []);
    if (p === '/v1/stories') {
      // Every page after the first points back at itself.
      const page = url.searchParams.get('cursor') ?? 'first';
      return send(200, { items: [{ id: `sty-${page}`, title: '故事' }], next: 'page-2' });
    }
    if (p === '/v1/stations') return send(200, '<html><body>502 Bad Gateway</body></html>', 'text/html');
    if (p === '/v1/points/rules') {
      held.add(res); // never answered: the checker's timeout is what is under test
      return;
    }
    if (p === '/v1/campaigns') return send(200, { items: campaigns, next: null });
    if (byId(campaigns, '/v1/campaigns')) return send(200, byId(campaigns, '/v1/campaigns'));
    if (p === '/v1/rewards') return send(200, { items: [{ id: 'rwd-01', title: '洗车券', cost: '100' }], next: null });
    if (p.startsWith('/v1/redemptions')) return send(401, 'Unauthorized', 'text/plain');
    if (['/v1/me', '/v1/points/ledger', '/v1/reports'].includes(p)) {
      return send(401, { error: { code: 'unauthorized', message: '请先登录' } });
    }
    send(404, { error: { code: 'not_found', message: '未找到该内容' } });
  });
  server.on('close', () => held.forEach((res) => res.destroy()));
  return server;
}

describe('a broken backend fails, saying where and why', () => {
  let server;
  let run;
  before(async () => {
    server = createBrokenServer();
    // One held request costs the timeout once; 3 s leaves the others room on a busy machine.
    run = await check(await listen(server), '--all', '--timeout', '3', '--origin', ORIGIN);
  });
  after(() => close(server));

  test('exit code 1 and a failing summary', () => {
    assert.equal(run.code, 1, run.out);
    hasMatch(run, /^FAIL \d+ ok, \d+ failed, \d+ warnings(, \d+ skipped)?$/);
  });

  test('an item of the wrong type: a warning on the list, a failure on its detail', () => {
    hasLine(
      run,
      'warn GET /v1/services: 2 of 3 items would be skipped by the app: svc-02 $.title: must be string; svc-03 $.title: is missing (required)',
    );
    hasLine(run, 'FAIL GET /v1/services/svc-02: $.title: must be string');
    hasLine(run, 'FAIL GET /v1/services/svc-03: $.title: is missing (required)');
    hasLine(run, 'FAIL GET /v1/campaigns/cmp-02: $.points: must be integer');
    assert.ok(!run.lines.some((l) => l.startsWith('FAIL GET /v1/services/svc-01')), run.out);
  });

  test('a list whose every item is broken fails', () => {
    hasLine(run, 'FAIL GET /v1/rewards: its only item would be skipped, the app shows an error: rwd-01 $.cost: must be integer');
  });

  test('a cursor that loops', () => {
    hasLine(run, 'FAIL GET /v1/stories: the cursor loops: page 2 gives "page-2" again (first given by page 1)');
  });

  test('a body that is not JSON, and an answer that never comes', () => {
    hasLine(run, 'FAIL GET /v1/stations: the body is not JSON: "<html><body>502 Bad Gateway</body></html>"');
    hasLine(run, 'FAIL GET /v1/points/rules: no answer within 3 s');
  });

  test('a 401 without the error body', () => {
    hasLine(run, 'FAIL GET /v1/redemptions without a token: 401 without the error body: "Unauthorized"');
    hasLine(run, 'ok  GET /v1/me without a token (401)');
  });

  test('no CORS headers', () => {
    hasMatch(run, /^FAIL CORS for https:\/\/app\.example\.cn: (\d+) of \1 answers lack Access-Control-Allow-Origin https:\/\/app\.example\.cn or \*/);
    hasMatch(run, /^FAIL CORS for https:\/\/app\.example\.cn: (\d+) of \1 answers do not expose Retry-After/);
    hasLine(
      run,
      'FAIL OPTIONS /v1/reports: the preflight lacks Access-Control-Allow-Origin https://app.example.cn; POST in Access-Control-Allow-Methods; Authorization, Content-Type, Idempotency-Key in Access-Control-Allow-Headers',
    );
  });
});

// ---------------------------------------------------------------------------
// A backend that reads fine but forgets idempotency keys.

function createForgetfulServer() {
  const state = { balance: 100, counter: 0, reports: [], replies: new Map() };
  const server = http.createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    const send = (status, body) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    req.resume();
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Idempotency-Key');
      return send(204, '');
    }
    const p = new URL(req.url, 'http://forgetful.invalid').pathname;
    const key = req.headers['idempotency-key'];
    const id = (prefix) => `${prefix}-${++state.counter}`;
    if (req.method === 'POST' && p === '/v1/campaigns/cmp-01/checkins') {
      // Forgets the key: a second check-in, with points again.
      state.balance += 5;
      return send(201, { id: id('chk'), campaign_id: 'cmp-01', points: 5 });
    }
    if (req.method === 'POST' && p === '/v1/rewards/rwd-01/redemptions') {
      // Replays the first answer, but spends again.
      state.balance -= 1;
      if (!state.replies.has(key)) state.replies.set(key, { id: id('rdm'), reward_id: 'rwd-01', code: 'X1' });
      return send(201, state.replies.get(key));
    }
    if (req.method === 'POST' && p === '/v1/reports') {
      // Files two reports, and answers the first for both.
      const report = { id: id('rpt'), category: '其他', text: 't', status: 'pending' };
      state.reports.push(report);
      if (!state.replies.has(key)) state.replies.set(key, report);
      return send(201, state.replies.get(key));
    }
    const lists = {
      '/v1/services': [], '/v1/courses': [], '/v1/stories': [], '/v1/stations': [], '/v1/points/rules': [],
      '/v1/campaigns': [{ id: 'cmp-01', title: '反诈宣传', points: 5 }],
      '/v1/rewards': [{ id: 'rwd-01', title: '洗车券', cost: 1, stock: 10 }],
      '/v1/points/ledger': [], '/v1/redemptions': [], '/v1/reports': state.reports,
    };
    if (lists[p]) return send(200, { items: lists[p], next: null });
    if (p === '/v1/site') return send(200, {});
    if (p === '/v1/me') return send(200, { id: 'usr-1', name: '测试', points_balance: state.balance });
    const item = Object.entries(lists).flatMap(([l, items]) => items.map((x) => [`${l}/${x.id}`, x])).find(([path]) => path === p);
    if (item) return send(200, item[1]);
    send(404, { error: { code: 'not_found', message: '未找到该内容' } });
  });
  return server;
}

describe('a backend that forgets idempotency keys fails --writes', () => {
  let server;
  let run;
  before(async () => {
    server = createForgetfulServer();
    run = await check(await listen(server), '--token', 'any', '--writes');
  });
  after(() => close(server));

  test('exit code 1', () => assert.equal(run.code, 1, run.out));

  test('a repeat that makes a second record', () => {
    hasMatch(run, /^FAIL POST \/v1\/campaigns\/cmp-01\/checkins: the repeat with the same Idempotency-Key gives \$\.id "chk-\d+", the first "chk-\d+"$/);
    hasLine(run, 'FAIL POST /v1/campaigns/{id}/checkins: the balance moved by 10, want 5 once');
    hasLine(run, 'FAIL POST /v1/reports: the list of reports grew by 2, want 1');
  });

  test('a repeat that gives the same answer but spends twice', () => {
    hasMatch(run, /^ok  POST \/v1\/rewards\/rwd-01\/redemptions \(201, the repeat gives back rdm-\d+\)$/);
    hasLine(run, 'FAIL POST /v1/rewards/{id}/redemptions: the balance went down by 2, want 1 once');
  });
});

// ---------------------------------------------------------------------------
// A backend whose sign-ups forget their key, and whose cancelling keeps the
// seats and refuses a second time.

function createCarelessSignupServer() {
  const state = { seats: 10, counter: 0, signups: [] };
  const server = http.createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    const send = (status, body) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    req.resume();
    const p = new URL(req.url, 'http://careless.invalid').pathname;
    const activity = () => ({ id: 'act-1', title: '慰问会', seats_left: state.seats, form: null, my_signup: state.signups.at(-1) ?? null });
    if (req.method === 'GET' && p === '/v1/activities') return send(200, { items: [activity()], next: null });
    if (req.method === 'GET' && p === '/v1/activities/act-1') return send(200, activity());
    if (req.method === 'POST' && p === '/v1/activities/act-1/signups') {
      // Forgets the key: a second sign-up, a second seat.
      state.seats -= 1;
      const signup = { id: `sgn-${++state.counter}`, activity_id: 'act-1', status: 'confirmed', answers: {}, group: [] };
      state.signups.push(signup);
      return send(201, signup);
    }
    const cancel = /^\/v1\/signups\/([^/]+)\/cancel$/.exec(p);
    const signup = cancel && state.signups.find((s) => s.id === cancel[1]);
    if (req.method === 'POST' && signup) {
      // Keeps the seat, and refuses to cancel a cancelled sign-up.
      if (signup.status === 'cancelled') return send(409, { error: { code: 'signup_closed', message: '报名已截止，不能取消' } });
      signup.status = 'cancelled';
      return send(200, signup);
    }
    send(404, { error: { code: 'not_found', message: '未找到该内容' } });
  });
  return server;
}

describe('a backend that loses track of sign-ups and seats fails --writes', () => {
  let server;
  let run;
  before(async () => {
    server = createCarelessSignupServer();
    run = await check(await listen(server), '--token', 'any', '--writes');
  });
  after(() => close(server));

  test('exit code 1', () => assert.equal(run.code, 1, run.out));

  test('a repeat that signs up again, taking a second seat', () => {
    hasLine(run, 'FAIL POST /v1/activities/act-1/signups: the repeat with the same Idempotency-Key gives $.id "sgn-2", the first "sgn-1"');
    hasLine(run, 'FAIL POST /v1/activities/act-1/signups: seats_left went from 10 to 8, want 1 fewer');
    hasLine(run, 'FAIL POST /v1/activities/act-1/signups: the activity\'s my_signup is "sgn-2", want "sgn-1"');
  });

  test('a cancel that keeps the seat, and refuses the second time', () => {
    hasLine(run, 'FAIL POST /v1/signups/sgn-1/cancel: cancelling again answers 409 signup_closed: 报名已截止，不能取消, want 200 with the cancelled sign-up');
    hasLine(run, 'FAIL POST /v1/signups/sgn-1/cancel: seats_left is 8 after cancelling, want 10 as before the sign-up');
    hasLine(run, 'FAIL POST /v1/signups/sgn-1/cancel: the activity\'s my_signup has status "confirmed", want "cancelled"');
  });
});
