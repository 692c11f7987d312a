// The mock backend (tests/mock/backend.mjs) checked against the contract: its
// answers must validate against public/openapi.yaml, and its behaviour (auth,
// enrolment rules, nominations, knight applications, opinions on topics,
// sign-ups for activities, idempotency, failure injection) must be what e2e
// tests of the app's http mode rely on.
// Run: node --test tests/contract/
// MOCK_DEMO_DIR=<dir> seeds the mock from another folder than public/demo.

import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createValidator, demoDir } from './schema.mjs';
import { createMockServer } from '../mock/backend.mjs';

const backendPath = fileURLToPath(new URL('../mock/backend.mjs', import.meta.url));
const contract = createValidator();
const PHONE = '13800138000';
const TOKEN = `mock-token-${PHONE}`;
const PAGE_SIZE = 5;
const seedDir = process.env.MOCK_DEMO_DIR ?? demoDir;
/** A demo file the mock is seeded from. */
const seedFile = (name) => JSON.parse(readFileSync(path.join(seedDir, name), 'utf8'));
/** The items of a list file, whether it is {items, next} or a bare array. */
const seedItems = (name) => {
  const data = seedFile(name);
  return Array.isArray(data) ? data : data.items;
};

let child;
let base;

// ---------------------------------------------------------------------------
// Helpers

function startBackend() {
  const args = [backendPath, '--port', '0'];
  if (process.env.MOCK_DEMO_DIR) args.push('--demo', process.env.MOCK_DEMO_DIR);
  child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (why) => reject(new Error(`${why}:\n${output}`));
    const timer = setTimeout(() => fail('the mock backend did not start in 10 s'), 10_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /mock backend on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(`the mock backend exited with ${code}`);
    });
  });
}

async function stopBackend() {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** One request; the body comes back parsed when it is JSON. */
async function api(method, path, { token, body, key, headers = {}, signal, at = base } = {}) {
  const init = { method, headers: { ...headers }, signal };
  if (token) init.headers.Authorization = `Bearer ${token}`;
  if (key) init.headers['Idempotency-Key'] = key;
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(at + path, init);
  const text = await res.text();
  let json;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, body: json };
}

const get = (path, options) => api('GET', path, options);
const post = (path, options) => api('POST', path, options);
/** A signed-in write with a fresh key whose body is `text` as it is, JSON or not. */
async function postRaw(path, text) {
  const headers = { Authorization: `Bearer ${TOKEN}`, 'Idempotency-Key': newKey(), 'Content-Type': 'application/json' };
  const res = await fetch(base + path, { method: 'POST', headers, body: text });
  const body = await res.text();
  return { status: res.status, headers: res.headers, text: body, body: body ? JSON.parse(body) : undefined };
}
const reset = () => post('/__mock/reset');
const setClock = (now) => post('/__mock/clock', { body: { now } });
let keys = 0;
const newKey = () => `test-key-${process.pid}-${++keys}`;
const userToken = (n) => `mock-token-139${String(n).padStart(8, '0')}`;

/** Asserts the status and that the body is what the contract declares for it. */
function expectContract(res, method, template, status) {
  assert.equal(res.status, status, `${method} ${template}: ${res.text.slice(0, 300)}`);
  const result = contract.validateResponse(method, template, status, res.body);
  assert.ok(result.valid, `${method} ${template} ${status} breaks the contract:\n${result.errors}`);
  return res.body;
}

function expectError(res, method, template, status, code) {
  const body = expectContract(res, method, template, status);
  assert.equal(body.error.code, code);
  assert.ok(body.error.message, 'an error has a message for people');
}

/** Follows `next` until the last page; checks every page on the way. */
async function getAllPages(path, template, options) {
  const items = [];
  let cursor = null;
  for (let pages = 0; pages < 100; pages++) {
    const sep = path.includes('?') ? '&' : '?';
    const url = cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path;
    const body = expectContract(await get(url, options), 'GET', template, 200);
    assert.ok(body.items.length <= PAGE_SIZE, `${url} returned ${body.items.length} items`);
    items.push(...body.items);
    if (body.next === null) return items;
    cursor = body.next;
  }
  assert.fail(`${path} never reached its last page`);
}

const balance = async (token = TOKEN) => (await get('/v1/me', { token })).body.points_balance;

// ---------------------------------------------------------------------------

before(async () => {
  base = await startBackend();
});
after(stopBackend);
beforeEach(reset);

test('health answers 200', async () => {
  assert.equal((await get('/__mock/health')).status, 200);
});

describe('reads match the contract', () => {
  const lists = [
    ['/v1/site', '/v1/site'],
    ['/v1/services', '/v1/services'],
    ['/v1/courses', '/v1/courses'],
    ['/v1/stations', '/v1/stations'],
    ['/v1/points/rules', '/v1/points/rules'],
    ['/v1/campaigns', '/v1/campaigns'],
    ['/v1/rewards', '/v1/rewards'],
    ['/v1/honours', '/v1/honours'],
    ['/v1/honourees', '/v1/honourees'],
    ['/v1/knights', '/v1/knights'],
    ['/v1/topics', '/v1/topics'],
    ['/v1/activities', '/v1/activities'],
  ];
  for (const [path, template] of lists) {
    test(`GET ${path}`, async () => {
      expectContract(await get(path), 'GET', template, 200);
    });
  }

  for (const path of ['/v1/me', '/v1/reports', '/v1/redemptions', '/v1/nominations', '/v1/knights/applications', '/v1/topics', '/v1/activities']) {
    test(`GET ${path} signed in`, async () => {
      expectContract(await get(path, { token: TOKEN }), 'GET', path, 200);
    });
  }

  test('the site carries its sub-actions and contact as the demo file has them', async () => {
    const site = expectContract(await get('/v1/site'), 'GET', '/v1/site', 200);
    const file = seedFile('site.json');
    assert.deepEqual(site.sub_actions, file.sub_actions);
    assert.deepEqual(site.contact, file.contact);
  });

  test('the ledger pages through every entry and sums to the balance', async () => {
    const entries = await getAllPages('/v1/points/ledger', '/v1/points/ledger', { token: TOKEN });
    const sum = entries.reduce((total, e) => total + e.delta, 0);
    assert.equal(await balance(), sum);
  });

  test('stories page by 5, without bodies, and each opens whole', async () => {
    const stories = await getAllPages('/v1/stories', '/v1/stories');
    assert.ok(stories.length > PAGE_SIZE, 'too few stories to exercise paging');
    assert.equal(new Set(stories.map((s) => s.id)).size, stories.length, 'a story appears on two pages');
    for (const story of stories) {
      assert.ok(!('body' in story), `${story.id} carries its body in the list`);
      const whole = expectContract(await get(`/v1/stories/${encodeURIComponent(story.id)}`), 'GET', '/v1/stories/{id}', 200);
      assert.equal(whole.id, story.id);
      assert.ok(Array.isArray(whole.body), `${story.id} has no body`);
    }
  });

  test('stories filter by tag', async () => {
    const all = await getAllPages('/v1/stories', '/v1/stories');
    const tags = [...new Set(all.map((s) => s.tag))];
    let seen = 0;
    for (const tag of tags) {
      const some = await getAllPages(`/v1/stories?tag=${encodeURIComponent(tag)}`, '/v1/stories');
      assert.ok(some.length > 0 && some.every((s) => s.tag === tag), `tag ${tag}`);
      seen += some.length;
    }
    assert.equal(seen, all.length);
  });

  test('courses filter by kind', async () => {
    const all = (await get('/v1/courses')).body.items;
    let seen = 0;
    for (const kind of ['online', 'offline', 'competition']) {
      const body = expectContract(await get(`/v1/courses?kind=${kind}`), 'GET', '/v1/courses', 200);
      assert.ok(body.items.every((c) => (c.kind ?? 'online') === kind), `kind=${kind}`);
      seen += body.items.length;
    }
    assert.equal(seen, all.length);
    expectError(await get('/v1/courses?kind=webinar'), 'GET', '/v1/courses', 400, 'bad_request');
  });

  test('a wrong SMS code is a 401 bad_code, as the demo says', async () => {
    const res = await post('/v1/auth/login', { body: { phone: PHONE, code: '000000' } });
    expectError(res, 'POST', '/v1/auth/login', 401, 'bad_code');
  });

  const pagedLists = [
    ['/v1/services', null],
    ['/v1/courses', null],
    ['/v1/stations', null],
    ['/v1/campaigns', null],
    ['/v1/rewards', null],
    ['/v1/honours', null],
    ['/v1/honourees', null],
    ['/v1/knights', null],
    ['/v1/topics', TOKEN],
    ['/v1/activities', TOKEN],
    ['/v1/points/ledger', TOKEN],
    ['/v1/reports', TOKEN],
    ['/v1/redemptions', TOKEN],
    ['/v1/nominations', TOKEN],
    ['/v1/knights/applications', TOKEN],
  ];
  for (const [list, token] of pagedLists) {
    test(`with /__mock/paging, ${list} comes in pages that add up to the whole list`, async () => {
      const whole = [];
      for (let cursor = null, pages = 0; ; pages++) {
        assert.ok(pages < 100, `${list} never reached its last page`);
        const url = cursor ? `${list}?cursor=${encodeURIComponent(cursor)}` : list;
        const body = expectContract(await get(url, { token }), 'GET', list, 200);
        whole.push(...body.items);
        if (body.next === null) break;
        cursor = body.next;
      }
      assert.equal((await post('/__mock/paging', { body: { size: 2 } })).status, 204);
      const pages = [];
      for (let cursor = null; pages.length < 100; ) {
        const url = cursor ? `${list}?cursor=${encodeURIComponent(cursor)}` : list;
        const body = expectContract(await get(url, { token }), 'GET', list, 200);
        assert.ok(body.items.length <= 2, `${url} returned ${body.items.length} items`);
        pages.push(body.items);
        if (body.next === null) break;
        cursor = body.next;
      }
      assert.ok(whole.length <= 2 || pages.length > 1, `${list} came whole`);
      assert.deepEqual(pages.flat(), whole);
    });
  }

  test('/__mock/paging wants a positive size, and a reset ends it', async () => {
    assert.equal((await post('/__mock/paging', { body: { size: 0 } })).status, 400);
    await post('/__mock/paging', { body: { size: 2 } });
    await reset();
    const services = (await get('/v1/services')).body;
    assert.equal(services.next, null);
    assert.ok(services.items.length > 2);
  });

  test('a cursor that is not one of ours is a 400', async () => {
    const res = await get('/v1/stories?cursor=not-a-cursor');
    assert.equal(res.status, 400);
    assert.ok(contract.validate('Error', res.body).valid);
  });

  for (const [list, template] of [
    ['/v1/services', '/v1/services/{id}'],
    ['/v1/courses', '/v1/courses/{id}'],
    ['/v1/stations', '/v1/stations/{id}'],
    ['/v1/honourees', '/v1/honourees/{id}'],
    ['/v1/topics', '/v1/topics/{id}'],
    ['/v1/activities', '/v1/activities/{id}'],
  ]) {
    test(`every item of ${list} opens at ${template}`, async () => {
      const { items } = (await get(list)).body;
      assert.ok(items.length > 0, `${list} is empty`);
      for (const item of items) {
        const one = expectContract(await get(`${list}/${encodeURIComponent(item.id)}`), 'GET', template, 200);
        assert.equal(one.id, item.id);
      }
    });
  }
});

