#!/usr/bin/env node
// A stateful mock of public/openapi.yaml for end-to-end tests of the app's
// http mode. No dependencies: Node 20's http module and public/demo/*.json.
//
//   node tests/mock/backend.mjs [--port 8788] [--host 127.0.0.1]
//                               [--now 2025-04-01T09:00:00+08:00] [--demo public/demo]
//
// --now fixes the server's clock (enrolment deadlines, campaigns' ends,
// topics' closing times, activities' deadlines and ends are judged by it);
// --demo seeds it from another folder of demo files.
//
// Every signed-in phone starts as the demo worker (public/demo/me.json, its
// ledger, reports, redemptions, nominations (nominations.json), knight
// applications (knight-applications.json), its opinions (the `my_opinions` of
// topics.json) and the courses/campaigns marked enrolled or checked in) and
// then has its own state; it has no sign-up for any activity (the `my_signup`
// of activities.json is not read, as in the demo backend). Seats (of courses
// and activities), stock and topics' opinion counts are shared.
//
// Every write checks, in this order: a token (401 unauthorized), an
// Idempotency-Key where one is required (400 idempotency_key_required), the
// id in the path (404 not_found), the body (400, e.g. invalid_nomination),
// then the state (409, e.g. application_open). A repeated key replays the
// first answer, an error too. The in-browser demo backend
// (src/api/demo/router.rs, voice.rs and activities.rs) keeps the same rules.
//
// Test controls, not part of the contract:
//   GET  /__mock/health    200
//   POST /__mock/reset     back to the seed state; clears failures and the log, clock back to --now
//   POST /__mock/fail      {"path": "/v1/services", "status": 500 | "malformed" | "timeout" | "drop", "times": 1}
//                          ("drop": the request is handled and stored, then the connection is cut
//                          before the answer: a response lost on the way back)
//   POST /__mock/clock     {"now": "2025-04-01T09:00:00+08:00"} or {"now": null} for the real clock
//   POST /__mock/paging    {"size": 2}: every list answers pages of that size with a `next`
//                          cursor; {"size": null} goes back to the default (stories
//                          and the ledger by 5, other lists whole)
//   GET  /__mock/requests  the /v1 requests received (not preflights):
//                          [{method, path, query, authorization, idempotency_key, at}]
//   GET  /__mock/uploads   the photos stored: [{id, user, bytes, content_type, jpeg}]

import http from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const DEFAULT_DEMO_DIR = fileURLToPath(new URL('../../public/demo/', import.meta.url));
const PAGE_SIZE = 5; // small, so that e2e tests see paging with the demo data
const MAX_JSON_BODY = 1 << 20;
const MAX_UPLOAD = 10 << 20; // what the contract accepts
const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const SMS_CODE = '123456';
const PHONE = /^1\d{10}$/;
const TOKEN_PREFIX = 'mock-token-';

// ---------------------------------------------------------------------------
// Seed and state

function readDemo(dir, file, fallback) {
  const full = path.join(dir, file);
  if (!existsSync(full)) return fallback;
  return JSON.parse(readFileSync(full, 'utf8'));
}

/** The items of a list file, whether it is {items, next} or a bare array. */
const itemsOf = (data) => (Array.isArray(data) ? data : (data?.items ?? []));

// Read once per server: a reset must be quick and must not depend on files
// changing under a test run. A missing file seeds an empty resource.
function loadSeed(dir) {
  const read = (file, fallback) => readDemo(dir, file, fallback);
  return {
    site: read('site.json', {}),
    services: itemsOf(read('services.json', [])),
    courses: itemsOf(read('courses.json', [])),
    stories: itemsOf(read('stories.json', [])),
    stations: itemsOf(read('stations.json', [])),
    rules: itemsOf(read('points-rules.json', [])),
    campaigns: itemsOf(read('campaigns.json', [])),
    rewards: itemsOf(read('rewards.json', [])),
    me: read('me.json', { id: 'usr-demo', name: '', points_balance: 0 }),
    ledger: itemsOf(read('ledger.json', [])),
    reports: itemsOf(read('reports.json', [])),
    redemptions: itemsOf(read('redemptions.json', [])),
    honours: itemsOf(read('honours.json', [])),
    honourees: itemsOf(read('honourees.json', [])),
    knights: itemsOf(read('knights.json', [])),
    topics: itemsOf(read('topics.json', [])),
    nominations: itemsOf(read('nominations.json', [])),
    applications: itemsOf(read('knight-applications.json', [])),
    activities: itemsOf(read('activities.json', [])),
  };
}

// Resources everyone sees; the personal ones (me, ledger, reports,
// redemptions, nominations, applications, the topics' my_opinions, and
// sign-ups for activities) are copied per user by userState.
const SHARED = [
  'site',
  'services',
  'courses',
  'stories',
  'stations',
  'rules',
  'campaigns',
  'rewards',
  'honours',
  'honourees',
  'knights',
  'topics',
  'activities',
];

function freshState(seed, clockOverride) {
  const shared = Object.fromEntries(SHARED.map((name) => [name, structuredClone(seed[name])]));
  return {
    ...shared,
    seed,
    users: new Map(), // phone -> per-user state, made on first use
    idempotent: new Map(), // "user|route|key" -> first response
    failures: [], // {path, status, times}
    held: new Set(), // responses kept open by "timeout" failures
    log: [],
    uploads: [], // {id, user, bytes, content_type, jpeg}
    opinionsSent: new Map(), // topic id -> opinions sent to the mock by any user
    counter: 0,
    clock: clockOverride, // ms since epoch, or null for the real clock
    pageSize: null, // set by /__mock/paging: every list is paged by it
  };
}

