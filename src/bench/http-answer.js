// What crowd.js and probe.js share: their options, the raw HTTP/1.1 sign-up request, and reading one answer
// from the chunks a socket delivered.
'use strict';

/** Parses what arrived so far; returns true when the whole response is there. */
function parse(rec, ended) {
  const data = rec.chunks.length === 1 ? rec.chunks[0] : Buffer.concat(rec.chunks);
  rec.chunks = [data];
  const headEnd = data.indexOf('\r\n\r\n');
  if (headEnd < 0) return false;
  const head = data.subarray(0, headEnd).toString('latin1');
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(head);
  if (!m) { rec.error = 'bad response'; return true; }
  rec.status = Number(m[1]);
  const body = data.subarray(headEnd + 4);
  const cl = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (cl) {
    if (body.length < Number(cl[1])) return false;
    rec.body = body.subarray(0, Number(cl[1])).toString('utf8');
    return true;
  }
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
    if (!body.subarray(Math.max(0, body.length - 5)).equals(Buffer.from('0\r\n\r\n'))) return false;
    let out = '', p = 0, s = body.toString('latin1');
    for (;;) {
      const e = s.indexOf('\r\n', p);
      const len = parseInt(s.slice(p, e), 16);
      if (!len) break;
      out += s.slice(e + 2, e + 2 + len);
      p = e + 2 + len + 2;
    }
    rec.body = Buffer.from(out, 'latin1').toString('utf8');
    return true;
  }
  if (ended) { rec.body = body.toString('utf8'); return true; }
  return false;
}

/** --name value pairs from the command line. */
function options(argv) {
  const opt = {};
  for (let i = 2; i < argv.length; i += 2) opt[argv[i].replace(/^--/, '')] = argv[i + 1];
  return opt;
}

/** One API sign-up for event {@code slug} as raw HTTP/1.1 on its own connection (Connection: close). */
function signUpRequest(port, slug, person) {
  const body = JSON.stringify({ affiliation: 'x', role: 'DEVELOPER', consent: true, marketingConsent: false, ...person });
  return `POST /api/events/${slug}/registrations HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`
    + `Content-Type: application/json\r\nAccept: application/json\r\nConnection: close\r\n`
    + `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

module.exports = { parse, options, signUpRequest };
