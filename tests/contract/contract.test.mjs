// The contract file and the demo data, checked against each other and against
// the facts the app promises (25 services, 23 online courses, 58 stations…).
// Run: node --test tests/contract/

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import {
  createValidator,
  dateTimeFields,
  demoDir,
  loadSpec,
  repoRoot,
  resolve,
} from './schema.mjs';

const spec = loadSpec();
const contract = createValidator({ spec });
const closed = createValidator({ spec, closedObjects: true });

// Each demo file is what a static-file backend would answer for one GET.
// `item` is checked per element as well: stories.json carries whole stories
// (the demo transport answers GET /v1/stories/{id} from it too).
const DEMO_FILES = [
  { file: 'site.json', schema: 'Site' },
  { file: 'services.json', schema: 'ServiceList' },
  { file: 'courses.json', schema: 'CourseList' },
  { file: 'stories.json', schema: 'StoryList', item: 'Story' },
  { file: 'stations.json', schema: 'StationList' },
  { file: 'points-rules.json', schema: 'PointsRuleList' },
  { file: 'campaigns.json', schema: 'CampaignList' },
  { file: 'rewards.json', schema: 'RewardList' },
  { file: 'me.json', schema: 'Me' },
  { file: 'ledger.json', schema: 'LedgerPage' },
  { file: 'reports.json', schema: 'ReportList' },
  { file: 'redemptions.json', schema: 'RedemptionList' },
  { file: 'honours.json', schema: 'HonourList' },
  { file: 'honourees.json', schema: 'HonoureeList' },
  { file: 'nominations.json', schema: 'NominationList' },
  { file: 'knights.json', schema: 'KnightList' },
  { file: 'knight-applications.json', schema: 'KnightApplicationList' },
  { file: 'topics.json', schema: 'TopicList' },
  { file: 'activities.json', schema: 'ActivityList' },
];

const STORY_TAGS = ['新经济组织', '新社会组织', '新就业群体'];
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
// RFC 3339 date-time: full date, "T", seconds, optional fraction, and an offset.
const RFC3339 = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

function readDemo(file) {
  const full = path.join(demoDir, file);
  assert.ok(existsSync(full), `missing demo file public/demo/${file}`);
  try {
    return JSON.parse(readFileSync(full, 'utf8'));
  } catch (error) {
    assert.fail(`public/demo/${file} is not valid JSON: ${error.message}`);
  }
}

const items = (file) => readDemo(file).items;

function assertValid(result, what) {
  assert.ok(result.valid, `${what} does not match the contract:\n${result.errors}`);
}

describe('demo data matches the contract', () => {
  for (const { file, schema, item } of DEMO_FILES) {
    test(`${file} is a ${schema}`, () => {
      const data = readDemo(file);
      assertValid(contract.validate(schema, data), `public/demo/${file}`);
      if (item) {
        data.items.forEach((element, i) =>
          assertValid(contract.validate(item, element), `public/demo/${file} items[${i}] as ${item}`),
        );
      }
    });

    // Clients drop fields they do not know, so a misspelt field (seat_left,
    // publish_at) would vanish without a trace; our own data must not have any.
    test(`${file} uses only fields the contract defines`, () => {
      const data = readDemo(file);
      if (item) {
        data.items.forEach((element, i) =>
          assertValid(closed.validate(item, element), `public/demo/${file} items[${i}]`),
        );
        const { items: _items, ...rest } = data;
        assertValid(closed.validate(schema, { ...rest, items: [] }), `public/demo/${file}`);
      } else {
        assertValid(closed.validate(schema, data), `public/demo/${file}`);
      }
    });
  }
});