describe('errors', () => {
  for (const template of [
    '/v1/services/{id}',
    '/v1/courses/{id}',
    '/v1/stories/{id}',
    '/v1/stations/{id}',
    '/v1/honourees/{id}',
    '/v1/topics/{id}',
    '/v1/activities/{id}',
  ]) {
    test(`${template} with an unknown id is a 404 with the error body`, async () => {
      const res = await get(template.replace('{id}', 'no-such-id'));
      expectError(res, 'GET', template, 404, 'not_found');
    });
  }

  test('an unknown path is a 404 with the error body', async () => {
    const res = await get('/v1/nothing-here');
    assert.equal(res.status, 404);
    assert.ok(contract.validate('Error', res.body).valid, res.text);
  });

  const personal = [
    ['GET', '/v1/me', '/v1/me'],
    ['GET', '/v1/points/ledger', '/v1/points/ledger'],
    ['GET', '/v1/reports', '/v1/reports'],
    ['GET', '/v1/redemptions', '/v1/redemptions'],
    ['POST', '/v1/reports', '/v1/reports'],
    ['POST', '/v1/uploads', '/v1/uploads'],
    ['POST', '/v1/courses/x/enrolments', '/v1/courses/{id}/enrolments'],
    ['POST', '/v1/campaigns/x/checkins', '/v1/campaigns/{id}/checkins'],
    ['POST', '/v1/rewards/x/redemptions', '/v1/rewards/{id}/redemptions'],
    ['GET', '/v1/nominations', '/v1/nominations'],
    ['POST', '/v1/nominations', '/v1/nominations'],
    ['GET', '/v1/knights/applications', '/v1/knights/applications'],
    ['POST', '/v1/knights/applications', '/v1/knights/applications'],
    ['POST', '/v1/topics/x/opinions', '/v1/topics/{id}/opinions'],
    ['POST', '/v1/activities/x/signups', '/v1/activities/{id}/signups'],
    ['POST', '/v1/signups/x/cancel', '/v1/signups/{id}/cancel'],
  ];
  for (const [method, path, template] of personal) {
    test(`${method} ${path} without a token is a 401`, async () => {
      expectError(await api(method, path, { key: newKey() }), method, template, 401, 'unauthorized');
      const wrong = await api(method, path, { key: newKey(), headers: { Authorization: 'Bearer not-a-mock-token' } });
      expectError(wrong, method, template, 401, 'unauthorized');
    });
  }

  test('CORS preflight allows the headers the app sends', async () => {
    const res = await api('OPTIONS', '/v1/reports', {
      headers: {
        Origin: 'http://localhost:8080',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key',
      },
    });
    assert.ok(res.status === 204 || res.status === 200);
    const allowOrigin = res.headers.get('access-control-allow-origin');
    assert.ok(allowOrigin === '*' || allowOrigin === 'http://localhost:8080');
    const allowed = res.headers.get('access-control-allow-headers').toLowerCase();
    for (const h of ['authorization', 'content-type', 'idempotency-key']) assert.ok(allowed.includes(h), h);
    assert.match(res.headers.get('access-control-allow-methods'), /POST/);
    const plain = await get('/v1/site', { headers: { Origin: 'http://localhost:8080' } });
    assert.ok(plain.headers.get('access-control-allow-origin'));
  });
});

describe('login', () => {
  test('an SMS code for a mobile number, then login with 123456', async () => {
    expectError(await post('/v1/auth/sms-code', { body: { phone: '12345' } }), 'POST', '/v1/auth/sms-code', 400, 'invalid_phone');
    const sent = await post('/v1/auth/sms-code', { body: { phone: PHONE } });
    assert.equal(sent.status, 204);
    assert.equal(sent.text, '');

    const wrong = await post('/v1/auth/login', { body: { phone: PHONE, code: '000000' } });
    expectError(wrong, 'POST', '/v1/auth/login', 401, 'bad_code');

    const session = expectContract(
      await post('/v1/auth/login', { body: { phone: PHONE, code: '123456' } }),
      'POST',
      '/v1/auth/login',
      200,
    );
    assert.equal(session.token, TOKEN);
    assert.ok(Date.parse(session.expires_at) > Date.now());
    const me = expectContract(await get('/v1/me', { token: session.token }), 'GET', '/v1/me', 200);
    assert.equal(me.phone_masked, '138****8000');
  });
});

describe('enrolment', () => {
  // Courses with seats and a deadline; the server's clock is set before the
  // earliest deadline, so that the demo data's dates do not age the test.
  let courses;
  beforeEach(async () => {
    courses = (await get('/v1/courses')).body.items.filter(
      (c) => c.enrol_deadline && typeof c.seats_left === 'number',
    );
    assert.ok(courses.length > 0, 'no course with seats and a deadline to enrol in');
    const earliest = Math.min(...courses.map((c) => Date.parse(c.enrol_deadline)));
    await setClock(new Date(earliest - 86400_000).toISOString());
  });

  const openCourse = () => {
    const course = courses.find((c) => c.seats_left > 1 && !c.enrolled);
    assert.ok(course, 'no open course with two or more seats left');
    return course;
  };
  const path = (course) => `/v1/courses/${encodeURIComponent(course.id)}`;

  test('takes a seat and shows as enrolled for that worker only', async () => {
    const course = openCourse();
    const enrolment = expectContract(await post(`${path(course)}/enrolments`, { token: TOKEN }), 'POST', '/v1/courses/{id}/enrolments', 201);
    assert.equal(enrolment.course_id, course.id);

    const mine = (await get(path(course), { token: TOKEN })).body;
    assert.equal(mine.enrolled, true);
    assert.equal(mine.seats_left, course.seats_left - 1);
    assert.equal((await get(path(course))).body.enrolled, false);
    assert.equal((await get(path(course), { token: userToken(1) })).body.enrolled, false);
    const listed = (await get('/v1/courses', { token: TOKEN })).body.items.find((c) => c.id === course.id);
    assert.equal(listed.enrolled, true);

    const again = await post(`${path(course)}/enrolments`, { token: TOKEN });
    expectError(again, 'POST', '/v1/courses/{id}/enrolments', 409, 'already_enrolled');
    assert.equal((await get(path(course))).body.seats_left, course.seats_left - 1, 'a refused repeat took a seat');
  });

  test('a repeated Idempotency-Key returns the first enrolment', async () => {
    const course = openCourse();
    const key = newKey();
    const first = await post(`${path(course)}/enrolments`, { token: TOKEN, key });
    const second = await post(`${path(course)}/enrolments`, { token: TOKEN, key });
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.deepEqual(second.body, first.body);
    assert.equal((await get(path(course))).body.seats_left, course.seats_left - 1);
  });

  test('a full course is a 409 course_full', async () => {
    const course = courses.filter((c) => !c.enrolled).sort((a, b) => a.seats_left - b.seats_left)[0];
    assert.ok(course.seats_left <= 200, 'the smallest course is too big to fill in a test');
    for (let n = 0; n < course.seats_left; n++) {
      const res = await post(`${path(course)}/enrolments`, { token: userToken(n) });
      assert.equal(res.status, 201, res.text);
    }
    assert.equal((await get(path(course))).body.seats_left, 0);
    const late = await post(`${path(course)}/enrolments`, { token: userToken(999) });
    expectError(late, 'POST', '/v1/courses/{id}/enrolments', 409, 'course_full');
  });

  test('after the deadline it is a 409 enrolment_closed', async () => {
    await setClock('2100-01-01T00:00:00+08:00');
    const res = await post(`${path(openCourse())}/enrolments`, { token: TOKEN });
    expectError(res, 'POST', '/v1/courses/{id}/enrolments', 409, 'enrolment_closed');
  });

  test('an online course needs no enrolment: 409 enrolment_not_needed, as the demo says', async () => {
    const online = (await get('/v1/courses?kind=online')).body.items[0];
    const res = await post(`${path(online)}/enrolments`, { token: TOKEN });
    expectError(res, 'POST', '/v1/courses/{id}/enrolments', 409, 'enrolment_not_needed');
  });

  test('a repeated key replays a refusal too, with the same status and body', async () => {
    const course = openCourse();
    const key = newKey();
    await setClock('2100-01-01T00:00:00+08:00');
    const refused = await post(`${path(course)}/enrolments`, { token: TOKEN, key });
    expectError(refused, 'POST', '/v1/courses/{id}/enrolments', 409, 'enrolment_closed');
    await setClock(new Date(Date.parse(course.enrol_deadline) - 86400_000).toISOString());
    const replay = await post(`${path(course)}/enrolments`, { token: TOKEN, key });
    assert.equal(replay.status, 409);
    assert.deepEqual(replay.body, refused.body);
    assert.equal((await get(path(course), { token: TOKEN })).body.enrolled, false, 'the replay enrolled');
  });

  test('an unknown course is a 404', async () => {
    expectError(await post('/v1/courses/no-such-id/enrolments', { token: TOKEN }), 'POST', '/v1/courses/{id}/enrolments', 404, 'not_found');
  });
});