function userState(state, phone) {
  const { seed } = state;
  if (!state.users.has(phone)) {
    state.users.set(phone, {
      me: { ...structuredClone(seed.me), phone_masked: `${phone.slice(0, 3)}****${phone.slice(-4)}` },
      ledger: structuredClone(seed.ledger),
      reports: structuredClone(seed.reports),
      redemptions: structuredClone(seed.redemptions),
      nominations: structuredClone(seed.nominations),
      applications: structuredClone(seed.applications),
      // topic id -> the worker's opinions on it, newest first
      opinions: new Map(seed.topics.map((t) => [t.id, structuredClone(t.my_opinions ?? [])])),
      enrolled: new Set(seed.courses.filter((c) => c.enrolled).map((c) => c.id)),
      checkedIn: new Set(seed.campaigns.filter((c) => c.checked_in).map((c) => c.id)),
      signups: [], // sign-ups for activities, newest first, each with its activity_id
    });
  }
  return state.users.get(phone);
}

// ---------------------------------------------------------------------------
// Small helpers

class HttpError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const notFound = () => new HttpError(404, 'not_found', '未找到该内容');
const conflict = (code, message) => new HttpError(409, code, message);
const created = (body) => ({ status: 201, body });
const ok = (body) => ({ status: 200, body });

/** RFC 3339 in China time, e.g. 2025-04-01T09:00:00+08:00. */
function rfc3339(ms) {
  const local = new Date(ms + 8 * 3600_000).toISOString().slice(0, 19);
  return `${local}+08:00`;
}

const now = (state) => state.clock ?? Date.now();
const nextId = (state, prefix) => `${prefix}-mock-${++state.counter}`; // never clashes with seed ids

// Cursors are opaque to clients; here they are the offset, base64url-encoded.
const encodeCursor = (offset) => Buffer.from(`offset:${offset}`).toString('base64url');
function decodeCursor(cursor) {
  if (cursor == null) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new HttpError(400, 'bad_cursor', '分页参数无效，请刷新');
  return Number(match[1]);
}

function page(state, all, query, size = PAGE_SIZE) {
  const offset = decodeCursor(query.get('cursor'));
  const by = state.pageSize ?? size;
  const items = all.slice(offset, offset + by);
  return { items, next: offset + by < all.length ? encodeCursor(offset + by) : null };
}

/** A list sent whole, unless /__mock/paging asked for pages. */
const list = (state, items, query) => (state.pageSize ? page(state, items, query) : { items, next: null });

function findById(list, id) {
  const found = list.find((x) => x.id === id);
  if (!found) throw notFound();
  return found;
}

function withoutBody({ body: _body, ...summary }) {
  return summary;
}

/** Length in Unicode code points, as the contract's maxLength counts. */
const chars = (s) => [...s].length;

/**
 * The JSON object a write sent, read only when the handler gets to it (so a
 * body that is not JSON comes after the 404 of an unknown id); a body that is
 * not a JSON object is a 400 with the write's own `code`.
 */
function bodyObject(ctx, code, message) {
  let body;
  try {
    body = ctx.body;
  } catch (error) {
    if (error instanceof HttpError && error.code === 'bad_request') throw new HttpError(400, code, message);
    throw error;
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, code, message);
  return body;
}

/**
 * A text field of a body, trimmed and `min..max` code points long; absent or
 * null reads as empty, and empty comes back as null. Anything else throws a
 * 400 with `code` and `message`.
 */
function text(body, name, min, max, code, message) {
  const value = body[name] ?? '';
  if (typeof value !== 'string') throw new HttpError(400, code, message);
  const trimmed = value.trim();
  const count = chars(trimmed);
  if (count < min || count > max) throw new HttpError(400, code, message);
  return trimmed === '' ? null : trimmed;
}

// ---------------------------------------------------------------------------
// Handlers. Each takes ctx = {state, params, query, user, body}
// and returns {status, body}, or throws HttpError. Reading ctx.body throws
// the 400 of a body that is not JSON, so a handler reads it after its 404.

function courseView(state, course, user) {
  const enrolled = user ? userState(state, user).enrolled.has(course.id) : false;
  return { ...course, enrolled };
}

function campaignView(state, campaign, user) {
  const checked_in = user ? userState(state, user).checkedIn.has(campaign.id) : false;
  return { ...campaign, checked_in };
}

function listCourses({ state, query, user }) {
  const kind = query.get('kind');
  if (kind != null && !['online', 'offline', 'competition'].includes(kind)) {
    throw new HttpError(400, 'bad_request', '课程类型无效');
  }
  const courses = state.courses.filter((c) => kind == null || (c.kind ?? 'online') === kind);
  return ok(list(state, courses.map((c) => courseView(state, c, user)), query));
}

function enrol({ state, params, user }) {
  const course = findById(state.courses, params.id);
  const mine = userState(state, user);
  // The same checks in the same order as the demo backend (src/api/demo/router.rs).
  if ((course.kind ?? 'online') === 'online') {
    throw conflict('enrolment_not_needed', '线上课程无需报名，直接学习即可');
  }
  if (mine.enrolled.has(course.id)) throw conflict('already_enrolled', '您已报名');
  if (course.enrol_deadline && Date.parse(course.enrol_deadline) < now(state)) {
    throw conflict('enrolment_closed', '报名已截止');
  }
  if (course.seats_left === 0) throw conflict('course_full', '名额已满');
  if (typeof course.seats_left === 'number') course.seats_left -= 1;
  mine.enrolled.add(course.id);
  return created({ id: nextId(state, 'enr'), course_id: course.id, created_at: rfc3339(now(state)) });
}

function listStories({ state, query }) {
  const tag = query.get('tag');
  const stories = state.stories.filter((s) => tag == null || s.tag === tag).map(withoutBody);
  return ok(page(state, stories, query));
}

function sendSmsCode({ body }) {
  if (typeof body?.phone !== 'string' || !PHONE.test(body.phone)) {
    throw new HttpError(400, 'invalid_phone', '手机号格式不正确');
  }
  return { status: 204 };
}

