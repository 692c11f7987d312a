// One HTTP request that never throws: a network error, a timeout or a body
// that is not JSON comes back as `problem`, a sentence for the report, so that
// a broken backend yields FAIL lines rather than a stack trace.

export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * @returns {Promise<{status?: number, headers?: Headers, text?: string,
 *   json?: unknown, isJson: boolean, problem?: string}>}
 *   `problem` is set when there is no usable answer at all; `isJson` tells
 *   whether `text` parsed (an empty body is not JSON).
 */
export async function request(url, { method = 'GET', headers = {}, body, timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
  let res;
  try {
    res = await fetch(url, { method, headers, body, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    return { isJson: false, problem: describeFetchError(error, timeoutMs) };
  }
  let text;
  try {
    text = await res.text();
  } catch (error) {
    return { status: res.status, headers: res.headers, isJson: false, problem: describeFetchError(error, timeoutMs) };
  }
  let json;
  let isJson = false;
  if (text.trim() !== '') {
    try {
      json = JSON.parse(text);
      isJson = true;
    } catch {
      // left to the caller: a 204 has no body, a 200 must have one
    }
  }
  return { status: res.status, headers: res.headers, text, json, isJson };
}

function describeFetchError(error, timeoutMs) {
  if (error?.name === 'TimeoutError' || error?.name === 'AbortError') {
    return `no answer within ${timeoutMs / 1000} s`;
  }
  // undici hides the useful part (ECONNREFUSED, ENOTFOUND, a reset) in `cause`.
  const cause = error?.cause;
  const detail = cause?.code ?? cause?.message ?? error?.message ?? String(error);
  return `network error: ${detail}`;
}

/** The start of a body that is not JSON, quoted on one line for the report. */
export function preview(text = '', max = 60) {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return 'an empty body';
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max)}…` : flat);
}