describe('reports and uploads', () => {
  const report = { category: '道路隐患', text: '路口井盖松动。', photos: [], location: { lat: 28.84, lng: 108.77 } };

  test('an upload returns an id', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' }), 'a.jpg');
    const upload = expectContract(await post('/v1/uploads', { token: TOKEN, body: form }), 'POST', '/v1/uploads', 201);
    assert.match(upload.id, /^upl-\d+$/);
    assert.equal(upload.url, null);
  });

  test('a report needs an Idempotency-Key', async () => {
    const res = await post('/v1/reports', { token: TOKEN, body: report });
    assert.equal(res.status, 400);
    assert.ok(contract.validate('Error', res.body).valid);
  });

  test('a repeated key files one report and answers the same', async () => {
    const before = (await get('/v1/reports', { token: TOKEN })).body.items.length;
    const key = newKey();
    const first = expectContract(await post('/v1/reports', { token: TOKEN, key, body: report }), 'POST', '/v1/reports', 201);
    assert.equal(first.status, 'pending');
    assert.equal(first.text, report.text);
    const second = await post('/v1/reports', { token: TOKEN, key, body: report });
    assert.equal(second.status, 201);
    assert.deepEqual(second.body, first);
    const after = (await get('/v1/reports', { token: TOKEN })).body.items;
    assert.equal(after.length, before + 1);
    assert.equal(after[0].id, first.id, 'newest first');

    await post('/v1/reports', { token: TOKEN, key: newKey(), body: report });
    assert.equal((await get('/v1/reports', { token: TOKEN })).body.items.length, before + 2);
  });

  test('a report without category is a 400', async () => {
    const res = await post('/v1/reports', { token: TOKEN, key: newKey(), body: { text: '?' } });
    expectError(res, 'POST', '/v1/reports', 400, 'bad_request');
  });

  const photoForm = (bytes, type = 'image/jpeg') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), 'photo.jpg');
    return form;
  };

  test('an upload keeps what arrived: its size and type', async () => {
    await reset();
    const upload = expectContract(
      await post('/v1/uploads', { token: TOKEN, body: photoForm([0xff, 0xd8, 0xff, 0xe0, 1, 2]) }),
      'POST',
      '/v1/uploads',
      201,
    );
    assert.equal(upload.bytes, 6);
    const stored = (await get('/__mock/uploads')).body;
    assert.deepEqual(stored, [{ id: upload.id, user: PHONE, bytes: 6, content_type: 'image/jpeg', jpeg: true }]);
  });

  test('an upload that is not a picture is a 415', async () => {
    const res = await post('/v1/uploads', { token: TOKEN, body: photoForm([1, 2, 3], 'text/html') });
    expectError(res, 'POST', '/v1/uploads', 415, 'unsupported_type');
  });

  test('a report names only photos its author uploaded, and keeps place, town and anonymity', async () => {
    const upload = (await post('/v1/uploads', { token: TOKEN, body: photoForm([0xff, 0xd8, 0xff]) })).body;
    const full = { ...report, photos: [upload.id], address: '民族路口', town: '桃花源街道', anonymous: true };
    const filed = expectContract(await post('/v1/reports', { token: TOKEN, key: newKey(), body: full }), 'POST', '/v1/reports', 201);
    assert.deepEqual(
      [filed.photos, filed.address, filed.town, filed.anonymous, filed.review_note],
      [[upload.id], '民族路口', '桃花源街道', true, null],
    );
    const foreign = await post('/v1/reports', { token: userToken(1), key: newKey(), body: full });
    expectError(foreign, 'POST', '/v1/reports', 400, 'bad_request');
  });

  test('a dropped answer still files the report once: the repeat with its key gets it', async () => {
    await reset();
    const before = (await get('/v1/reports', { token: TOKEN })).body.items.length;
    await post('/__mock/fail', { body: { path: '/v1/reports', status: 'drop', times: 1 } });
    const key = newKey();
    await assert.rejects(post('/v1/reports', { token: TOKEN, key, body: report }));
    const again = expectContract(await post('/v1/reports', { token: TOKEN, key, body: report }), 'POST', '/v1/reports', 201);
    const after = (await get('/v1/reports', { token: TOKEN })).body.items;
    assert.equal(after.length, before + 1);
    assert.equal(after[0].id, again.id);
  });
});

describe('campaigns', () => {
  const MOMENT = '2026-11-28T10:00:00+08:00';
  const open = (c) => !c.ends_at || Date.parse(c.ends_at) > Date.parse(MOMENT);

  test('a check-in awards points once, and climbs the level with the points earned', async () => {
    await setClock(MOMENT);
    const campaign = (await get('/v1/campaigns', { token: TOKEN })).body.items.find((c) => !c.checked_in && open(c));
    const before = (await get('/v1/me', { token: TOKEN })).body;
    assert.ok(campaign, 'no campaign to check in to');
    const start = await balance();
    const key = newKey();
    const path = `/v1/campaigns/${encodeURIComponent(campaign.id)}/checkins`;
    const first = expectContract(await post(path, { token: TOKEN, key }), 'POST', '/v1/campaigns/{id}/checkins', 201);
    assert.equal(first.campaign_id, campaign.id);
    assert.equal(await balance(), start + (campaign.points ?? 0));

    const replay = await post(path, { token: TOKEN, key });
    assert.equal(replay.status, 201);
    assert.deepEqual(replay.body, first);
    assert.equal(await balance(), start + (campaign.points ?? 0), 'a replay awarded points twice');

    expectError(await post(path, { token: TOKEN, key: newKey() }), 'POST', '/v1/campaigns/{id}/checkins', 409, 'already_checked_in');
    const listed = (await get('/v1/campaigns', { token: TOKEN })).body.items.find((c) => c.id === campaign.id);
    assert.equal(listed.checked_in, true);
    assert.equal((await get('/v1/campaigns')).body.items.find((c) => c.id === campaign.id).checked_in, false);
    const one = expectContract(await get(`/v1/campaigns/${encodeURIComponent(campaign.id)}`, { token: TOKEN }), 'GET', '/v1/campaigns/{id}', 200);
    assert.equal(one.checked_in, true);

    const after = expectContract(await get('/v1/me', { token: TOKEN }), 'GET', '/v1/me', 200);
    assert.equal(after.points_earned, before.points_earned + campaign.points);
    const climbed = before.level?.next_at != null && after.points_earned >= before.level.next_at;
    assert.equal(after.level.name, climbed ? before.level.next_name : before.level.name);
  });

  test('an ended campaign takes no check-in', async () => {
    await setClock(MOMENT);
    const ended = (await get('/v1/campaigns')).body.items.find((c) => !open(c));
    assert.ok(ended, 'no ended campaign in the demo data');
    const path = `/v1/campaigns/${encodeURIComponent(ended.id)}/checkins`;
    expectError(await post(path, { token: TOKEN, key: newKey() }), 'POST', '/v1/campaigns/{id}/checkins', 409, 'campaign_closed');
  });

  test('an unknown campaign is a 404', async () => {
    expectError(await get('/v1/campaigns/no-such-id'), 'GET', '/v1/campaigns/{id}', 404, 'not_found');
  });
});

describe('redemptions', () => {
  const redeemPath = (reward) => `/v1/rewards/${encodeURIComponent(reward.id)}/redemptions`;
  const template = '/v1/rewards/{id}/redemptions';

  test('deducts points once, adds a ledger entry and a voucher', async () => {
    const start = await balance();
    const rewards = (await get('/v1/rewards')).body.items;
    const reward = rewards.find((r) => r.cost <= start && r.stock !== 0);
    assert.ok(reward, `no reward the demo worker can afford with ${start} points`);
    const key = newKey();
    const first = expectContract(await post(redeemPath(reward), { token: TOKEN, key }), 'POST', template, 201);
    assert.equal(first.reward_id, reward.id);
    assert.ok(first.code);
    assert.equal(await balance(), start - reward.cost);

    const replay = await post(redeemPath(reward), { token: TOKEN, key });
    assert.equal(replay.status, 201);
    assert.deepEqual(replay.body, first);
    assert.equal(await balance(), start - reward.cost, 'a replay deducted twice');

    const ledger = (await get('/v1/points/ledger', { token: TOKEN })).body.items;
    assert.equal(ledger[0].delta, -reward.cost);
    const vouchers = (await get('/v1/redemptions', { token: TOKEN })).body.items;
    assert.equal(vouchers[0].id, first.id);
    const voucherPath = `/v1/redemptions/${encodeURIComponent(first.id)}`;
    const voucher = expectContract(await get(voucherPath, { token: TOKEN }), 'GET', '/v1/redemptions/{id}', 200);
    assert.deepEqual(voucher, first);
    assert.equal(voucher.provider, reward.provider);
    const days = (Date.parse(voucher.expires_at) - Date.parse(voucher.created_at)) / 86400_000;
    assert.equal(days, reward.valid_days ?? 90);
    expectError(await get(voucherPath, { token: userToken(7) }), 'GET', '/v1/redemptions/{id}', 404, 'not_found');
    const one = expectContract(await get(`/v1/rewards/${encodeURIComponent(reward.id)}`), 'GET', '/v1/rewards/{id}', 200);
    assert.equal(one.id, reward.id);
    if (typeof reward.stock === 'number') {
      const now = (await get('/v1/rewards')).body.items.find((r) => r.id === reward.id);
      assert.equal(now.stock, reward.stock - 1);
    }
  });

  test('spending past the balance is a 409 insufficient_points, and the ledger still sums', async () => {
    const rewards = (await get('/v1/rewards')).body.items.filter((r) => r.stock !== 0 && r.cost > 0);
    const cheapest = [...rewards].sort((a, b) => a.cost - b.cost)[0];
    assert.ok(cheapest, 'no reward with a cost');
    // Spend until refused; stock may run out first, then try another reward.
    for (let n = 0; n < 100; n++) {
      const res = await post(redeemPath(cheapest), { token: TOKEN, key: newKey() });
      if (res.status !== 201) {
        assert.equal(res.status, 409, res.text);
        break;
      }
    }
    const left = await balance();
    assert.ok(left >= 0, 'the balance went negative');
    const dear = (await get('/v1/rewards')).body.items.find((r) => r.stock !== 0 && r.cost > left);
    assert.ok(dear, 'no reward costs more than what is left');
    expectError(await post(redeemPath(dear), { token: TOKEN, key: newKey() }), 'POST', template, 409, 'insufficient_points');
    assert.equal(await balance(), left);

    const entries = await getAllPages('/v1/points/ledger', '/v1/points/ledger', { token: TOKEN });
    assert.equal(entries.reduce((t, e) => t + e.delta, 0), left);
  });

  test('a reward out of stock is a 409 out_of_stock', async () => {
    const rewards = (await get('/v1/rewards')).body.items.filter((r) => typeof r.stock === 'number');
    assert.ok(rewards.length > 0, 'no reward with a stock');
    const reward = [...rewards].sort((a, b) => a.stock - b.stock)[0];
    assert.ok(reward.stock <= 200, 'the smallest stock is too big to empty in a test');
    const start = await balance();
    assert.ok(reward.cost <= start || reward.stock === 0, 'the demo worker cannot afford the reward with the smallest stock');
    for (let n = 0; n < reward.stock; n++) {
      assert.equal((await post(redeemPath(reward), { token: userToken(n), key: newKey() })).status, 201);
    }
    expectError(await post(redeemPath(reward), { token: userToken(999), key: newKey() }), 'POST', template, 409, 'out_of_stock');
  });
});