function login({ state, body }) {
  if (typeof body?.phone !== 'string' || !PHONE.test(body.phone)) {
    throw new HttpError(400, 'invalid_phone', '手机号格式不正确');
  }
  if (body.code !== SMS_CODE) throw new HttpError(401, 'bad_code', '验证码错误或已过期');
  userState(state, body.phone);
  return ok({ token: TOKEN_PREFIX + body.phone, expires_at: rfc3339(now(state) + 30 * 86400_000) });
}

// The level ladder: [name, points_earned at which it begins]; the demo
// backend (src/api/demo/router.rs) climbs the same one.
const LEVELS = [['新星志愿者', 0], ['热心志愿者', 200], ['先锋志愿者', 500], ['金牌志愿者', 1000]];

function levelFor(earned) {
  const reached = Math.max(0, LEVELS.findLastIndex(([, floor]) => earned >= floor));
  const [name, floor] = LEVELS[reached];
  const next = LEVELS[reached + 1];
  return { name, floor, next_name: next?.[0] ?? null, next_at: next?.[1] ?? null };
}

function addLedgerEntry(state, mine, delta, reason) {
  mine.ledger.unshift({ id: nextId(state, 'led'), delta, reason, at: rfc3339(now(state)) });
  mine.me.points_balance = (mine.me.points_balance ?? 0) + delta;
  if (delta > 0) {
    mine.me.points_earned = (mine.me.points_earned ?? 0) + delta;
    mine.me.level = levelFor(mine.me.points_earned);
  }
}

function createReport({ state, user, body }) {
  const valid =
    body && typeof body.category === 'string' && body.category !== '' && typeof body.text === 'string';
  if (!valid) throw new HttpError(400, 'bad_request', '请填写隐患类别和描述');
  const photos = Array.isArray(body.photos) ? body.photos : [];
  const mine = new Set(state.uploads.filter((u) => u.user === user).map((u) => u.id));
  const unknown = photos.find((id) => !mine.has(id));
  if (unknown !== undefined) throw new HttpError(400, 'bad_request', `照片 ${unknown} 没有上传`);
  const text = (value) => (typeof value === 'string' && value !== '' ? value : null);
  const report = {
    id: nextId(state, 'rpt'),
    category: body.category,
    text: body.text,
    photos,
    location: body.location ?? null,
    address: text(body.address),
    town: text(body.town),
    anonymous: body.anonymous === true,
    status: 'pending',
    points_awarded: null,
    review_note: null,
    created_at: rfc3339(now(state)),
  };
  userState(state, user).reports.unshift(report);
  return created(report);
}

function checkIn({ state, params, user }) {
  const campaign = findById(state.campaigns, params.id);
  const mine = userState(state, user);
  if (mine.checkedIn.has(campaign.id)) throw conflict('already_checked_in', '您已签到');
  if (campaign.ends_at && Date.parse(campaign.ends_at) < now(state)) throw conflict('campaign_closed', '活动已结束');
  mine.checkedIn.add(campaign.id);
  const points = campaign.points ?? 0;
  addLedgerEntry(state, mine, points, `活动签到：${campaign.title}`);
  return created({ id: nextId(state, 'chk'), campaign_id: campaign.id, points, at: rfc3339(now(state)) });
}

function redeem({ state, params, user }) {
  const reward = findById(state.rewards, params.id);
  const mine = userState(state, user);
  if (reward.stock === 0) throw conflict('out_of_stock', '已兑完');
  if ((mine.me.points_balance ?? 0) < reward.cost) throw conflict('insufficient_points', '积分不足');
  if (typeof reward.stock === 'number') reward.stock -= 1;
  addLedgerEntry(state, mine, -reward.cost, `兑换：${reward.title}`);
  const at = now(state);
  const redemption = {
    id: nextId(state, 'rdm'),
    reward_id: reward.id,
    reward_title: reward.title,
    provider: reward.provider ?? '',
    place: reward.place ?? null,
    cost: reward.cost,
    code: `MOCK-${String(state.counter).padStart(6, '0')}`,
    status: 'issued',
    created_at: rfc3339(at),
    expires_at: rfc3339(at + (reward.valid_days ?? 90) * 86400_000),
  };
  mine.redemptions.unshift(redemption);
  return created(redemption);
}

// Honours, knights and topics (社区议事).

function listHonourees({ state, query }) {
  const honour = query.get('honour');
  const year = query.get('year');
  if (year != null && !/^[+-]?\d+$/.test(year)) throw new HttpError(400, 'bad_request', '年份无效');
  const honourees = state.honourees.filter(
    (h) => (honour == null || h.honour === honour) && (year == null || h.year === Number(year)),
  );
  return ok(list(state, honourees, query));
}

// The messages are the demo backend's (src/api/demo/voice.rs).

function createNomination(ctx) {
  const { state, user } = ctx;
  const code = 'invalid_nomination';
  const b = bodyObject(ctx, code, '推荐内容不完整');
  const nominee = text(b, 'nominee', 1, 40, code, '请填写被推荐人的姓名（40 字以内）');
  const occupation = text(b, 'occupation', 1, 40, code, '请填写被推荐人的职业（40 字以内）');
  const deed = text(b, 'deed', 1, 500, code, '请写下推荐的事迹（500 字以内）');
  const contact = text(b, 'contact', 0, 60, code, '联系方式最多 60 字');
  // A blank honour proposes none, as a blank contact gives none.
  const honour = text(b, 'honour', 0, 128, code, '荣誉称号无效');
  if (honour != null && !state.honours.some((h) => h.id === honour)) {
    throw new HttpError(400, code, '没有这个荣誉称号');
  }
  const nomination = {
    id: nextId(state, 'nom'),
    nominee,
    occupation,
    deed,
    contact,
    honour,
    status: 'submitted',
    review_note: null,
    created_at: rfc3339(now(state)),
  };
  userState(state, user).nominations.unshift(nomination);
  return created(nomination);
}

