// Judging answers the way the app reads them: against the contract's schemas
// (tests/contract/schema.mjs), after dropping nulls, and reduced to the one
// mismatch a person should look at first.

import { createValidator, resolve, pointerGet } from '../../contract/schema.mjs';

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

  // Every `oneOf` chosen by a discriminator (the story's Block): its
  // property and which schema each value picks.
  const discriminators = Object.values(contract.spec.components?.schemas ?? {})
    .filter((schema) => schema.oneOf && schema.discriminator?.mapping)
    .map(({ discriminator: { propertyName, mapping } }) => ({ propertyName, mapping }));

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
      const data = dropNulls(value);
      const { valid, details } = contract.validate(name, data);
      if (valid) return { ok: true, notes: [] };
      const { errors, notes } = narrowOneOfs(details, data, discriminators);
      const real = errors.filter((e) => !WRAPPERS.has(e.keyword));
      const enums = real.filter((e) => e.keyword === 'enum');
      const hard = real.filter((e) => e.keyword !== 'enum');
      notes.push(...enums.map((e) => `${jsonPath(e.instancePath)}: unknown value, shown as "unknown"`));
      if (hard.length === 0) return { ok: true, notes };
      const first = hard[0];
      return { ok: false, mismatch: describe(first), notes };
    },
  };
}

/**
 * Ajv reports a failed `oneOf` with the errors of every branch. Where a
 * discriminator names the branch (a block's `type`), only that branch's errors
 * say what is wrong; a value the discriminator does not know is a type the
 * app skips when it shows the story (Block::Unknown), not a broken item.
 */
function narrowOneOfs(details, data, discriminators) {
  let errors = details;
  const notes = [];
  for (const oneOf of details.filter((e) => e.keyword === 'oneOf')) {
    const at = oneOf.instancePath;
    const under = (e) => e.instancePath === at || e.instancePath.startsWith(`${at}/`);
    const branchOf = (e) => /^#\/components\/schemas\/[^/]+/.exec(e.schemaPath)?.[0];
    const branches = new Set(details.filter((e) => under(e) && e !== oneOf).map(branchOf).filter(Boolean));
    const d = discriminators.find(({ mapping }) => [...branches].every((b) => Object.values(mapping).includes(b)));
    const instance = pointerGet(data, at);
    const value = instance && typeof instance === 'object' ? instance[d?.propertyName] : undefined;
    if (!d || typeof value !== 'string') continue;
    const chosen = d.mapping[value];
    if (!chosen) {
      errors = errors.filter((e) => !under(e));
      notes.push(`${jsonPath(at)}: unknown ${d.propertyName} ${JSON.stringify(value)}, left out when shown`);
    } else {
      const others = [...branches].filter((b) => b !== chosen);
      errors = errors.filter((e) => !(under(e) && others.includes(branchOf(e))));
    }
  }
  return { errors, notes };
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