describe('honours', () => {
  test('honourees filter by honour and by year, in file order', async () => {
    const all = expectContract(await get('/v1/honourees'), 'GET', '/v1/honourees', 200).items;
    assert.deepEqual(all.map((h) => h.id), seedItems('honourees.json').map((h) => h.id), 'not the file order');
    const honours = expectContract(await get('/v1/honours'), 'GET', '/v1/honours', 200).items;
    assert.deepEqual(honours, seedItems('honours.json'));
    const years = [...new Set(all.map((h) => h.year).filter((y) => y != null))];
    assert.ok(honours.length > 1 && years.length > 1, 'too few honours or years to exercise the filters');
    for (const honour of honours) {
      const url = `/v1/honourees?honour=${encodeURIComponent(honour.id)}`;
      const some = expectContract(await get(url), 'GET', '/v1/honourees', 200).items;
      assert.deepEqual(some, all.filter((h) => h.honour === honour.id), url);
      for (const year of years) {
        const both = expectContract(await get(`${url}&year=${year}`), 'GET', '/v1/honourees', 200).items;
        assert.deepEqual(both, all.filter((h) => h.honour === honour.id && h.year === year), `${url}&year=${year}`);
      }
    }
    for (const year of years) {
      const some = expectContract(await get(`/v1/honourees?year=${year}`), 'GET', '/v1/honourees', 200).items;
      assert.ok(some.length > 0, `year ${year}`);
      assert.deepEqual(some, all.filter((h) => h.year === year), `year ${year}`);
    }
    assert.deepEqual((await get('/v1/honourees?honour=hon-nothing')).body.items, []);
    assert.deepEqual((await get('/v1/honourees?year=1999')).body.items, []);
  });

  for (const year of ['abc', '2024.5', '', '20x4']) {
    test(`a year that is not an integer (${JSON.stringify(year)}) is a 400 bad_request`, async () => {
      expectError(await get(`/v1/honourees?year=${encodeURIComponent(year)}`), 'GET', '/v1/honourees', 400, 'bad_request');
    });
  }

  test('an honouree opens by id', async () => {
    const first = seedItems('honourees.json')[0];
    const one = expectContract(await get(`/v1/honourees/${encodeURIComponent(first.id)}`), 'GET', '/v1/honourees/{id}', 200);
    assert.deepEqual(one, first);
  });
});

describe('nominations', () => {
  const template = '/v1/nominations';
  const honour = () => seedItems('honours.json')[0].id;
  const valid = () => ({ nominee: '  王师傅 ', occupation: '快递员 ', deed: ' 暴雨天帮独居老人把药送上楼。', contact: null, honour: honour() });
  const mine = async (token = TOKEN) => expectContract(await get(template, { token }), 'GET', template, 200).items;

  test('the demo worker starts with the nominations of the demo file', async () => {
    assert.deepEqual(await mine(), seedItems('nominations.json'));
    assert.deepEqual(await mine(userToken(3)), seedItems('nominations.json'));
  });

  test('files a trimmed nomination once per key, newest first, for that worker only', async () => {
    const before = await mine();
    const key = newKey();
    const first = expectContract(await post(template, { token: TOKEN, key, body: valid() }), 'POST', template, 201);
    assert.deepEqual(
      { ...first, id: undefined, created_at: undefined },
      { id: undefined, nominee: '王师傅', occupation: '快递员', deed: '暴雨天帮独居老人把药送上楼。', contact: null, honour: honour(), status: 'submitted', review_note: null, created_at: undefined },
    );
    assert.ok(first.id && !before.some((n) => n.id === first.id), 'a new id');
    assert.ok(Date.parse(first.created_at) > 0);
    const replay = await post(template, { token: TOKEN, key, body: valid() });
    assert.equal(replay.status, 201);
    assert.deepEqual(replay.body, first);
    const after = await mine();
    assert.equal(after.length, before.length + 1, 'the replay filed a second nomination');
    assert.deepEqual(after[0], first, 'newest first');
    assert.deepEqual(await mine(userToken(3)), seedItems('nominations.json'), 'another worker sees it');

    const second = expectContract(await post(template, { token: TOKEN, key: newKey(), body: valid() }), 'POST', template, 201);
    assert.deepEqual((await mine()).slice(0, 2).map((n) => n.id), [second.id, first.id]);
  });

  test('contact and honour may be absent, null or blank', async () => {
    const { nominee, occupation, deed } = valid();
    for (const extra of [{}, { contact: null, honour: null }, { contact: '   ', honour: '' }, { honour: '  ' }]) {
      const filed = expectContract(await post(template, { token: TOKEN, key: newKey(), body: { nominee, occupation, deed, ...extra } }), 'POST', template, 201);
      assert.equal(filed.contact, null, JSON.stringify(extra));
      assert.equal(filed.honour, null, JSON.stringify(extra));
    }
    const filed = expectContract(await post(template, { token: TOKEN, key: newKey(), body: { ...valid(), contact: ' 138 0000 0000 ' } }), 'POST', template, 201);
    assert.equal(filed.contact, '138 0000 0000');
  });

  test('lengths count characters (code points), not UTF-16 units', async () => {
    const body = { nominee: '😀'.repeat(40), occupation: '骑'.repeat(40), deed: '𠀀'.repeat(500), contact: '😀'.repeat(60) };
    const filed = expectContract(await post(template, { token: TOKEN, key: newKey(), body }), 'POST', template, 201);
    assert.equal(filed.nominee, body.nominee);
  });

  const invalid = [
    ['no nominee', { nominee: undefined }],
    ['a blank nominee', { nominee: '   ' }],
    ['a nominee of 41 characters', { nominee: '😀'.repeat(41) }],
    ['a nominee that is not text', { nominee: 42 }],
    ['no occupation', { occupation: '' }],
    ['an occupation of 41 characters', { occupation: '骑'.repeat(41) }],
    ['no deed', { deed: undefined }],
    ['a deed of 501 characters', { deed: '事'.repeat(501) }],
    ['a contact of 61 characters', { contact: '1'.repeat(61) }],
    ['a contact that is not text', { contact: 13800138000 }],
    ['an unknown honour', { honour: 'hon-nothing' }],
    ['an honour that is not text', { honour: 7 }],
  ];
  for (const [what, change] of invalid) {
    test(`${what} is a 400 invalid_nomination that files nothing`, async () => {
      const before = (await mine()).length;
      const res = await post(template, { token: TOKEN, key: newKey(), body: { ...valid(), ...change } });
      expectError(res, 'POST', template, 400, 'invalid_nomination');
      assert.match(res.body.error.message, /\p{Script=Han}/u, 'the message is in Chinese');
      assert.equal((await mine()).length, before);
    });
  }

  test('an empty body, one that is not an object or not JSON is a 400 invalid_nomination', async () => {
    for (const body of [{}, [], 'text', null]) {
      expectError(await post(template, { token: TOKEN, key: newKey(), body }), 'POST', template, 400, 'invalid_nomination');
    }
    const empty = await post(template, { token: TOKEN, key: newKey(), headers: { 'Content-Type': 'application/json' } });
    expectError(empty, 'POST', template, 400, 'invalid_nomination');
    const garbage = await postRaw(template, '{"nominee": ');
    expectError(garbage, 'POST', template, 400, 'invalid_nomination');
  });

  test('checks in order: token, then Idempotency-Key, then the body', async () => {
    expectError(await post(template, { body: {} }), 'POST', template, 401, 'unauthorized');
    expectError(await post(template, { token: TOKEN, body: {} }), 'POST', template, 400, 'idempotency_key_required');
    expectError(await post(template, { token: TOKEN, body: valid() }), 'POST', template, 400, 'idempotency_key_required');
  });

  test('a repeated key replays a refusal too, and files nothing', async () => {
    const before = (await mine()).length;
    const key = newKey();
    const refused = await post(template, { token: TOKEN, key, body: { ...valid(), deed: '' } });
    expectError(refused, 'POST', template, 400, 'invalid_nomination');
    const replay = await post(template, { token: TOKEN, key, body: valid() });
    assert.equal(replay.status, 400);
    assert.deepEqual(replay.body, refused.body);
    assert.equal((await mine()).length, before);
  });
});

describe('knights', () => {
  const template = '/v1/knights/applications';
  const valid = () => ({ occupation: ' 外卖骑手', employer: '美团 ', years: 4, town: '桃花源街道', reason: ' 想把骑手们的建议带到议事会上。 ' });
  const mine = async (token = TOKEN) => expectContract(await get(template, { token }), 'GET', template, 200).items;

  test('the members are those of the demo file', async () => {
    assert.deepEqual(expectContract(await get('/v1/knights'), 'GET', '/v1/knights', 200).items, seedItems('knights.json'));
  });

  test('the demo worker starts with the applications of the demo file, none under review', async () => {
    const start = await mine();
    assert.deepEqual(start, seedItems('knight-applications.json'));
    assert.ok(!start.some((a) => a.status === 'submitted'), 'the demo worker could not apply');
  });

  test('one application under review at a time; a repeated key gives the first back', async () => {
    const before = await mine();
    const key = newKey();
    const first = expectContract(await post(template, { token: TOKEN, key, body: valid() }), 'POST', template, 201);
    assert.deepEqual(
      [first.occupation, first.employer, first.years, first.town, first.reason, first.status, first.review_note],
      ['外卖骑手', '美团', 4, '桃花源街道', '想把骑手们的建议带到议事会上。', 'submitted', null],
    );
    const replay = await post(template, { token: TOKEN, key, body: valid() });
    assert.equal(replay.status, 201, 'a replay is not a second application');
    assert.deepEqual(replay.body, first);

    const second = await post(template, { token: TOKEN, key: newKey(), body: valid() });
    expectError(second, 'POST', template, 409, 'application_open');
    const after = await mine();
    assert.equal(after.length, before.length + 1);
    assert.deepEqual(after[0], first, 'newest first');

    // Another worker has their own applications.
    expectContract(await post(template, { token: userToken(5), key: newKey(), body: valid() }), 'POST', template, 201);
    assert.equal((await mine(userToken(6))).length, seedItems('knight-applications.json').length);
  });

  test('employer is optional: absent, null or blank is null', async () => {
    const { employer: _employer, ...rest } = valid();
    for (const [n, body] of [rest, { ...rest, employer: null }, { ...rest, employer: '  ' }].entries()) {
      const filed = expectContract(await post(template, { token: userToken(20 + n), key: newKey(), body }), 'POST', template, 201);
      assert.equal(filed.employer, null);
    }
    const zero = expectContract(await post(template, { token: userToken(30), key: newKey(), body: { ...valid(), years: 0 } }), 'POST', template, 201);
    assert.equal(zero.years, 0);
    const fifty = expectContract(await post(template, { token: userToken(31), key: newKey(), body: { ...valid(), years: 50, occupation: '😀'.repeat(40) } }), 'POST', template, 201);
    assert.equal(fifty.years, 50);
  });

  const invalid = [
    ['no occupation', { occupation: undefined }],
    ['an occupation of 41 characters', { occupation: '骑'.repeat(41) }],
    ['a blank town', { town: '  ' }],
    ['a town of 41 characters', { town: '镇'.repeat(41) }],
    ['no years', { years: undefined }],
    ['years below 0', { years: -1 }],
    ['years above 50', { years: 51 }],
    ['years that are not whole', { years: 3.5 }],
    ['years as text', { years: '4' }],
    ['no reason', { reason: '' }],
    ['a reason of 501 characters', { reason: '想'.repeat(501) }],
    ['an employer of 41 characters', { employer: '美'.repeat(41) }],
  ];
  for (const [what, change] of invalid) {
    test(`${what} is a 400 invalid_application`, async () => {
      const res = await post(template, { token: TOKEN, key: newKey(), body: { ...valid(), ...change } });
      expectError(res, 'POST', template, 400, 'invalid_application');
      assert.match(res.body.error.message, /\p{Script=Han}/u, 'the message is in Chinese');
      assert.deepEqual(await mine(), seedItems('knight-applications.json'), 'an invalid application was filed');
    });
  }

  test('a body that is not JSON is a 400 invalid_application', async () => {
    expectError(await postRaw(template, 'occupation=骑手'), 'POST', template, 400, 'invalid_application');
    expectError(await post(template, { token: TOKEN, key: newKey(), body: [valid()] }), 'POST', template, 400, 'invalid_application');
  });

  test('checks in order: token, Idempotency-Key, the body, then the open application', async () => {
    expectError(await post(template, { body: valid() }), 'POST', template, 401, 'unauthorized');
    expectError(await post(template, { token: TOKEN, body: { years: -1 } }), 'POST', template, 400, 'idempotency_key_required');
    expectContract(await post(template, { token: TOKEN, key: newKey(), body: valid() }), 'POST', template, 201);
    const invalidWhileOpen = await post(template, { token: TOKEN, key: newKey(), body: { ...valid(), reason: '' } });
    expectError(invalidWhileOpen, 'POST', template, 400, 'invalid_application');
    expectError(await post(template, { token: TOKEN, key: newKey(), body: valid() }), 'POST', template, 409, 'application_open');
  });
});