function applyToKnights(ctx) {
  const { state, user } = ctx;
  const code = 'invalid_application';
  const b = bodyObject(ctx, code, '申请内容不完整');
  const occupation = text(b, 'occupation', 1, 40, code, '请填写职业（40 字以内）');
  const employer = text(b, 'employer', 0, 40, code, '平台或单位最多 40 字');
  const years = b.years;
  if (!Number.isInteger(years) || years < 0 || years > 50) {
    throw new HttpError(400, code, '从业年限请填 0 到 50 之间的整数');
  }
  const town = text(b, 'town', 1, 40, code, '请填写所在乡镇或街道');
  const reason = text(b, 'reason', 1, 500, code, '请写下申请理由（500 字以内）');
  const mine = userState(state, user);
  if (mine.applications.some((a) => a.status === 'submitted')) {
    throw conflict('application_open', '你的申请正在审核中');
  }
  const application = {
    id: nextId(state, 'kap'),
    occupation,
    employer,
    years,
    town,
    reason,
    status: 'submitted',
    review_note: null,
    created_at: rfc3339(now(state)),
  };
  mine.applications.unshift(application);
  return created(application);
}

const TOPIC_STATES = ['open', 'closed'];

/** Closed by its state, or by its closing time having passed on the server's clock. */
const topicClosed = (state, topic) =>
  topic.state === 'closed' || (topic.closes_at != null && Date.parse(topic.closes_at) < now(state));

/** A topic as a worker (or, without a token, anyone) sees it. */
function topicView(state, topic, user) {
  const sent = state.opinionsSent.get(topic.id) ?? 0;
  return {
    ...topic,
    state: topicClosed(state, topic) ? 'closed' : 'open',
    opinion_count: (typeof topic.opinion_count === 'number' ? topic.opinion_count : 0) + sent,
    my_opinions: user ? [...(userState(state, user).opinions.get(topic.id) ?? [])] : [],
  };
}

function listTopics({ state, query, user }) {
  const wanted = query.get('state');
  if (wanted != null && !TOPIC_STATES.includes(wanted)) throw new HttpError(400, 'bad_request', '议题状态无效');
  // Open topics first, then closed ones; file order within each.
  const views = state.topics.map((t) => topicView(state, t, user));
  const ordered = TOPIC_STATES.flatMap((s) => views.filter((t) => t.state === s));
  return ok(list(state, ordered.filter((t) => wanted == null || t.state === wanted), query));
}

function createOpinion(ctx) {
  const { state, params, user } = ctx;
  const topic = findById(state.topics, params.id);
  // The body is read only now: one that is not JSON is a 400 after the 404.
  const b = bodyObject(ctx, 'invalid_opinion', '请写下你的意见');
  const said = text(b, 'text', 1, 500, 'invalid_opinion', '请写下你的意见，最多 500 字');
  if (topicClosed(state, topic)) throw conflict('topic_closed', '议题已经截止');
  const opinion = { id: nextId(state, 'opn'), topic_id: topic.id, text: said, created_at: rfc3339(now(state)) };
  const mine = userState(state, user).opinions;
  mine.set(topic.id, [opinion, ...(mine.get(topic.id) ?? [])]);
  state.opinionsSent.set(topic.id, (state.opinionsSent.get(topic.id) ?? 0) + 1);
  return created(opinion);
}

// Activities and their sign-ups. The rules, their order and the messages are
// the demo backend's (src/api/demo/activities.rs), and the answers are checked
// as src/domain/forms.rs checks them on the phone.

/** A time of the data in ms since the epoch, or null when there is none or it cannot be read. */
function millis(value) {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? null : ms;
}

/** Passed on the server's clock; a time that cannot be read has not passed. */
const passed = (state, value) => {
  const ms = millis(value);
  return ms != null && ms < now(state);
};

/** Coming activities (and those under way) soonest first, without a start last; then ended ones, latest first. */
function activityOrder(state, activity) {
  const start = millis(activity.starts_at) ?? Infinity;
  const ended = passed(state, activity.ends_at);
  return [ended ? 1 : 0, ended ? -start : start];
}

const DEFAULT_MAX_LENGTH = 100;
const QUESTION_TYPES = ['text', 'number', 'choice', 'phone'];

/** An activity's form with the contract's defaults filled in; null (no form) asks nothing. */
function formOf(activity) {
  const form = activity.form && typeof activity.form === 'object' ? activity.form : {};
  const questions = (list) =>
    (Array.isArray(list) ? list : []).map((q) => ({
      id: String(q.id),
      label: q.label ?? '',
      // A type this mock does not know is asked as text, as the app asks it.
      type: QUESTION_TYPES.includes(q.type) ? q.type : 'text',
      required: q.required !== false,
      maxLength: Number.isInteger(q.max_length) ? q.max_length : DEFAULT_MAX_LENGTH,
      min: Number.isInteger(q.min) ? q.min : null,
      max: Number.isInteger(q.max) ? q.max : null,
      options: Array.isArray(q.options) ? q.options : [],
    }));
  const group = form.group && typeof form.group === 'object' ? form.group : null;
  return {
    questions: questions(form.questions),
    group: group && {
      noun: group.noun ?? '',
      min: Number.isInteger(group.min) ? group.min : 1,
      max: Number.isInteger(group.max) ? group.max : 1,
      questions: questions(group.questions),
    },
  };
}

/** Seats a sign-up with `members` group members takes: one per member, or one without a group. */
const seatsFor = (form, members) => (form.group ? members : 1);

// What Rust's str::trim takes away (char::is_whitespace): String#trim also
// takes U+FEFF and keeps U+0085.
const EDGE_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;
const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/**
 * Checks one typed answer (src/domain/forms.rs, Question::check): the value
 * to store (undefined for an optional question left empty), or a problem.
 */