describe('demo data keeps the programme’s promises', () => {
  test('every list has unique ids', () => {
    for (const { file } of DEMO_FILES) {
      const data = readDemo(file);
      if (!Array.isArray(data.items)) continue;
      const ids = data.items.map((x) => x.id);
      const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
      assert.deepEqual(repeated, [], `${file} repeats ids`);
    }
  });

  test('exactly 25 services, numbered 1..25', () => {
    const services = items('services.json');
    assert.equal(services.length, 25, 'the programme published 25 services');
    const numbers = services.map((s) => s.number).sort((a, b) => a - b);
    assert.deepEqual(numbers, Array.from({ length: 25 }, (_, i) => i + 1));
  });

  test('23 online courses, at least one offline session and one competition', () => {
    const courses = items('courses.json');
    // An absent kind decodes as online (CourseKind's default), so count it as such.
    const count = (kind) => courses.filter((c) => (c.kind ?? 'online') === kind).length;
    assert.equal(count('online'), 23, 'the article names 23 online courses');
    assert.ok(count('offline') >= 1, 'no offline session');
    assert.ok(count('competition') >= 1, 'no skill competition');
  });

  test('offline sessions and competitions say when and where', () => {
    for (const c of items('courses.json').filter((c) => c.kind === 'offline' || c.kind === 'competition')) {
      assert.ok(c.starts_at, `${c.id} has no starts_at`);
      assert.ok(c.place, `${c.id} has no place`);
      if (c.seats != null && c.seats_left != null) {
        assert.ok(c.seats_left <= c.seats, `${c.id} has more seats left than seats`);
      }
    }
  });

  test('at least 12 stories covering the three tags', () => {
    const stories = items('stories.json');
    assert.ok(stories.length >= 12, `only ${stories.length} stories`);
    const tags = new Set(stories.map((s) => s.tag));
    for (const tag of STORY_TAGS) assert.ok(tags.has(tag), `no story tagged ${tag}`);
    for (const s of stories) {
      assert.ok(STORY_TAGS.includes(s.tag), `${s.id} has tag ${JSON.stringify(s.tag)}`);
      assert.ok(Array.isArray(s.body) && s.body.length > 0, `${s.id} has no body`);
    }
  });

  test('exactly 58 stations, 2 of them night stations', () => {
    const stations = items('stations.json');
    assert.equal(stations.length, 58);
    assert.equal(stations.filter((s) => s.night === true).length, 2, 'the 星空补给站 are two');
  });

  test('opening spans use days 1..7 and HH:MM times', () => {
    for (const station of items('stations.json')) {
      for (const [i, span] of (station.hours?.spans ?? []).entries()) {
        const where = `${station.id} hours.spans[${i}]`;
        assert.ok(Array.isArray(span.days) && span.days.length > 0, `${where} has no days`);
        for (const day of span.days) {
          assert.ok(Number.isInteger(day) && day >= 1 && day <= 7, `${where} has day ${day}`);
        }
        assert.match(span.opens, CLOCK, `${where}.opens`);
        assert.match(span.closes, CLOCK, `${where}.closes`);
      }
    }
  });

  test('at least 12 honourees across the three honours, each naming a known honour', () => {
    const honours = new Set(items('honours.json').map((h) => h.id));
    const honourees = items('honourees.json');
    assert.ok(honourees.length >= 12, `${honourees.length} honourees`);
    for (const title of ['志愿者先锋', '党员先锋岗', '岗位标兵']) {
      assert.ok(honourees.some((h) => h.honour_title === title), `nobody is ${title}`);
    }
    for (const h of honourees) assert.ok(honours.has(h.honour), `${h.id} names honour ${h.honour}`);
    const stories = new Set(items('stories.json').map((s) => s.id));
    for (const h of honourees.filter((h) => h.story_id)) assert.ok(stories.has(h.story_id), `${h.id} story`);
  });

  test('8 knights; 4 topics, 2 open and 2 closed with an outcome', () => {
    assert.equal(items('knights.json').length, 8);
    const topics = items('topics.json');
    assert.equal(topics.filter((t) => t.state === 'open' && !t.outcome).length, 2);
    assert.equal(topics.filter((t) => t.state === 'closed' && t.outcome).length, 2);
  });

  test('5 activities or more, with a 节日慰问会 and a 暑托班 asking for each child', () => {
    const activities = items('activities.json');
    assert.ok(activities.length >= 5, `${activities.length} activities`);
    assert.ok(activities.some((a) => a.kind === 'festival'), 'a 节日慰问会');
    const care = activities.find((a) => a.kind === 'summer_care');
    assert.ok(care?.form?.group?.max >= 2, 'a 暑托班 that takes more than one child');
    const asked = care.form.group.questions.map((q) => q.type);
    assert.ok(asked.includes('text') && asked.includes('number'), 'name and age are asked');
    assert.ok(care.form.questions.some((q) => q.type === 'phone'), 'a guardian phone is asked');
  });

  test('the site lists the 18 sub-actions, each with a state', () => {
    const actions = readDemo('site.json').sub_actions;
    assert.equal(actions.length, 18);
    assert.equal(new Set(actions.map((a) => a.id)).size, 18);
    for (const a of actions) assert.ok(['planned', 'in_progress', 'done'].includes(a.state), a.id);
  });

  test('me.points_balance is the sum of the ledger', () => {
    const ledger = readDemo('ledger.json');
    assert.equal(ledger.next, null, 'the demo ledger must be one page for the sum to hold');
    const sum = ledger.items.reduce((total, entry) => total + entry.delta, 0);
    assert.equal(readDemo('me.json').points_balance, sum);
  });

  test('every time is RFC 3339 with an offset', () => {
    const fields = dateTimeFields(spec);
    assert.ok(fields.has('published_at') && fields.has('at'), 'date-time fields not found in the spec');
    const bad = [];
    const visit = (node, where) => {
      if (Array.isArray(node)) return node.forEach((x, i) => visit(x, `${where}[${i}]`));
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (fields.has(key) && value != null) {
          const ok = typeof value === 'string' && RFC3339.test(value) && !Number.isNaN(Date.parse(value));
          if (!ok) bad.push(`${where}.${key} = ${JSON.stringify(value)}`);
        }
        visit(value, `${where}.${key}`);
      }
    };
    for (const { file } of DEMO_FILES) visit(readDemo(file), file);
    assert.deepEqual(bad, []);
  });
});