describe('topics', () => {
  const seed = () => seedItems('topics.json');
  // The server's clock before the first open topic closes, so that the demo's dates do not age the test.
  const beforeClosing = () => {
    const closing = seed().filter((t) => t.state !== 'closed' && t.closes_at).map((t) => Date.parse(t.closes_at));
    assert.ok(closing.length > 0, 'no open topic with a closing time');
    return new Date(Math.min(...closing) - 86400_000).toISOString();
  };
  beforeEach(async () => setClock(beforeClosing()));

  const topics = async (query = '', token) => expectContract(await get(`/v1/topics${query}`, { token }), 'GET', '/v1/topics', 200).items;
  const topic = async (id, token) =>
    expectContract(await get(`/v1/topics/${encodeURIComponent(id)}`, { token }), 'GET', '/v1/topics/{id}', 200);
  const opinions = (id) => `/v1/topics/${encodeURIComponent(id)}/opinions`;
  const template = '/v1/topics/{id}/opinions';
  const openTopic = () => {
    const found = seed().find((t) => t.state !== 'closed' && t.closes_at);
    assert.ok(found, 'no open topic in the demo data');
    return found;
  };
  const closedTopic = () => {
    const found = seed().find((t) => t.state === 'closed');
    assert.ok(found, 'no closed topic in the demo data');
    return found;
  };

  test('open topics first, then closed, in file order; state narrows the list', async () => {
    const all = await topics();
    const ids = (list) => list.map((t) => t.id);
    const file = seed();
    const isOpen = (t) => t.state !== 'closed';
    assert.deepEqual(ids(all), [...ids(file.filter(isOpen)), ...ids(file.filter((t) => !isOpen(t)))]);
    const open = await topics('?state=open');
    const closed = await topics('?state=closed');
    assert.ok(open.length > 0 && closed.length > 0, 'the demo data wants open and closed topics');
    assert.ok(open.every((t) => t.state === 'open') && closed.every((t) => t.state === 'closed'));
    assert.deepEqual([...open, ...closed], all);
  });

  for (const state of ['pending', 'OPEN', '']) {
    test(`state=${JSON.stringify(state)} is a 400 bad_request`, async () => {
      expectError(await get(`/v1/topics?state=${encodeURIComponent(state)}`), 'GET', '/v1/topics', 400, 'bad_request');
    });
  }

  test('a topic whose closing time has passed is closed, and takes no opinion', async () => {
    const t = openTopic();
    await setClock(new Date(Date.parse(t.closes_at) + 60_000).toISOString());
    assert.equal((await topic(t.id)).state, 'closed');
    assert.ok((await topics('?state=closed')).some((x) => x.id === t.id));
    assert.ok(!(await topics('?state=open')).some((x) => x.id === t.id));
    const all = await topics();
    assert.ok(all.findIndex((x) => x.id === t.id) >= all.findIndex((x) => x.state === 'closed'), 'listed among the open ones');
    const res = await post(opinions(t.id), { token: TOKEN, key: newKey(), body: { text: '晚了一步。' } });
    expectError(res, 'POST', template, 409, 'topic_closed');
  });

  test('a topic closed by its state takes no opinion', async () => {
    const t = closedTopic();
    expectError(await post(opinions(t.id), { token: TOKEN, key: newKey(), body: { text: '还想说一句。' } }), 'POST', template, 409, 'topic_closed');
    assert.equal((await topic(t.id)).opinion_count, t.opinion_count);
  });

  test('my_opinions are the worker\'s own: empty without a token, the demo file\'s to start with', async () => {
    for (const t of seed()) {
      assert.deepEqual((await topic(t.id)).my_opinions, [], `${t.id} without a token`);
      assert.deepEqual((await topic(t.id, TOKEN)).my_opinions, t.my_opinions ?? [], `${t.id} with a token`);
      assert.deepEqual((await topic(t.id, userToken(8))).my_opinions, t.my_opinions ?? [], `${t.id} for another worker`);
    }
    assert.ok(seed().some((t) => t.my_opinions?.length), 'the demo worker has sent no opinion in the demo data');
    for (const t of await topics()) assert.deepEqual(t.my_opinions, [], `${t.id} listed without a token`);
  });

  test('an opinion is sent once per key: newest first in my_opinions, counted once for everyone', async () => {
    const t = openTopic();
    const key = newKey();
    const first = expectContract(await post(opinions(t.id), { token: TOKEN, key, body: { text: '  划在东门右侧。 ' } }), 'POST', template, 201);
    assert.deepEqual([first.topic_id, first.text], [t.id, '划在东门右侧。']);
    assert.ok(first.id && Date.parse(first.created_at) > 0);
    const replay = await post(opinions(t.id), { token: TOKEN, key, body: { text: '  划在东门右侧。 ' } });
    assert.equal(replay.status, 201);
    assert.deepEqual(replay.body, first);
    const base = t.opinion_count ?? 0;
    assert.equal((await topic(t.id)).opinion_count, base + 1, 'the replay was counted');

    const second = expectContract(await post(opinions(t.id), { token: TOKEN, key: newKey(), body: { text: '晚上加一盏灯。' } }), 'POST', template, 201);
    const mineNow = (await topic(t.id, TOKEN)).my_opinions;
    assert.deepEqual(mineNow, [second, first, ...(t.my_opinions ?? [])], 'newest first');
    const listed = (await topics('', TOKEN)).find((x) => x.id === t.id);
    assert.deepEqual(listed.my_opinions, mineNow);
    assert.equal(listed.opinion_count, base + 2);

    // Another worker's opinion counts for everyone but is theirs alone.
    const theirs = expectContract(await post(opinions(t.id), { token: userToken(9), key: newKey(), body: { text: '同意。' } }), 'POST', template, 201);
    assert.equal((await topic(t.id)).opinion_count, base + 3);
    assert.equal((await topic(t.id, TOKEN)).opinion_count, base + 3);
    assert.deepEqual((await topic(t.id, userToken(9))).my_opinions, [theirs, ...(t.my_opinions ?? [])]);
    assert.deepEqual((await topic(t.id, TOKEN)).my_opinions, mineNow);
    assert.deepEqual((await topic(t.id)).my_opinions, []);
  });

  test('an empty opinion or one over 500 characters is a 400 invalid_opinion', async () => {
    const t = openTopic();
    for (const body of [{ text: '' }, { text: '   \n ' }, { text: '意'.repeat(501) }, {}, { text: 7 }]) {
      const res = await post(opinions(t.id), { token: TOKEN, key: newKey(), body });
      expectError(res, 'POST', template, 400, 'invalid_opinion');
    }
    assert.equal((await topic(t.id)).opinion_count, t.opinion_count, 'a refused opinion was counted');
    const long = expectContract(await post(opinions(t.id), { token: TOKEN, key: newKey(), body: { text: '😀'.repeat(500) } }), 'POST', template, 201);
    assert.equal([...long.text].length, 500);
  });

  test('checks in order: token, Idempotency-Key, the topic, the text, then whether it is closed', async () => {
    const body = { text: '' };
    expectError(await post(opinions('no-such-id'), { body }), 'POST', template, 401, 'unauthorized');
    expectError(await post(opinions('no-such-id'), { token: TOKEN, body }), 'POST', template, 400, 'idempotency_key_required');
    expectError(await post(opinions('no-such-id'), { token: TOKEN, key: newKey(), body }), 'POST', template, 404, 'not_found');
    // A body that is not JSON is a 400 of the body's checks: after the topic's 404.
    expectError(await postRaw(opinions('no-such-id'), '{"text": '), 'POST', template, 404, 'not_found');
    expectError(await postRaw(opinions(openTopic().id), '{"text": '), 'POST', template, 400, 'invalid_opinion');
    expectError(await post(opinions(closedTopic().id), { token: TOKEN, key: newKey(), body }), 'POST', template, 400, 'invalid_opinion');
  });

  test('a repeated key replays a refusal, even once the topic would take the opinion', async () => {
    const t = openTopic();
    const key = newKey();
    await setClock(new Date(Date.parse(t.closes_at) + 60_000).toISOString());
    const refused = await post(opinions(t.id), { token: TOKEN, key, body: { text: '晚了。' } });
    expectError(refused, 'POST', template, 409, 'topic_closed');
    await setClock(beforeClosing());
    const replay = await post(opinions(t.id), { token: TOKEN, key, body: { text: '晚了。' } });
    assert.equal(replay.status, 409);
    assert.deepEqual(replay.body, refused.body);
    assert.deepEqual((await topic(t.id, TOKEN)).my_opinions, t.my_opinions ?? []);
  });
});