function checkAnswer(question, typed) {
  const text = typed.replace(EDGE_SPACE, '');
  const { label } = question;
  if (text === '') {
    if (!question.required) return { value: undefined };
    return { problem: question.type === 'choice' ? `请选择${label}` : `请填写${label}` };
  }
  switch (question.type) {
    case 'number': {
      const number = /^[+-]?\d+$/.test(text) ? BigInt(text) : null;
      if (number == null || number < I64_MIN || number > I64_MAX) return { problem: `${label}请填整数` };
      const { min, max } = question;
      if ((min != null && number < BigInt(min)) || (max != null && number > BigInt(max))) {
        if (min != null && max != null) return { problem: `${label}应在 ${min} 到 ${max} 之间` };
        return { problem: min != null ? `${label}不能小于 ${min}` : `${label}不能大于 ${max}` };
      }
      return { value: Number(number) };
    }
    case 'choice':
      return question.options.includes(text) ? { value: text } : { problem: `请选择${label}` };
    case 'phone': {
      const digits = text.replace(/[ -]/g, '');
      return /^1[0-9]{10}$/.test(digits) ? { value: digits } : { problem: `${label}应是 11 位手机号` };
    }
    default: {
      const max = question.maxLength;
      return chars(text) > max ? { problem: `${label}最多 ${max} 个字` } : { value: text };
    }
  }
}

/** The answers to `questions`, by id; each problem goes to `problems` as {member, message}. */
function checkAll(questions, typed, member, problems) {
  const answers = [];
  for (const question of questions) {
    const { value, problem } = checkAnswer(question, typed.get(question.id) ?? '');
    if (problem) problems.push({ member, message: problem });
    else if (value !== undefined) answers.push([question.id, value]);
  }
  return Object.fromEntries(answers); // own properties, whatever the ids
}

/**
 * Checks a whole sign-up (SignupForm::check): the answers asked once, the
 * number of group members, then each member. Throws the first problem in
 * words (SignupForm::describe), e.g. "第 2 个孩子的年龄应在 3 到 14 之间".
 */
function checkSignup(form, typed, members) {
  const problems = [];
  const answers = checkAll(form.questions, typed, null, problems);
  const group = [];
  const spec = form.group;
  if (spec) {
    if (members.length < spec.min) problems.push({ member: null, message: `至少填写 ${spec.min} 个${spec.noun}` });
    else if (members.length > spec.max) problems.push({ member: null, message: `最多 ${spec.max} 个${spec.noun}` });
    members.forEach((member, index) => group.push(checkAll(spec.questions, member, index, problems)));
  }
  if (problems.length) {
    const [{ member, message }] = problems;
    const described = member != null && spec ? `第 ${member + 1} 个${spec.noun}的${message}` : message;
    throw new HttpError(400, 'invalid_signup', described);
  }
  return { answers, group };
}

/** An answer as sent, as the text it would have been typed as; null for anything but a string or an integer. */
function asTyped(value) {
  if (typeof value === 'string') return value;
  // A JSON integer the demo backend reads as an i64; it is typed as its digits.
  if (Number.isInteger(value) && value >= -(2 ** 63) && value < 2 ** 63) return BigInt(value).toString();
  return null;
}

/** What was sent, as typed answers: the answers asked once and one set per group member. */
function signupBody(ctx) {
  const code = 'invalid_signup';
  const message = '报名内容格式不对';
  const b = bodyObject(ctx, code, message);
  const typedOf = (value) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new HttpError(400, code, message);
    const typed = new Map(); // question id -> text
    for (const [id, answer] of Object.entries(value)) {
      const text = asTyped(answer);
      if (text == null) throw new HttpError(400, code, message);
      typed.set(id, text);
    }
    return typed;
  };
  if (b.group != null && !Array.isArray(b.group)) throw new HttpError(400, code, message);
  return { typed: b.answers == null ? new Map() : typedOf(b.answers), members: (b.group ?? []).map(typedOf) };
}

/** The worker's latest sign-up for an activity, confirmed or cancelled; null without a token. */
function mySignup(state, activityId, user) {
  if (!user) return null;
  return userState(state, user).signups.find((s) => s.activity_id === activityId) ?? null;
}

/** An activity as a worker (or, without a token, anyone) sees it: the seats left to all, and their sign-up. */
function activityView(state, activity, user) {
  return { ...activity, my_signup: structuredClone(mySignup(state, activity.id, user)) };
}

function listActivities({ state, query, user }) {
  const order = new Map(state.activities.map((a) => [a, activityOrder(state, a)]));
  const sorted = [...state.activities].sort((a, b) => {
    const [x, y] = [order.get(a), order.get(b)];
    return x[0] - y[0] || (x[1] === y[1] ? 0 : x[1] < y[1] ? -1 : 1);
  });
  return ok(list(state, sorted.map((a) => activityView(state, a, user)), query));
}

function signUp(ctx) {
  const { state, params, user } = ctx;
  const activity = findById(state.activities, params.id);
  // The body is read only now: one that is not JSON is a 400 after the 404.
  const { typed, members } = signupBody(ctx);
  const form = formOf(activity);
  const { answers, group } = checkSignup(form, typed, members);
  const mine = userState(state, user);
  if (mySignup(state, activity.id, user)?.status === 'confirmed') throw conflict('already_signed_up', '你已经报过名了');
  if (passed(state, activity.deadline) || passed(state, activity.ends_at)) throw conflict('signup_closed', '报名已截止');
  const seats = seatsFor(form, group.length);
  if (typeof activity.seats_left === 'number' && activity.seats_left < seats) throw conflict('activity_full', '名额不够了');
  if (typeof activity.seats_left === 'number') activity.seats_left -= seats;
  const signup = {
    id: nextId(state, 'sgn'),
    activity_id: activity.id,
    status: 'confirmed',
    answers,
    group,
    created_at: rfc3339(now(state)),
  };
  mine.signups.unshift(signup);
  return created(structuredClone(signup));
}

