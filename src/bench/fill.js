#!/usr/bin/env node
// Fallback filler for the export benchmark (EXPORT_FILL=api, or when H2Fill fails): N sign-ups
// through the JSON API on keep-alive connections, CONCURRENCY at a time.
// node fill.js PORT SLUG N [CONCURRENCY]
'use strict';
const http = require('http');
const [port, slug, nArg, cArg] = process.argv.slice(2);
const n = Number(nArg);
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(cArg || 64) });
const tag = Date.now().toString(36);
let next = 0, ok = 0, failed = 0;
const start = Date.now();

function one() {
  if (next >= n) return Promise.resolve();
  const i = next++;
  const body = JSON.stringify({ name: i % 2 ? `Export Person ${i}` : `김서연 ${i}`, email: `export-${tag}-${i}@example.com`,
    affiliation: 'Bench Co', role: 'DEVELOPER', locale: 'ko', consent: true, marketingConsent: false });
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path: `/api/events/${slug}/registrations`, method: 'POST', agent,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }, timeout: 60000 }, (res) => {
      res.resume();
      res.on('end', () => { if (res.statusCode === 202) ok++; else failed++; resolve(); });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => { failed++; resolve(); });
    req.end(body);
  }).then(() => {
    if ((ok + failed) % 10000 === 0) process.stderr.write(`  fill: ${ok + failed}/${n} in ${((Date.now() - start) / 1000).toFixed(0)} s\n`);
    return one();
  });
}

Promise.all(Array.from({ length: Number(cArg || 64) }, one)).then(() => {
  process.stderr.write(`  fill: ${ok} sign-ups, ${failed} failed, ${((Date.now() - start) / 1000).toFixed(1)} s\n`);
  process.exit(failed ? 1 : 0);
});