describe('activities', () => {
  const seed = () => seedItems('activities.json');
  const demo = (id) => {
    const found = seed().find((a) => a.id === id);
    assert.ok(found, `no ${id} in the demo data`);
    return found;
  };
  const ENDED = 'act-mid-autumn';
  // The server's clock a day before the first deadline of the activities still
  // to come (and after the end of the one that is over), so that the demo's
  // dates do not age the test.
  const beforeDeadlines = () => {
    const deadlines = seed().filter((a) => a.id !== ENDED && a.deadline).map((a) => Date.parse(a.deadline));
    const at = Math.min(...deadlines) - 86400_000;
    assert.ok(at > Date.parse(demo(ENDED).ends_at), `${ENDED} has not ended before the other deadlines`);
    return new Date(at).toISOString();
  };
  const justAfter = (time) => new Date(Date.parse(time) + 60_000).toISOString();
  beforeEach(async () => setClock(beforeDeadlines()));

  const LIST = '/v1/activities';
  const DETAIL = '/v1/activities/{id}';
  const SIGNUP = '/v1/activities/{id}/signups';
  const CANCEL = '/v1/signups/{id}/cancel';
  const activities = async (token) => expectContract(await get(LIST, { token }), 'GET', LIST, 200).items;
  const activity = async (id, token) => expectContract(await get(`${LIST}/${encodeURIComponent(id)}`, { token }), 'GET', DETAIL, 200);
  const signups = (id) => `${LIST}/${encodeURIComponent(id)}/signups`;
  const cancel = (id) => `/v1/signups/${encodeURIComponent(id)}/cancel`;
  const seatsLeft = async (id) => (await activity(id)).seats_left;
  /** A sign-up that must be taken: its 201 body. */
  const signUp = async (id, body, { token = TOKEN, key = newKey() } = {}) =>
    expectContract(await post(signups(id), { token, key, body }), 'POST', SIGNUP, 201);
  const refusal = async (id, body, status, code, { token = TOKEN, key = newKey() } = {}) => {
    const res = await post(signups(id), { token, key, body });
    expectError(res, 'POST', SIGNUP, status, code);
    return res.body.error.message;
  };

  const children = (...ages) => ({
    answers: { guardian_phone: '13800000000' },
    group: ages.map((age, i) => ({ name: `孩子${i + 1}`, age })),
  });
  const festival = (extra = {}) => ({ answers: { people: 2, meal: '素食', ...extra } });

  test('coming activities soonest first (without a start last), then ended ones latest first', async () => {
    const expected = (at) => {
      const now = Date.parse(at);
      const start = (a) => (a.starts_at ? Date.parse(a.starts_at) : Infinity);
      const ended = (a) => a.ends_at != null && Date.parse(a.ends_at) < now;
      const coming = seed().filter((a) => !ended(a)).sort((a, b) => start(a) - start(b));
      const over = seed().filter(ended).sort((a, b) => start(b) - start(a));
      return [...coming, ...over].map((a) => a.id);
    };
    const ids = (await activities()).map((a) => a.id);
    assert.deepEqual(ids, expected(beforeDeadlines()));
    assert.equal(ids.at(-1), ENDED, 'ended activities come last');
    assert.equal(ids[0], 'act-first-aid', 'the soonest first');

    // Once the 节日慰问会 is over, it leads those that have ended: the latest ended first.
    const later = justAfter(demo('act-festival').ends_at);
    await setClock(later);
    const after = (await activities()).map((a) => a.id);
    assert.deepEqual(after, expected(later));
    assert.ok(after.indexOf('act-festival') < after.indexOf('act-first-aid'), after.join());
    assert.equal(after.at(-1), ENDED);
  });

  test('an activity reads as the file has it, my_signup null until the worker signs up', async () => {
    for (const a of seed()) {
      assert.deepEqual(await activity(a.id), { ...a, my_signup: null });
      assert.deepEqual(await activity(a.id, TOKEN), { ...a, my_signup: null }, `${a.id} with a token`);
    }
  });

  test('my_signup is the worker\'s latest sign-up, null without a token or for another worker', async () => {
    const id = 'act-festival';
    const before = await seatsLeft(id);
    const signup = await signUp(id, festival());
    assert.deepEqual((await activity(id, TOKEN)).my_signup, signup);
    assert.deepEqual((await activities(TOKEN)).find((a) => a.id === id).my_signup, signup);
    assert.equal((await activity(id)).my_signup, null);
    assert.equal((await activity(id, userToken(4))).my_signup, null);
    for (const a of await activities()) assert.equal(a.my_signup, null, `${a.id} listed without a token`);
    // The seat it took is gone for everyone.
    assert.equal(await seatsLeft(id), before - 1);
    assert.equal((await activity(id, userToken(4))).seats_left, before - 1);

    const cancelled = expectContract(await post(cancel(signup.id), { token: TOKEN }), 'POST', CANCEL, 200);
    assert.deepEqual((await activity(id, TOKEN)).my_signup, cancelled, 'a cancelled sign-up is still the latest');
    const again = await signUp(id, festival({ meal: '普通餐' }));
    assert.deepEqual((await activity(id, TOKEN)).my_signup, again, 'the newest sign-up, not the cancelled one');
  });

  test('two children take two seats until the sign-up is cancelled', async () => {
    const id = 'act-summer-care';
    const before = await seatsLeft(id);
    const body = {
      answers: { guardian_phone: '138 0000-0000' },
      group: [{ name: ' 小雨 ', age: 8, school: '三年级' }, { name: '小山', age: '5', school: '  ' }],
    };
    const signup = await signUp(id, body);
    assert.deepEqual(
      { ...signup, id: undefined, created_at: undefined },
      {
        id: undefined,
        activity_id: id,
        status: 'confirmed',
        answers: { guardian_phone: '13800000000' },
        group: [{ name: '小雨', age: 8, school: '三年级' }, { name: '小山', age: 5 }],
        created_at: undefined,
      },
      'answers come back typed: digits, integers, trimmed text, blank optional answers left out',
    );
    assert.ok(signup.id && Date.parse(signup.created_at) > 0);
    assert.equal(await seatsLeft(id), before - 2);
    assert.equal((await activity(id, userToken(2))).seats_left, before - 2, 'seats are shared');

    const first = expectContract(await post(cancel(signup.id), { token: TOKEN }), 'POST', CANCEL, 200);
    assert.deepEqual(first, { ...signup, status: 'cancelled' });
    assert.equal(await seatsLeft(id), before, 'the seats are given back');
    const second = expectContract(await post(cancel(signup.id), { token: TOKEN, key: newKey() }), 'POST', CANCEL, 200);
    assert.deepEqual(second, first, 'cancelling twice changes nothing');
    assert.equal(await seatsLeft(id), before, 'a second cancel gave the seats back twice');

    const anew = await signUp(id, body);
    assert.notEqual(anew.id, signup.id, 'a cancelled sign-up can be made again');
    assert.equal(await seatsLeft(id), before - 2);
  });

  test('one confirmed sign-up per worker; seats are shared among workers until none is left', async () => {
    const id = 'act-summer-care';
    const first = await signUp(id, children(8));
    assert.equal(await refusal(id, children(9), 409, 'already_signed_up'), '你已经报过名了');
    assert.deepEqual((await activity(id, TOKEN)).my_signup, first);
    await signUp(id, children(8), { token: userToken(40) });

    // Other workers take three seats each until fewer than three are left.
    const left = await seatsLeft(id);
    const workers = [];
    for (let n = 0; n < Math.floor(left / 3); n += 1) {
      const token = userToken(50 + n);
      workers.push({ token, signup: await signUp(id, children(5, 6, 7), { token }) });
    }
    assert.equal(await seatsLeft(id), left % 3);
    const late = userToken(90);
    const wanted = children(...Array.from({ length: (left % 3) + 1 }, () => 6));
    assert.equal(await refusal(id, wanted, 409, 'activity_full', { token: late }), '名额不够了');
    assert.equal(await seatsLeft(id), left % 3, 'a refused sign-up took seats');

    // One family cancels: its three seats are there for the next.
    expectContract(await post(cancel(workers[0].signup.id), { token: workers[0].token }), 'POST', CANCEL, 200);
    assert.equal(await seatsLeft(id), (left % 3) + 3);
    await signUp(id, wanted, { token: late });
    assert.equal(await seatsLeft(id), 2);
  });

  test('a repeated key gives the first sign-up back and takes no second seat', async () => {
    const id = 'act-festival';
    const before = await seatsLeft(id);
    const key = newKey();
    const first = await signUp(id, festival(), { key });
    const replay = await post(signups(id), { token: TOKEN, key, body: festival({ meal: '清真餐' }) });
    assert.equal(replay.status, 201, 'a replay is not already_signed_up');
    assert.deepEqual(replay.body, first);
    assert.equal(await seatsLeft(id), before - 1);
    // The key is the worker's own: another worker with the same key signs up anew.
    const theirs = await signUp(id, festival(), { token: userToken(7), key });
    assert.notEqual(theirs.id, first.id);
    assert.equal(await seatsLeft(id), before - 2);
  });

  test('a repeated key replays a refusal, even once the sign-up would be taken', async () => {
    const id = 'act-festival';
    const key = newKey();
    const refused = await post(signups(id), { token: TOKEN, key, body: festival({ people: 9 }) });
    expectError(refused, 'POST', SIGNUP, 400, 'invalid_signup');
    const replay = await post(signups(id), { token: TOKEN, key, body: festival() });
    assert.equal(replay.status, 400);
    assert.deepEqual(replay.body, refused.body);
    assert.equal((await activity(id, TOKEN)).my_signup, null);
  });

  const child = (extra = {}) => ({ name: '小雨', age: 8, ...extra });
  const care = (answers, group) => ({ answers: { guardian_phone: '13800000000', ...answers }, group });
  // [activity, what is sent, the refusal's message (null: taken)]
  const invalid = [
    ['act-summer-care', 'a child of 15', care({}, [child({ age: 15 })]), '第 1 个孩子的年龄应在 3 到 14 之间'],
    ['act-summer-care', 'a second child of 2', care({}, [child(), child({ age: 2 })]), '第 2 个孩子的年龄应在 3 到 14 之间'],
    ['act-summer-care', 'an age of "7.5"', care({}, [child({ age: '7.5' })]), '第 1 个孩子的年龄请填整数'],
    ['act-summer-care', 'an age of "八"', care({}, [child({ age: '八' })]), '第 1 个孩子的年龄请填整数'],
    ['act-summer-care', 'an age beyond 64 bits', care({}, [child({ age: '99999999999999999999' })]), '第 1 个孩子的年龄请填整数'],
    ['act-summer-care', 'a blank name', care({}, [child({ name: '   ' })]), '第 1 个孩子的请填写姓名'],
    ['act-summer-care', 'no name', care({}, [{ age: 8 }]), '第 1 个孩子的请填写姓名'],
    ['act-summer-care', 'a name of 21 characters', care({}, [child({ name: '雨'.repeat(21) })]), '第 1 个孩子的姓名最多 20 个字'],
    ['act-summer-care', 'a name of 21 emoji', care({}, [child({ name: '😀'.repeat(21) })]), '第 1 个孩子的姓名最多 20 个字'],
    ['act-summer-care', 'no age', care({}, [{ name: '小雨' }]), '第 1 个孩子的请填写年龄'],
    ['act-summer-care', 'no child', care({}, []), '至少填写 1 个孩子'],
    ['act-summer-care', 'no group at all', { answers: { guardian_phone: '13800000000' } }, '至少填写 1 个孩子'],
    ['act-summer-care', 'four children', care({}, [child(), child(), child(), child()]), '最多 3 个孩子'],
    ['act-summer-care', 'four children, one of 1', care({}, [child(), child(), child(), child({ age: 1 })]), '最多 3 个孩子'],
    ['act-summer-care', 'no guardian phone', { group: [child()] }, '请填写监护人手机号'],
    ['act-summer-care', 'a short phone and a child of 15', { answers: { guardian_phone: '138' }, group: [child({ age: 15 })] }, '监护人手机号应是 11 位手机号'],
    ['act-summer-care', 'a phone starting with 2', care({ guardian_phone: '23800000000' }, [child()]), '监护人手机号应是 11 位手机号'],
    ['act-summer-care', 'a phone of 10 digits', care({ guardian_phone: '1380000000' }, [child()]), '监护人手机号应是 11 位手机号'],
    ['act-summer-care', 'a phone of 12 digits', care({ guardian_phone: '138000000001' }, [child()]), '监护人手机号应是 11 位手机号'],
    ['act-summer-care', 'a phone sent as a number', care({ guardian_phone: 13800000000 }, [child()]), null],
    ['act-festival', 'a meal not on offer', festival({ meal: '火锅' }), '请选择用餐'],
    ['act-festival', 'no meal', { answers: { people: 2 } }, '请选择用餐'],
    ['act-festival', 'a blank meal', festival({ meal: ' ' }), '请选择用餐'],
    ['act-festival', '5 people', festival({ people: 5 }), '到场人数（含家属）应在 1 到 4 之间'],
    ['act-festival', '0 people', festival({ people: 0 }), '到场人数（含家属）应在 1 到 4 之间'],
    ['act-festival', '"两" people', festival({ people: '两' }), '到场人数（含家属）请填整数'],
    ['act-festival', 'no number of people', { answers: { meal: '火锅' } }, '请填写到场人数（含家属）'],
    ['act-festival', 'no answers', {}, '请填写到场人数（含家属）'],
    ['act-ecommerce', 'goods of 41 characters', { answers: { platform: '抖音', goods: '蜜'.repeat(41) } }, '想卖什么最多 40 个字'],
    ['act-ecommerce', 'no platform', { answers: { goods: '蜂蜜' } }, '请选择主要在哪个平台'],
  ];
  for (const [id, what, body, message] of invalid) {
    test(`${id} with ${what}: ${message == null ? 'taken' : `400 invalid_signup ${message}`}`, async () => {
      if (message == null) return void (await signUp(id, body));
      const before = await seatsLeft(id);
      assert.equal(await refusal(id, body, 400, 'invalid_signup'), message);
      assert.equal(await seatsLeft(id), before, 'a refused sign-up took a seat');
      assert.equal((await activity(id, TOKEN)).my_signup, null);
    });
  }

  test('answers within the rules are taken as typed', async () => {
    const taken = await signUp('act-summer-care', {
      answers: { guardian_phone: ' 138-0000 0000 ', note: 'not asked' },
      group: [
        { name: '😀'.repeat(20), age: '+3', school: ' 钟多小学 ' },
        { name: '小山', age: ' 14 ' },
        { name: '小河', age: 9, school: '' },
      ],
    });
    assert.deepEqual(taken.answers, { guardian_phone: '13800000000' }, 'an answer to no question is left out');
    assert.deepEqual(taken.group, [
      { name: '😀'.repeat(20), age: 3, school: '钟多小学' },
      { name: '小山', age: 14 },
      { name: '小河', age: 9 },
    ]);
    const goods = await signUp('act-ecommerce', { answers: { platform: '还没开始' } });
    assert.deepEqual(goods.answers, { platform: '还没开始' }, 'an optional question may be left out');
    // A form without a group keeps no group, whatever is sent: one seat.
    const before = await seatsLeft('act-festival');
    const one = await signUp('act-festival', { ...festival({ people: '4', meal: ' 清真餐 ' }), group: [{ name: 'x' }, { name: 'y' }] });
    assert.deepEqual([one.answers, one.group], [{ people: 4, meal: '清真餐' }, []]);
    assert.equal(await seatsLeft('act-festival'), before - 1);
  });

  test('an activity without a form takes an empty sign-up, and without a limit counts no seat', async () => {
    const id = 'act-family-games';
    assert.equal(demo(id).form, null);
    assert.equal(demo(id).seats_left, null);
    for (const [n, body] of [{}, { answers: null, group: null }, { answers: { anything: 'x' }, group: [{ a: 1 }] }].entries()) {
      const signup = await signUp(id, body, { token: userToken(60 + n) });
      assert.deepEqual([signup.answers, signup.group], [{}, []]);
    }
    assert.equal(await seatsLeft(id), null);
  });

  const malformed = [
    ['an array', []],
    ['a string', 'text'],
    ['null', null],
    ['answers as an array', { answers: [] }],
    ['answers as a string', { answers: 'x' }],
    ['an answer that is true', { answers: { people: true, meal: '素食' } }],
    ['an answer that is not whole', { answers: { people: 2.5, meal: '素食' } }],
    ['an answer that is null', { answers: { people: 2, meal: null } }],
    ['an answer that is an object', { answers: { people: { n: 2 }, meal: '素食' } }],
    ['an answer to no question that is a list', { answers: { people: 2, meal: '素食', extra: [1] } }],
    ['a group that is an object', { ...festival(), group: { name: 'x' } }],
    ['a group member that is null', { ...festival(), group: [null] }],
    ['a group member that is a string', { ...festival(), group: ['小雨'] }],
    ['a group answer that is a boolean', { ...festival(), group: [{ name: false }] }],
  ];
  for (const [what, body] of malformed) {
    test(`a body with ${what} is a 400 invalid_signup 报名内容格式不对`, async () => {
      assert.equal(await refusal('act-festival', body, 400, 'invalid_signup'), '报名内容格式不对');
    });
  }

  test('a body that is not JSON, or none, is a 400 invalid_signup', async () => {
    const garbage = await postRaw(signups('act-festival'), '{"answers": ');
    expectError(garbage, 'POST', SIGNUP, 400, 'invalid_signup');
    assert.equal(garbage.body.error.message, '报名内容格式不对');
    const none = await post(signups('act-family-games'), { token: TOKEN, key: newKey() });
    expectError(none, 'POST', SIGNUP, 400, 'invalid_signup');
  });

  test('full and closed activities refuse sign-ups', async () => {
    assert.equal(demo('act-first-aid').seats_left, 0);
    assert.equal(await refusal('act-first-aid', { answers: { occupation: '快递员' } }, 409, 'activity_full'), '名额不够了');
    assert.equal(await refusal(ENDED, {}, 409, 'signup_closed'), '报名已截止');
    // Past its deadline, before its end.
    const f = demo('act-festival');
    await setClock(justAfter(f.deadline));
    assert.ok(Date.parse(f.ends_at) > Date.parse(justAfter(f.deadline)));
    assert.equal(await refusal(f.id, festival(), 409, 'signup_closed'), '报名已截止');
    // Closed comes before full.
    await setClock(justAfter(demo('act-first-aid').deadline));
    await refusal('act-first-aid', { answers: { occupation: '快递员' } }, 409, 'signup_closed');
  });

  test('checks in order: token, key, activity, body, answers, signed up, closed, then full', async () => {
    const body = { answers: { occupation: '骑手' } }; // not one of the options
    expectError(await post(signups('no-such-id'), { body }), 'POST', SIGNUP, 401, 'unauthorized');
    expectError(await post(signups('no-such-id'), { token: TOKEN, body }), 'POST', SIGNUP, 400, 'idempotency_key_required');
    expectError(await post(signups('no-such-id'), { token: TOKEN, key: newKey(), body }), 'POST', SIGNUP, 404, 'not_found');
    // A body that is not JSON is a 400 of the body's checks: after the activity's 404.
    expectError(await postRaw(signups('no-such-id'), '{"answers": '), 'POST', SIGNUP, 404, 'not_found');
    // Answers are checked before the activity is found full or closed.
    assert.equal(await refusal('act-first-aid', body, 400, 'invalid_signup'), '请选择职业');
    assert.equal(await refusal(ENDED, { answers: 'x' }, 400, 'invalid_signup'), '报名内容格式不对');
    // Signed up comes before closed.
    await signUp('act-festival', festival());
    await setClock(justAfter(demo('act-festival').deadline));
    await refusal('act-festival', festival({ people: 9 }), 400, 'invalid_signup');
    await refusal('act-festival', festival(), 409, 'already_signed_up');
  });

  test('cancelling: only the worker\'s own sign-up, and not after the deadline', async () => {
    const id = 'act-festival';
    const signup = await signUp(id, festival());
    const before = await seatsLeft(id);
    expectError(await post(cancel(signup.id)), 'POST', CANCEL, 401, 'unauthorized');
    expectError(await post(cancel('no-such-id'), { token: TOKEN }), 'POST', CANCEL, 404, 'not_found');
    expectError(await post(cancel(signup.id), { token: userToken(3) }), 'POST', CANCEL, 404, 'not_found');

    await setClock(justAfter(demo(id).deadline));
    const key = newKey();
    const late = await post(cancel(signup.id), { token: TOKEN, key });
    expectError(late, 'POST', CANCEL, 409, 'signup_closed');
    assert.equal(late.body.error.message, '报名已截止，不能取消');
    assert.equal((await activity(id, TOKEN)).my_signup.status, 'confirmed');
    assert.equal(await seatsLeft(id), before);

    // Back before the deadline: the key replays its refusal, a new one cancels.
    await setClock(beforeDeadlines());
    const replay = await post(cancel(signup.id), { token: TOKEN, key });
    assert.equal(replay.status, 409);
    assert.deepEqual(replay.body, late.body);
    const cancelled = expectContract(await post(cancel(signup.id), { token: TOKEN, key: newKey() }), 'POST', CANCEL, 200);
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(await seatsLeft(id), before + 1);

    // A cancelled sign-up answers unchanged, after the deadline too.
    await setClock(justAfter(demo(id).deadline));
    assert.deepEqual(expectContract(await post(cancel(signup.id), { token: TOKEN }), 'POST', CANCEL, 200), cancelled);
    assert.equal(await seatsLeft(id), before + 1);
  });

  test('cancelling needs no body and replays by key', async () => {
    const signup = await signUp('act-summer-care', children(6, 7, 8));
    const before = await seatsLeft('act-summer-care');
    const key = newKey();
    const first = expectContract(await post(cancel(signup.id), { token: TOKEN, key, body: {} }), 'POST', CANCEL, 200);
    assert.equal(await seatsLeft('act-summer-care'), before + 3);
    const again = await signUp('act-summer-care', children(6));
    const replay = await post(cancel(signup.id), { token: TOKEN, key });
    assert.deepEqual([replay.status, replay.body], [200, first]);
    assert.equal((await activity('act-summer-care', TOKEN)).my_signup.id, again.id);
    assert.equal(await seatsLeft('act-summer-care'), before + 2);
  });
});