function cancelSignup({ state, params, user }) {
  const signup = findById(userState(state, user).signups, params.id);
  if (signup.status === 'cancelled') return ok(structuredClone(signup));
  const activity = state.activities.find((a) => a.id === signup.activity_id);
  if (passed(state, activity?.deadline)) throw conflict('signup_closed', '报名已截止，不能取消');
  signup.status = 'cancelled';
  // The seats it took go back to everyone.
  if (activity && typeof activity.seats_left === 'number') {
    activity.seats_left += seatsFor(formOf(activity), signup.group.length);
  }
  return ok(structuredClone(signup));
}

/** The file of a multipart/form-data body: its bytes and type (enough for one field). */
function multipartFile(req, raw) {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(req.headers['content-type'] ?? '');
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const start = raw.indexOf(delimiter);
  const headersEnd = raw.indexOf('\r\n\r\n', start);
  const end = raw.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headersEnd);
  if (start < 0 || headersEnd < 0 || end < 0) return null;
  const headers = raw.subarray(start, headersEnd).toString('utf8');
  const type = /content-type:\s*([^\r\n;]+)/i.exec(headers)?.[1]?.trim() ?? '';
  return { type, bytes: raw.subarray(headersEnd + 4, end) };
}

function upload({ state, user, req, raw }) {
  const file = multipartFile(req, raw);
  if (!file || file.bytes.length === 0) throw new HttpError(400, 'bad_request', '请上传一张照片');
  if (!UPLOAD_TYPES.includes(file.type)) throw new HttpError(415, 'unsupported_type', '只支持 JPEG、PNG、WebP 图片');
  if (file.bytes.length > MAX_UPLOAD) throw new HttpError(413, 'too_large', '照片太大，请压缩后再传');
  const id = `upl-${++state.counter}`;
  // JPEG starts FF D8 FF: what the app says it sends is what arrived.
  const jpeg = file.bytes[0] === 0xff && file.bytes[1] === 0xd8 && file.bytes[2] === 0xff;
  state.uploads.push({ id, user, bytes: file.bytes.length, content_type: file.type, jpeg });
  return created({ id, url: null, bytes: file.bytes.length });
}

// ---------------------------------------------------------------------------
// Route table. `auth`: needs a bearer token. `idempotency`: "required" or
// "optional" Idempotency-Key, replaying the first answer to a repeated key.
// `body`: "json" parses the body, "raw" drains it unread.

const routes = [
  { method: 'GET', path: '/v1/site', handler: ({ state }) => ok(state.site) },
  { method: 'GET', path: '/v1/services', handler: ({ state, query }) => ok(list(state, state.services, query)) },
  { method: 'GET', path: '/v1/services/:id', handler: ({ state, params }) => ok(findById(state.services, params.id)) },
  { method: 'GET', path: '/v1/courses', handler: listCourses },
  {
    method: 'GET',
    path: '/v1/courses/:id',
    handler: ({ state, params, user }) => ok(courseView(state, findById(state.courses, params.id), user)),
  },
  { method: 'POST', path: '/v1/courses/:id/enrolments', auth: true, idempotency: 'optional', handler: enrol },
  { method: 'GET', path: '/v1/stories', handler: listStories },
  { method: 'GET', path: '/v1/stories/:id', handler: ({ state, params }) => ok(findById(state.stories, params.id)) },
  { method: 'GET', path: '/v1/stations', handler: ({ state, query }) => ok(list(state, state.stations, query)) },
  { method: 'GET', path: '/v1/stations/:id', handler: ({ state, params }) => ok(findById(state.stations, params.id)) },
  { method: 'POST', path: '/v1/auth/sms-code', body: 'json', handler: sendSmsCode },
  { method: 'POST', path: '/v1/auth/login', body: 'json', handler: login },
  { method: 'GET', path: '/v1/me', auth: true, handler: ({ state, user }) => ok(userState(state, user).me) },
  {
    method: 'GET',
    path: '/v1/points/ledger',
    auth: true,
    handler: ({ state, user, query }) => ok(page(state, userState(state, user).ledger, query)),
  },
  { method: 'GET', path: '/v1/points/rules', handler: ({ state }) => ok({ items: state.rules, next: null }) },
  { method: 'POST', path: '/v1/uploads', auth: true, body: 'raw', handler: upload },
  { method: 'POST', path: '/v1/reports', auth: true, idempotency: 'required', body: 'json', handler: createReport },
  {
    method: 'GET',
    path: '/v1/reports',
    auth: true,
    handler: ({ state, user, query }) => ok(list(state, userState(state, user).reports, query)),
  },
  {
    method: 'GET',
    path: '/v1/campaigns',
    handler: ({ state, user, query }) =>
      ok(list(state, state.campaigns.map((c) => campaignView(state, c, user)), query)),
  },
  {
    method: 'GET',
    path: '/v1/campaigns/:id',
    handler: ({ state, params, user }) => ok(campaignView(state, findById(state.campaigns, params.id), user)),
  },
  { method: 'POST', path: '/v1/campaigns/:id/checkins', auth: true, idempotency: 'required', handler: checkIn },
  { method: 'GET', path: '/v1/rewards', handler: ({ state, query }) => ok(list(state, state.rewards, query)) },
  { method: 'GET', path: '/v1/rewards/:id', handler: ({ state, params }) => ok(findById(state.rewards, params.id)) },
  { method: 'POST', path: '/v1/rewards/:id/redemptions', auth: true, idempotency: 'required', handler: redeem },
  {
    method: 'GET',
    path: '/v1/redemptions',
    auth: true,
    handler: ({ state, user, query }) => ok(list(state, userState(state, user).redemptions, query)),
  },
  {
    method: 'GET',
    path: '/v1/redemptions/:id',
    auth: true,
    handler: ({ state, user, params }) => ok(findById(userState(state, user).redemptions, params.id)),
  },
  { method: 'GET', path: '/v1/honours', handler: ({ state, query }) => ok(list(state, state.honours, query)) },
  { method: 'GET', path: '/v1/honourees', handler: listHonourees },
  { method: 'GET', path: '/v1/honourees/:id', handler: ({ state, params }) => ok(findById(state.honourees, params.id)) },
  {
    method: 'GET',
    path: '/v1/nominations',
    auth: true,
    handler: ({ state, user, query }) => ok(list(state, userState(state, user).nominations, query)),
  },
  { method: 'POST', path: '/v1/nominations', auth: true, idempotency: 'required', body: 'json', handler: createNomination },
  { method: 'GET', path: '/v1/knights', handler: ({ state, query }) => ok(list(state, state.knights, query)) },
  {
    method: 'GET',
    path: '/v1/knights/applications',
    auth: true,
    handler: ({ state, user, query }) => ok(list(state, userState(state, user).applications, query)),
  },
  { method: 'POST', path: '/v1/knights/applications', auth: true, idempotency: 'required', body: 'json', handler: applyToKnights },
  { method: 'GET', path: '/v1/topics', handler: listTopics },
  {
    method: 'GET',
    path: '/v1/topics/:id',
    handler: ({ state, params, user }) => ok(topicView(state, findById(state.topics, params.id), user)),
  },
  { method: 'POST', path: '/v1/topics/:id/opinions', auth: true, idempotency: 'required', body: 'json', handler: createOpinion },
  { method: 'GET', path: '/v1/activities', handler: listActivities },
  {
    method: 'GET',
    path: '/v1/activities/:id',
    handler: ({ state, params, user }) => ok(activityView(state, findById(state.activities, params.id), user)),
  },
  { method: 'POST', path: '/v1/activities/:id/signups', auth: true, idempotency: 'required', body: 'json', handler: signUp },
  { method: 'POST', path: '/v1/signups/:id/cancel', auth: true, idempotency: 'optional', handler: cancelSignup },
];

