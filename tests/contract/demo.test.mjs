// The demo backend's answers checked against the contract, like the mock's.
// `cargo test --test demo_contract` runs the in-browser demo backend natively
// for every endpoint and writes what it answered to target/demo-answers.json;
// scripts/test.sh runs the native tests before these.
// Run: cargo test --test demo_contract && node --test tests/contract/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createValidator, loadSpec, repoRoot } from './schema.mjs';

const answersPath = path.join(repoRoot, 'target/demo-answers.json');
const spec = loadSpec();
const contract = createValidator({ spec });

function readAnswers() {
  assert.ok(existsSync(answersPath), `${answersPath} is missing: run cargo test --test demo_contract first`);
  return JSON.parse(readFileSync(answersPath, 'utf8'));
}

test('the demo backend answered every operation of the contract', () => {
  const seen = new Set(readAnswers().map((a) => `${a.method} ${a.template}`));
  const operations = Object.entries(spec.paths).flatMap(([template, item]) =>
    ['get', 'post'].filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${template}`),
  );
  assert.deepEqual(operations.filter((op) => !seen.has(op)), [], 'operations without a demo answer');
});

for (const [i, answer] of (existsSync(answersPath) ? readAnswers() : []).entries()) {
  const { method, template, status, body } = answer;
  const errorCode = body?.error?.code ? ` ${body.error.code}` : '';
  test(`#${i} ${method} ${template} → ${status}${errorCode} matches the contract`, () => {
    const result = contract.validateResponse(method, template, status, body ?? undefined);
    assert.ok(result.valid, `${method} ${template} ${status} breaks the contract:\n${result.errors}`);
    if (status >= 400) assert.ok(body?.error?.message, 'an error has a message for people');
  });
}
