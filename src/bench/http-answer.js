// Reads one HTTP/1.1 answer from the chunks a socket delivered (crowd.js and probe.js).
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

module.exports = { parse };