function matchRoute(method, pathname) {
  const segments = pathname.split('/').filter(Boolean);
  let pathMatched = false;
  for (const route of routes) {
    const params = matchPath(route.path, segments);
    if (!params) continue;
    pathMatched = true;
    if (route.method === method) return { route, params };
  }
  if (pathMatched) throw new HttpError(405, 'method_not_allowed', '不支持的请求方法');
  throw notFound();
}

function matchPath(pattern, segments) {
  const parts = pattern.split('/').filter(Boolean);
  if (parts.length !== segments.length) return null;
  const params = {};
  for (const [i, part] of parts.entries()) {
    if (part.startsWith(':')) params[part.slice(1)] = decodeSegment(segments[i]);
    else if (part !== segments[i]) return null;
  }
  return params;
}

function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw notFound(); // "%E0%A4%A" names nothing that could exist
  }
}

// ---------------------------------------------------------------------------
// Request pipeline

/** The phone behind "Authorization: Bearer mock-token-<phone>", or null. */
function bearerUser(req) {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!match || !match[1].startsWith(TOKEN_PREFIX)) return null;
  const phone = match[1].slice(TOKEN_PREFIX.length);
  return phone === '' ? null : phone;
}

async function readBody(req, limit = MAX_JSON_BODY) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, 'too_large', '请求体太大');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function readJson(req) {
  const raw = (await readBody(req)).toString('utf8');
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new HttpError(400, 'bad_request', '请求体不是有效的 JSON');
  }
}

async function handleApi(state, req, url) {
  const { route, params } = matchRoute(req.method, url.pathname);
  const user = bearerUser(req);
  if (route.auth && !user) throw new HttpError(401, 'unauthorized', '请先登录');

  let body;
  let bodyError;
  let raw;
  if (route.body === 'json') {
    // A body that is not JSON is a 400 of the handler's own checks: it comes
    // after the Idempotency-Key and the id in the path, and is replayed.
    body = await readJson(req).catch((error) => {
      if (error instanceof HttpError && error.code === 'bad_request') bodyError = error;
      else throw error;
    });
  } else if (route.body === 'raw') raw = await readBody(req, 20 << 20);
  else req.resume(); // bodies of other routes are ignored, but must be drained

  const ctx = {
    state,
    params,
    query: url.searchParams,
    user,
    get body() {
      if (bodyError) throw bodyError;
      return body;
    },
    req,
    raw,
  };
  const key = req.headers['idempotency-key'];
  if (route.idempotency === 'required' && !key) {
    throw new HttpError(400, 'idempotency_key_required', '缺少 Idempotency-Key 请求头');
  }
  if (!route.idempotency || !key) return route.handler(ctx);

  // A repeated key answers what the first request got, without a second effect.
  const slot = `${user}|${req.method} ${url.pathname}|${key}`;
  if (!state.idempotent.has(slot)) state.idempotent.set(slot, runHandler(route.handler, ctx));
  return state.idempotent.get(slot);
}

// Errors become responses too, so that a replayed key replays a 409 as well.
function runHandler(handler, ctx) {
  try {
    return handler(ctx);
  } catch (error) {
    if (error instanceof HttpError) return errorResponse(error);
    throw error;
  }
}

function errorResponse(error) {
  return { status: error.status, body: { error: { code: error.code, message: error.message } } };
}

/** An armed failure for this path, if any; each use counts down its `times`. */
function takeFailure(state, pathname) {
  const failure = state.failures.find((f) => f.path === pathname && f.times > 0);
  if (!failure) return null;
  failure.times -= 1;
  state.failures = state.failures.filter((f) => f.times > 0);
  return failure;
}

