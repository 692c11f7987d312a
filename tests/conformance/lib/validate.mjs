// Judging answers the way the app reads them: against the contract's schemas
// (tests/contract/schema.mjs), after dropping nulls, and reduced to the one
// mismatch a person should look at first.

import { createValidator, resolve } from '../../contract/schema.mjs';

/**
 * `"field": null` counts as a missing field, as in the app (drop_nulls in
 * src/api/decode.rs): a null optional field is fine, a null required one is
 * missing. Works on a copy.
 */
export function dropNulls(value) {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (!value || typeof value !== 'object') return value;
  const out = {};
  for (const [key, field] of Object.entries(value)) {
    if (field !== null) out[key] = dropNulls(field);
  }
  return out;
}

// Errors that only say "a branch below failed"; the branch's own error says why.
const WRAPPERS = new Set(['oneOf', 'anyOf', 'allOf', 'if', 'not', 'discriminator']);

export function createJudge(spec) {
  const contract = createValidator(spec ? { spec } : {});

  /** The schema name behind a `$ref: '#/components/schemas/Name'`. */
  const schemaName = (node) => /^#\/components\/schemas\/(.+)$/.exec(node?.$ref ?? '')?.[1];

  return {
    spec: contract.spec,
    schemaName,
    resolve: (node) => resolve(contract.spec, node),

    /**
     * Checks one value against components/schemas/<name>.
     * @returns {{ok: boolean, mismatch?: string, notes: string[]}}
     *   `mismatch` is "$.path: why" for the first error the app cannot live
     *   with; `notes` are unknown enum values, which the contract lets clients
     *   read as "unknown" (so they do not fail an item).
     */
    check(name, value) {
      const { valid, details } = contract.validate(name, dropNulls(value));
      if (valid) return { ok: true, notes: [] };
      const real = details.filter((e) => !WRAPPERS.has(e.keyword));
      const enums = real.filter((e) => e.keyword === 'enum');
      const hard = real.filter((e) => e.keyword !== 'enum');
      const notes = enums.map((e) => `${jsonPath(e.instancePath)}: unknown value, shown as "unknown"`);
      if (hard.length === 0 && real.length > 0) return { ok: true, notes };
      const first = hard[0] ?? details[0];
      return { ok: false, mismatch: describe(first), notes };
    },
  };
}

/** Ajv's "/hours/0/opens" as "$.hours[0].opens". */
export function jsonPath(instancePath = '') {
  const segments = instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return segments.reduce((out, segment) => {
    if (/^\d+$/.test(segment)) return `${out}[${segment}]`;
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) return `${out}.${segment}`;
    return `${out}[${JSON.stringify(segment)}]`;
  }, '$');
}

function describe(error) {
  if (error.keyword === 'required') {
    return `${jsonPath(`${error.instancePath}/${error.params.missingProperty}`)}: is missing (required)`;
  }
  if (error.keyword === 'type') return `${jsonPath(error.instancePath)}: must be ${error.params.type}`;
  return `${jsonPath(error.instancePath)}: ${error.message}`;
}
