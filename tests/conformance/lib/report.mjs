// The lines the checker prints: one per endpoint (a list with skipped items
// gets a second, "warn", line), then a summary.

export function createReport(write = (line) => process.stdout.write(`${line}\n`)) {
  const counts = { ok: 0, fail: 0, warn: 0, skip: 0 };
  const line = (kind, label) => (subject, detail) => {
    counts[kind] += 1;
    write(`${label} ${subject}${detail ? (kind === 'ok' ? ` ${detail}` : `: ${detail}`) : ''}`);
  };
  return {
    counts,
    ok: line('ok', 'ok '),
    fail: line('fail', 'FAIL'),
    warn: line('warn', 'warn'),
    skip: line('skip', 'skip'),
    summary() {
      const { ok, fail, warn, skip } = counts;
      const parts = [`${ok} ok`, `${fail} failed`, `${warn} warnings`];
      if (skip) parts.push(`${skip} skipped`);
      write('');
      write(`${fail ? 'FAIL' : 'ok '} ${parts.join(', ')}`);
    },
  };
}