describe('sign-up forms of any shape', () => {
  // Forms the demo data does not have, served by a mock seeded from a folder of its own.
  const NOW = '2026-06-01T09:00:00+08:00';
  const question = (id, label, more = {}) => ({ id, label, ...more });
  const ACTIVITIES = [
    {
      id: 'act-any',
      title: '各种题型',
      starts_at: '2026-07-01T09:00:00+08:00',
      seats_left: 5,
      form: {
        questions: [
          question('note', '备注', { type: 'text' }),
          question('when', '方便的时间', { type: 'date' }),
          question('weight', '体重', { type: 'number', min: 20, required: false }),
          question('floor', '楼层', { type: 'number', max: 30, required: false }),
          question('count', '数量', { type: 'number', max_length: null, min: null, max: null, required: false }),
          question('size', '尺码', { type: 'choice', options: ['S', 'M'], required: false }),
          question('tel', '电话', { type: 'phone', required: false }),
          question('plain', '无类型', { required: false }),
        ],
        group: null,
      },
    },
    {
      id: 'act-group',
      title: '默认组',
      starts_at: '2026-07-02T09:00:00+08:00',
      seats_left: 1,
      form: { group: { noun: '同行人', questions: [question('name', '姓名')] } },
    },
    {
      id: 'act-optional-group',
      title: '可不带人',
      seats_left: 0,
      form: { questions: [], group: { noun: '家属', min: 0, max: 2, questions: [] } },
    },
    { id: 'act-no-start', title: '没有开始时间', seats_left: null, form: {} },
    { id: 'act-over', title: '已结束无截止', starts_at: '2026-05-01T09:00:00+08:00', ends_at: '2026-05-01T12:00:00+08:00', form: null },
    { id: 'act-over-earlier', title: '更早结束', starts_at: '2026-04-01T09:00:00+08:00', ends_at: '2026-04-01T12:00:00+08:00', form: null },
  ];
  let dir;
  let server;
  let at;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'mock-forms-'));
    writeFileSync(path.join(dir, 'activities.json'), JSON.stringify({ items: ACTIVITIES, next: null }));
    server = createMockServer({ clock: Date.parse(NOW), demoDir: dir });
    await new Promise((resolve) => server.http.listen(0, '127.0.0.1', resolve));
    at = `http://127.0.0.1:${server.http.address().port}`;
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => server.reset());

  const send = (id, body, token = TOKEN) =>
    api('POST', `/v1/activities/${id}/signups`, { at, token, key: newKey(), body });
  const message = async (id, body) => {
    const res = await send(id, body);
    expectError(res, 'POST', '/v1/activities/{id}/signups', 400, 'invalid_signup');
    return res.body.error.message;
  };
  const taken = async (id, body, token) =>
    expectContract(await send(id, body, token), 'POST', '/v1/activities/{id}/signups', 201);
  const needed = { note: '好', when: '下周' };

  test('the list: without a start after those with one, then ended ones latest first', async () => {
    // Not judged by the contract: its QuestionType does not list "date" yet.
    const list = (await api('GET', '/v1/activities', { at })).body;
    assert.deepEqual(list.items.map((a) => a.id), ['act-any', 'act-group', 'act-optional-group', 'act-no-start', 'act-over', 'act-over-earlier']);
  });

  test('text is 100 characters unless it says; a type the mock does not know is text', async () => {
    assert.equal(await message('act-any', { answers: { ...needed, note: '字'.repeat(101) } }), '备注最多 100 个字');
    assert.equal(await message('act-any', { answers: { note: '好' } }), '请填写方便的时间');
    assert.equal(await message('act-any', { answers: { ...needed, when: '时'.repeat(101) } }), '方便的时间最多 100 个字');
    const signup = await taken('act-any', { answers: { note: '字'.repeat(100), when: ' 下周 ', plain: 7 } });
    assert.deepEqual(signup.answers, { note: '字'.repeat(100), when: '下周', plain: '7' });
  });

  test('a number with only a minimum, only a maximum, or neither', async () => {
    assert.equal(await message('act-any', { answers: { ...needed, weight: 19 } }), '体重不能小于 20');
    assert.equal(await message('act-any', { answers: { ...needed, floor: 31 } }), '楼层不能大于 30');
    assert.equal(await message('act-any', { answers: { ...needed, count: '1e3' } }), '数量请填整数');
    assert.equal(await message('act-any', { answers: { ...needed, size: 'L' } }), '请选择尺码');
    assert.equal(await message('act-any', { answers: { ...needed, tel: '138 0000 000a' } }), '电话应是 11 位手机号');
    const signup = await taken('act-any', {
      answers: { ...needed, weight: '20', floor: -3, count: '-9000000000', size: '', tel: '' },
    });
    assert.deepEqual(signup.answers, { ...needed, weight: 20, floor: -3, count: -9000000000 }, 'optional blanks are left out');
  });

  test('a group without min and max takes one member; each member takes a seat', async () => {
    assert.equal(await message('act-group', {}), '至少填写 1 个同行人');
    assert.equal(await message('act-group', { group: [{ name: 'a' }, { name: 'b' }] }), '最多 1 个同行人');
    const signup = await taken('act-group', { group: [{ name: '甲' }] });
    assert.deepEqual([signup.answers, signup.group], [{}, [{ name: '甲' }]]);
    const full = await send('act-group', { group: [{ name: '乙' }] }, userToken(1));
    expectError(full, 'POST', '/v1/activities/{id}/signups', 409, 'activity_full');
  });

  test('a group of none takes no seat, even when none is left', async () => {
    const signup = await taken('act-optional-group', { group: [] });
    assert.deepEqual(signup.group, []);
    const res = await send('act-optional-group', { group: [{}] }, userToken(2));
    expectError(res, 'POST', '/v1/activities/{id}/signups', 409, 'activity_full');
    assert.equal(await message('act-optional-group', { group: [{}, {}, {}] }), '最多 2 个家属');
  });

  test('an empty form asks nothing and no limit takes any number; an end without a deadline closes', async () => {
    await taken('act-no-start', {});
    await taken('act-no-start', {}, userToken(3));
    const closed = await send('act-over', {});
    expectError(closed, 'POST', '/v1/activities/{id}/signups', 409, 'signup_closed');
    const detail = expectContract(await api('GET', '/v1/activities/act-no-start', { at }), 'GET', '/v1/activities/{id}', 200);
    assert.equal(detail.seats_left, null);
  });
});