function injectFailure(state, failure, res) {
  if (failure.status === 'timeout') {
    // Hold the socket: the client's own timeout is what is under test.
    state.held.add(res);
    res.on('close', () => state.held.delete(res));
    return;
  }
  if (failure.status === 'malformed') {
    send(res, 200, '{"items": [{"id": "svc-01", "title": "酉新驿', 'application/json; charset=utf-8');
    return;
  }
  const status = Number(failure.status) || 500;
  const code = status >= 500 ? 'internal' : 'injected';
  sendJson(res, status, { error: { code, message: '模拟的服务故障' } });
}

// ---------------------------------------------------------------------------
// Test controls under /__mock

const controls = {
  'GET /__mock/health': () => ok({ ok: true }),
  'POST /__mock/reset': (server) => {
    server.reset();
    return { status: 204 };
  },
  'POST /__mock/fail': (server, body) => {
    const { path: failPath, status = 500, times = 1 } = body ?? {};
    const known =
      ['malformed', 'timeout', 'drop'].includes(status) || (Number.isInteger(status) && status >= 400);
    if (typeof failPath !== 'string' || !known || !(times > 0)) {
      throw new HttpError(400, 'bad_request', 'want {"path": "/v1/…", "status": 500|"malformed"|"timeout"|"drop", "times": 1}');
    }
    server.state.failures.push({ path: failPath, status, times });
    return { status: 204 };
  },
  'POST /__mock/clock': (server, body) => {
    const at = body?.now == null ? null : Date.parse(body.now);
    if (Number.isNaN(at)) throw new HttpError(400, 'bad_request', 'want {"now": "<RFC 3339>"} or {"now": null}');
    server.state.clock = at;
    return ok({ now: rfc3339(now(server.state)) });
  },
  'POST /__mock/paging': (server, body) => {
    const size = body?.size ?? null;
    if (size !== null && !(Number.isInteger(size) && size > 0)) {
      throw new HttpError(400, 'bad_request', 'want {"size": <positive integer>} or {"size": null}');
    }
    server.state.pageSize = size;
    return { status: 204 };
  },
  'GET /__mock/requests': (server) => ok(server.state.log),
  'GET /__mock/uploads': (server) => ok(server.state.uploads),
};

async function handleControl(server, req, url) {
  const control = controls[`${req.method} ${url.pathname}`];
  if (!control) throw notFound();
  const body = req.method === 'POST' ? await readJson(req) : undefined;
  return control(server, body);
}

// ---------------------------------------------------------------------------
// HTTP plumbing

function corsHeaders(req) {
  return {
    // Echoed rather than "*", so that a credentialed request would work too.
    'Access-Control-Allow-Origin': req.headers.origin ?? '*',
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key',
    // Lets the app read a 429/503's Retry-After across origins.
    'Access-Control-Expose-Headers': 'Retry-After',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}

function send(res, status, text, type) {
  const headers = { 'Cache-Control': 'no-store' };
  if (text !== undefined) headers['Content-Type'] = type;
  res.writeHead(status, headers);
  res.end(text);
}

function sendJson(res, status, body) {
  if (body === undefined) return send(res, status);
  send(res, status, JSON.stringify(body), 'application/json; charset=utf-8');
}

function logRequest(state, req, url) {
  state.log.push({
    method: req.method,
    path: url.pathname,
    query: url.search,
    authorization: req.headers.authorization ?? null,
    idempotency_key: req.headers['idempotency-key'] ?? null,
    at: new Date().toISOString(),
  });
}

export function createMockServer({ clock = null, demoDir = DEFAULT_DEMO_DIR } = {}) {
  const seed = loadSeed(demoDir);
  const server = http.createServer();
  const mock = {
    http: server,
    state: freshState(seed, clock),
    reset() {
      for (const res of mock.state.held) res.destroy();
      mock.state = freshState(seed, clock);
    },
  };

  server.on('request', async (req, res) => {
    for (const [name, value] of Object.entries(corsHeaders(req))) res.setHeader(name, value);
    const url = new URL(req.url, 'http://mock.invalid');
    try {
      if (req.method === 'OPTIONS') return send(res, 204);
      if (url.pathname.startsWith('/__mock/')) {
        const { status, body } = await handleControl(mock, req, url);
        return sendJson(res, status, body);
      }
      const state = mock.state;
      logRequest(state, req, url);
      const failure = takeFailure(state, url.pathname);
      if (failure?.status === 'drop') {
        // Handled and kept, but the answer never arrives: the client cannot tell it from no signal.
        await handleApi(state, req, url).catch(() => {});
        res.socket?.destroy();
        return;
      }
      if (failure) {
        req.resume();
        return injectFailure(state, failure, res);
      }
      const { status, body } = await handleApi(state, req, url);
      sendJson(res, status, body);
    } catch (error) {
      if (error instanceof HttpError) return sendJson(res, error.status, errorResponse(error).body);
      console.error(error);
      sendJson(res, 500, { error: { code: 'internal', message: '服务暂时不可用，请稍后再试' } });
    }
  });

  mock.close = () =>
    new Promise((resolve) => {
      for (const res of mock.state.held) res.destroy();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return mock;
}

function parseArgs(argv) {
  const options = { port: 8788, host: '127.0.0.1', now: null, demo: DEFAULT_DEMO_DIR };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--port') options.port = Number(value);
    else if (flag === '--host') options.host = value;
    else if (flag === '--now') options.now = Date.parse(value);
    else if (flag === '--demo') options.demo = path.resolve(value);
    else throw new Error(`unknown option ${flag}; use --port N, --host H, --now <RFC 3339>, --demo DIR`);
  }
  if (!Number.isInteger(options.port) || options.port < 0) throw new Error('--port wants a number');
  if (Number.isNaN(options.now)) throw new Error('--now wants an RFC 3339 time');
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const mock = createMockServer({ clock: options.now, demoDir: options.demo });
  mock.http.listen(options.port, options.host, () => {
    const { port } = mock.http.address();
    console.log(`mock backend on http://${options.host}:${port}`);
  });
  const stop = async () => {
    await mock.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
