// Builds JSON Schema validators from public/openapi.yaml, so that every test
// checks data against the contract file itself rather than a copy of it.
//
// OpenAPI 3.1 schemas are JSON Schema 2020-12, so Ajv2020 reads them as they
// are. The whole document is registered under one $id; "#/components/..."
// references then resolve inside it, and the OpenAPI-only keywords around the
// schemas (paths, info, discriminator…) are ignored because strict mode is off
// (the structure of the document is redocly's job, see contract.test.mjs).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';

/** The repository root, wherever the tests are run from. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const specPath = fileURLToPath(new URL('../../public/openapi.yaml', import.meta.url));
export const demoDir = fileURLToPath(new URL('../../public/demo/', import.meta.url));

const SPEC_ID = 'https://youxin.invalid/openapi.json';

/** The parsed contract. */
export function loadSpec() {
  return parseYaml(readFileSync(specPath, 'utf8'));
}

/**
 * A validator over the contract's schemas.
 *
 * `closedObjects: true` adds `unevaluatedProperties: false` to every object
 * schema that lists properties. Clients ignore unknown fields, so the contract
 * itself stays open; the closed variant is for our own data (demo files), where
 * an unknown field is almost always a misspelt known one that the app would
 * silently drop.
 */
export function createValidator({ spec = loadSpec(), closedObjects = false } = {}) {
  const doc = structuredClone(spec);
  if (closedObjects) closeObjects(doc.components.schemas);
  doc.$id = SPEC_ID;

  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  // OpenAPI's integer formats are annotations; the `type: integer` does the work.
  ajv.addFormat('int64', { type: 'number', validate: Number.isSafeInteger });
  ajv.addFormat('binary', true); // a file part of a multipart body
  ajv.addSchema(doc);

  const cache = new Map();
  const compileRef = (pointer) => {
    if (!cache.has(pointer)) cache.set(pointer, ajv.compile({ $ref: `${SPEC_ID}#${pointer}` }));
    return cache.get(pointer);
  };
  const run = (validate, data) => {
    const valid = validate(data);
    // `errors` is for a person; `details` keeps Ajv's own error objects for
    // callers that pick one (the backend checker reports the first mismatch).
    const details = valid ? [] : [...validate.errors];
    return { valid, errors: valid ? '' : formatErrors(details), details };
  };

  return {
    spec,
    /** Validates `data` against components/schemas/<name>. */
    validate(name, data) {
      if (!spec.components?.schemas?.[name]) throw new Error(`no schema ${name} in openapi.yaml`);
      return run(compileRef(`/components/schemas/${name}`), data);
    },
    /** Validates `data` against a schema object taken from anywhere in the spec. */
    validateInline(schema, data) {
      return run(ajv.compile(absolutiseRefs(schema)), data);
    },
    /**
     * Validates a response body against what the spec declares for
     * `method path` (the path template, e.g. "/v1/services/{id}") and status:
     * the exact code, else its range ("4XX"), else "default".
     */
    validateResponse(method, pathTemplate, status, body) {
      const operation = spec.paths?.[pathTemplate]?.[method.toLowerCase()];
      if (!operation) throw new Error(`no operation ${method} ${pathTemplate} in openapi.yaml`);
      const responses = operation.responses;
      const declared =
        responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
      if (!declared) return { valid: false, errors: `status ${status} is not declared` };
      const response = resolve(spec, declared);
      const schema = response.content?.['application/json']?.schema;
      if (!schema) return { valid: body === undefined || body === '', errors: 'no JSON body declared' };
      return this.validateInline(schema, body);
    },
  };
}

/** Follows a local "#/..." Reference Object (one level, as the spec uses them). */
export function resolve(spec, node) {
  if (!node || typeof node.$ref !== 'string') return node;
  return resolve(spec, pointerGet(spec, node.$ref.replace(/^#/, '')));
}

/** The value at a JSON pointer ("/a/b~1c") inside `doc`. */
export function pointerGet(doc, pointer) {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node, key) => (node == null ? undefined : node[key]), doc);
}

/** Ajv's errors as lines a person can act on. */
export function formatErrors(errors = []) {
  const lines = errors.slice(0, 25).map((e) => {
    const where = e.instancePath || '(root)';
    const detail = e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : '';
    return `  ${where} ${e.message}${detail}`;
  });
  if (errors.length > 25) lines.push(`  … and ${errors.length - 25} more`);
  return lines.join('\n');
}

/**
 * The property names the contract declares as date-times (directly or through
 * a $ref to a date-time schema), e.g. published_at, starts_at, at.
 */
export function dateTimeFields(spec) {
  const isDateTime = (schema) => resolve(spec, schema)?.format === 'date-time';
  const names = new Set();
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (node.properties && typeof node.properties === 'object') {
      for (const [name, schema] of Object.entries(node.properties)) {
        if (isDateTime(schema)) names.add(name);
      }
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(spec.components.schemas);
  return names;
}

// Rewrites "#/..." refs to point into the registered document, so a schema
// object lifted out of the spec compiles on its own.
function absolutiseRefs(node) {
  if (Array.isArray(node)) return node.map(absolutiseRefs);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#') ? SPEC_ID + value : absolutiseRefs(value);
  }
  return out;
}

function closeObjects(node) {
  if (Array.isArray(node)) return node.forEach(closeObjects);
  if (!node || typeof node !== 'object') return;
  if (node.properties && typeof node.properties === 'object' && !('unevaluatedProperties' in node)) {
    node.unevaluatedProperties = false;
  }
  for (const value of Object.values(node)) closeObjects(value);
}