describe('failure injection', () => {
  const fail = (path, status, times = 1) => post('/__mock/fail', { body: { path, status, times } });

  test('a 500 for the next N requests, then recovery', async () => {
    assert.equal((await fail('/v1/services', 500, 2)).status, 204);
    for (let n = 0; n < 2; n++) {
      expectError(await get('/v1/services'), 'GET', '/v1/services', 500, 'internal');
    }
    expectContract(await get('/v1/services'), 'GET', '/v1/services', 200);
  });

  test('other paths are not affected', async () => {
    await fail('/v1/services', 503);
    assert.equal((await get('/v1/stations')).status, 200);
    assert.equal((await get('/v1/services')).status, 503);
  });

  test('"malformed" answers 200 with a body that is not JSON', async () => {
    await fail('/v1/stations', 'malformed');
    const res = await get('/v1/stations');
    assert.equal(res.status, 200);
    assert.throws(() => JSON.parse(res.text));
    assert.equal((await get('/v1/stations')).status, 200);
  });

  test('"timeout" holds the request until the client gives up', async () => {
    await fail('/v1/me', 'timeout');
    await assert.rejects(get('/v1/me', { token: TOKEN, signal: AbortSignal.timeout(300) }), { name: 'TimeoutError' });
    assert.equal((await get('/v1/me', { token: TOKEN })).status, 200);
  });

  test('a reset disarms failures', async () => {
    await fail('/v1/site', 500, 5);
    await reset();
    assert.equal((await get('/v1/site')).status, 200);
  });

  test('a bad failure request is a 400', async () => {
    assert.equal((await post('/__mock/fail', { body: { path: '/v1/site', status: 'sometimes' } })).status, 400);
  });
});

test('the request log shows the headers the app sent', async () => {
  const key = newKey();
  await get('/v1/me', { token: TOKEN });
  await post('/v1/reports', { token: TOKEN, key, body: { category: '其他', text: '测试' } });
  await get('/v1/courses?kind=offline');
  const log = (await get('/__mock/requests')).body;
  assert.deepEqual(
    log.map(({ method, path, query, authorization, idempotency_key }) => ({ method, path, query, authorization, idempotency_key })),
    [
      { method: 'GET', path: '/v1/me', query: '', authorization: `Bearer ${TOKEN}`, idempotency_key: null },
      { method: 'POST', path: '/v1/reports', query: '', authorization: `Bearer ${TOKEN}`, idempotency_key: key },
      { method: 'GET', path: '/v1/courses', query: '?kind=offline', authorization: null, idempotency_key: null },
    ],
  );
  await reset();
  assert.deepEqual((await get('/__mock/requests')).body, []);
});