describe('the contract’s own examples', () => {
  // Schema objects carry `examples: [...]` (JSON Schema); media types and
  // parameters carry `example` or an `examples` map of Example Objects.
  const cases = [];
  const visit = (node, pointer) => {
    if (Array.isArray(node)) return node.forEach((x, i) => visit(x, `${pointer}/${i}`));
    if (!node || typeof node !== 'object') return;
    if (node.schema && typeof node.schema === 'object') {
      if ('example' in node) cases.push({ where: `${pointer}/example`, schema: node.schema, value: node.example });
      if (node.examples && !Array.isArray(node.examples)) {
        for (const [name, ex] of Object.entries(node.examples)) {
          const example = resolve(spec, ex);
          cases.push({ where: `${pointer}/examples/${name}`, schema: node.schema, value: example.value });
        }
      }
    } else if (Array.isArray(node.examples) && isSchemaPointer(pointer)) {
      node.examples.forEach((value, i) => cases.push({ where: `${pointer}/examples/${i}`, schema: node, value }));
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'examples' || key === 'example') continue; // example values are data, not spec
      visit(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
  };
  visit(spec, '');

  test('there are examples to check', () => {
    // Every operation shows at least one example; a walker that finds few is broken.
    assert.ok(cases.length >= 60, `only ${cases.length} examples found`);
    for (const [route, operations] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        if (method === 'parameters') continue;
        const success = Object.entries(op.responses).find(([code]) => code.startsWith('2'));
        assert.ok(success, `${method} ${route} has no 2xx response`);
        const content = success[1].content?.['application/json'];
        if (content) assert.ok(content.examples, `${method} ${route} has no example`);
      }
    }
  });

  for (const { where, schema, value } of cases) {
    test(`example ${where}`, () => {
      assert.notEqual(value, undefined, `${where} has no value`);
      assertValid(contract.validateInline(schema, value), where);
    });
  }
});

describe('the schemas reject what they must', () => {
  // Guards against a schema that accepts anything (a typo in a $ref, a
  // keyword Ajv ignores): each of these is wrong data the app would mishandle.
  const rejects = [
    ['Service', { id: 'svc-1' }, 'a service without a title'],
    ['Course', { id: 'c', title: 't', kind: 'webinar' }, 'an unknown course kind'],
    ['Course', { id: 'c', title: 't', media_url: 'javascript:alert(1)' }, 'a non-http media_url'],
    ['Course', { id: 'c', title: 't', starts_at: '2025-04-20T14:00:00' }, 'a time without an offset'],
    ['Story', { id: 's', title: 't', body: [{ type: 'html', html: '<b>x</b>' }] }, 'an unknown block type'],
    ['Story', { id: 's', title: 't', body: [{ type: 'image', src: 'javascript:x' }] }, 'a javascript: image'],
    ['OpeningSpan', { days: [0, 8], opens: '08:00', closes: '20:00' }, 'days outside 1..7'],
    ['OpeningSpan', { days: [1], opens: '8:00', closes: '24:00' }, 'times that are not HH:MM'],
    ['GeoPoint', { lat: 128.8, lng: 108.7 }, 'a latitude beyond 90'],
    ['ServiceList', [{ id: 'svc-1', title: 't' }], 'a bare array where the contract wants {items, next}'],
    ['ServiceList', { items: [] }, 'a list without next'],
    ['Error', { code: 'not_found', message: 'x' }, 'an error body without the "error" wrapper'],
    ['SmsCodeRequest', { phone: '2380013800' }, 'a phone number that is not a mainland mobile'],
    ['Reward', { id: 'r', title: 't', cost: '100' }, 'a cost as a string'],
  ];
  for (const [schema, value, what] of rejects) {
    test(`${schema} rejects ${what}`, () => {
      assert.equal(contract.validate(schema, value).valid, false);
    });
  }

  test('a list item with a field the contract does not know passes, except in our own data', () => {
    const service = { id: 'svc-1', title: '服务', colour: 'red' };
    assert.equal(contract.validate('Service', service).valid, true);
    assert.equal(closed.validate('Service', service).valid, false);
  });
});

test('redocly lints the contract clean', () => {
  const redocly = path.join(repoRoot, 'node_modules', '.bin', 'redocly');
  assert.ok(existsSync(redocly), 'node_modules/.bin/redocly is missing: run npm install');
  const run = spawnSync(redocly, ['lint', 'public/openapi.yaml'], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
  });
  assert.equal(run.status, 0, `redocly lint failed:\n${run.stdout}\n${run.stderr}`);
  assert.doesNotMatch(`${run.stdout}${run.stderr}`, /You have \d+ warnings?/, `redocly lint warns:\n${run.stdout}\n${run.stderr}`);
});

function isSchemaPointer(pointer) {
  return pointer.startsWith('/components/schemas/') || /\/schema(\/|$)/.test(pointer);
}
