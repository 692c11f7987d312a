#!/usr/bin/env node
// Checks a backend against the app's contract, public/openapi.yaml.
//
//   node tests/conformance/check.mjs <base-url> [--token T] [--writes]
//        [--origin https://app.example.cn] [--all | --sample N]
//        [--public-only] [--timeout SECONDS]
//
// <base-url> is what the app's config.json holds as api_base; the contract's
// paths (/v1/...) are appended to it. Exit code: 0 when the backend conforms
// (warnings allowed), 1 on any FAIL, 2 on bad usage. See README.md,
// "Checking a backend".

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChecks, DEFAULTS } from './lib/checks.mjs';
import { createReport } from './lib/report.mjs';

const USAGE = `usage: node tests/conformance/check.mjs <base-url> [options]

  --token T         a bearer token: also checks the personal reads (/v1/me, …)
  --writes          with --token: also checks in, redeems, reports, nominates,
                    sends an opinion, applies to 先锋骑士团 and signs up for an
                    activity, each twice with one Idempotency-Key, then cancels
                    the sign-up twice (changes data: test backends only)
  --origin O        the app's origin for the CORS checks (default ${DEFAULTS.origin})
  --sample N        details: check N ids of each list (default ${DEFAULTS.sample})
  --all             details: check every id
  --public-only     the backend serves only the public reads (e.g. static files):
                    personal reads and write preflights are not checked
  --timeout S       seconds to wait for each answer (default ${DEFAULTS.timeoutMs / 1000})

exit code: 0 conforms, 1 a check failed, 2 bad usage`;

export class UsageError extends Error {}

export function parseArgs(argv) {
  const options = {};
  const value = (i, flag) => {
    if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) throw new UsageError(`${flag} wants a value`);
    return argv[i + 1];
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') throw new UsageError('');
    else if (arg === '--token') options.token = value(i++, arg);
    else if (arg === '--origin') options.origin = value(i++, arg);
    else if (arg === '--writes') options.writes = true;
    else if (arg === '--all') options.all = true;
    else if (arg === '--public-only') options.publicOnly = true;
    else if (arg === '--sample' || arg === '--timeout') {
      const n = Number(value(i++, arg));
      if (!(n > 0)) throw new UsageError(`${arg} wants a positive number`);
      if (arg === '--sample') options.sample = Math.floor(n);
      else options.timeoutMs = n * 1000;
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else if (options.base) throw new UsageError(`one base URL only, got ${options.base} and ${arg}`);
    else options.base = arg;
  }
  if (!options.base) throw new UsageError('the base URL is missing');
  let url;
  try {
    url = new URL(options.base);
  } catch {
    throw new UsageError(`not a URL: ${options.base}`);
  }
  if (!['http:', 'https:'].includes(url.protocol)) throw new UsageError(`not an http(s) URL: ${options.base}`);
  if (options.writes && !options.token) throw new UsageError('--writes needs --token');
  if (options.writes && options.publicOnly) throw new UsageError('--writes and --public-only exclude each other');
  return options;
}

/** Runs the checks; resolves to the exit code. `write` takes each output line. */
export async function main(argv, write) {
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const out = write ?? ((line) => process.stderr.write(`${line}\n`));
    if (error.message) out(`error: ${error.message}`);
    out(USAGE);
    return 2;
  }
  const report = createReport(write);
  await runChecks(options, report);
  report.summary();
  return report.counts.fail ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error) => {
      // A bug of the checker, not of the backend: say so, without a stack trace.
      console.error(`the checker itself failed: ${error?.message ?? error}`);
      process.exitCode = 2;
    },
  );
}
