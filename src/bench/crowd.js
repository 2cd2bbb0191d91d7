#!/usr/bin/env node
// The opening-minute crowd: N people sign up for one event at the same instant, each on a new
// connection. All sockets are opened first, then every request is written in one loop.
//
// node crowd.js --ports 18101[,18102] --slug SLUG --n 3000 [--capacity 300] [--timeout-ms 30000]
//               [--cap-ms 90000] [--admin admin:bench] [--mail-status FILE --mail-cap-ms 180000]
//               [--mode signup|floor] [--probe-slug QUIET [--probe-every-ms 250] [--probe-max 40]]
//
// --mode floor: the same client shape, but each connection fetches GET /style.css (success = 200):
// what N simultaneous new connections cost this machine, client and HTTP stack with no app work.
// --probe-slug: while the crowd is answered, probe.js signs up for the quiet event QUIET on fresh
// connections (one every --probe-every-ms from the firing until the crowd is answered).
//
// Prints one JSON object on stdout (progress goes to stderr):
//   answered (2xx), errors {http: {code: n}, timeout, socket, connect}, seated, waitlisted,
//   latency of answered requests (ms, from the moment its request was written), wall time,
//   and the admin-API check of the event afterwards (no oversell, gap-free waitlist, nothing lost),
//   with --mail-status, the seconds until the SMTP sink had all the mails, and with --probe-slug
//   the probes' latencies (ms, from connect to answer) and errors.
'use strict';
const net = require('net');
const http = require('http');
const fs = require('fs');
const path = require('path');
const { fork } = require('child_process');
const { performance } = require('perf_hooks');
const { parse, options, signUpRequest } = require('./http-answer');

const opt = options(process.argv);
const ports = String(opt.ports || '8080').split(',').map(Number);
const slug = opt.slug;
const n = Number(opt.n || 3000);
const capacity = Number(opt.capacity || 300);
const timeoutMs = Number(opt['timeout-ms'] || 30000);
const capMs = Number(opt['cap-ms'] || 90000);
const admin = opt.admin || 'admin:bench';
const mailStatus = opt['mail-status'];
const mailCapMs = Number(opt['mail-cap-ms'] || 180000);
const tag = opt.tag || Date.now().toString(36);
const floor = opt.mode === 'floor';
const probeSlug = opt['probe-slug'];
const log = (m) => process.stderr.write(`  [crowd ${slug}] ${m}\n`);

const recs = [];
for (let i = 0; i < n; i++) {
  const port = ports[i % ports.length];
  const email = `crowd-${tag}-${i}@example.com`;
  const req = floor
    ? `GET /style.css HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/css\r\nConnection: close\r\n\r\n`
    : signUpRequest(port, slug, { name: `Crowd ${i}`, email, locale: 'ko' });
  recs.push({ i, port, email, buf: Buffer.from(req), state: 'connecting', chunks: [], size: 0 });
}

// The probe runs in its own process, forked before the crowd connects, so that its timing does not
// wait for this process to work through the crowd's answers.
let prober = null;
let probeResult = null;
const probeDone = new Promise((resolve) => {
  if (!probeSlug) { resolve(); return; }
  prober = fork(path.join(__dirname, 'probe.js'), ['--ports', ports.join(','), '--slug', probeSlug, '--tag', tag,
    '--every-ms', String(opt['probe-every-ms'] || 250), '--max', String(opt['probe-max'] || 40),
    '--timeout-ms', String(timeoutMs)]);
  prober.on('message', (m) => { if (m.probes) probeResult = m.probes; });
  prober.on('exit', () => resolve());
});

const t0 = performance.now();
let fireAt = 0;
let fireEpoch = 0;
let mailBase = 0;
let connecting = n;
let outstanding = 0;
let finished = false;

function finish(rec, error) {
  if (rec.state === 'done') return;
  const wasSent = rec.state === 'sent';
  rec.state = 'done';
  rec.doneAt = performance.now();
  if (error) rec.error = error;
  if (floor && rec.status >= 200 && rec.status < 300) rec.body = null; // 10,000 stylesheets need not stay
  if (rec.sock) rec.sock.destroy();
  rec.sock = null;
  rec.chunks = null;
  if (wasSent && --outstanding === 0 && fireAt) report();
}

for (const rec of recs) {
  const sock = net.connect({ host: '127.0.0.1', port: rec.port });
  rec.sock = sock;
  sock.setNoDelay(true);
  sock.on('connect', () => {
    rec.state = 'connected';
    if (--connecting === 0) fire();
  });
  sock.on('data', (d) => {
    if (rec.state !== 'sent') return;
    rec.chunks.push(d);
    if (parse(rec, false)) finish(rec);
  });
  sock.on('end', () => {
    if (rec.state === 'sent') finish(rec, parse(rec, true) ? undefined : 'closed without answer');
  });
  sock.on('error', (e) => {
    if (rec.state === 'connecting') { rec.state = 'done'; rec.error = 'connect ' + e.code; rec.sock = null; if (--connecting === 0) fire(); }
    else if (rec.state === 'connected') { rec.state = 'done'; rec.error = 'socket ' + e.code; rec.sock = null; }
    else finish(rec, 'socket ' + (e.code || e.message));
  });
  sock.on('close', () => {
    if (rec.state === 'sent') finish(rec, 'closed without answer');
  });
}

// Sockets still not connected after the request timeout are given up; the rest are fired.
const connectDeadline = setTimeout(() => {
  for (const rec of recs) {
    if (rec.state === 'connecting') { rec.state = 'done'; rec.error = 'connect timeout'; rec.sock.destroy(); rec.sock = null; }
  }
  connecting = 0;
  fire();
}, timeoutMs);

function fire() {
  if (fireAt) return;
  clearTimeout(connectDeadline);
  const open = recs.filter((r) => r.state === 'connected');
  log(`${open.length}/${n} connected in ${((performance.now() - t0) / 1000).toFixed(1)} s; firing`);
  if (mailStatus) mailBase = readMail().count;
  fireEpoch = Date.now();
  fireAt = performance.now();
  outstanding = open.length;
  for (const rec of open) {
    rec.state = 'sent';
    rec.sentAt = performance.now();
    rec.sock.write(rec.buf);
    rec.buf = null;
  }
  if (prober) prober.send({ go: true });
  const writeMs = performance.now() - fireAt;
  log(`all ${open.length} requests written in ${writeMs.toFixed(0)} ms`);
  if (open.length === 0) report();
}

// Every request gets timeoutMs from the moment it was written; the whole crowd gets capMs.
const ticker = setInterval(() => {
  const now = performance.now();
  for (const rec of recs) {
    if (rec.state === 'sent' && now - rec.sentAt > timeoutMs) finish(rec, 'timeout');
  }
  if (now - t0 > capMs) {
    for (const rec of recs) if (rec.state !== 'done') finish(rec, 'timeout (crowd cap)');
  }
}, 200);

function readMail() {
  try {
    const [count, last] = fs.readFileSync(mailStatus, 'utf8').trim().split(/\s+/).map(Number);
    return { count, last };
  } catch (e) {
    return { count: 0, last: 0 };
  }
}

function pct(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function getJson(port, path, timeout) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, auth: admin, agent: false, timeout,
      headers: { Accept: 'application/json' } }, (res) => {
      const parts = [];
      res.on('data', (d) => parts.push(d));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        if (res.statusCode !== 200) return reject(new Error(`GET ${path}: HTTP ${res.statusCode} ${text.slice(0, 200)}`));
        try { resolve(JSON.parse(text)); } catch (e) { reject(e); }
      });
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${path}: no answer in ${timeout} ms`)));
    req.on('error', reject);
  });
}

/** Waits until the event's counts stop moving (requests a client gave up on may still commit). */
async function settle() {
  let last = null, stableSince = Date.now();
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    let count;
    try {
      const e = await getJson(ports[0], `/api/events/${slug}`, 30000);
      count = (e.capacity - e.seatsLeft) + e.waitlistCount;
    } catch (err) {
      return;
    }
    if (Number.isNaN(count)) return;
    if (count !== last) { last = count; stableSince = Date.now(); }
    else if (Date.now() - stableSince >= 2000) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function check(result) {
  await settle();
  const list = await getJson(ports[0], `/api/admin/events/${slug}/registrations`, 120000);
  const byEmail = new Map(list.map((r) => [String(r.email).toLowerCase(), r]));
  const seats = list.filter((r) => r.status === 'PENDING' || r.status === 'CONFIRMED').length;
  const wl = list.filter((r) => r.status === 'WAITLISTED');
  const positions = wl.map((r) => Number(r.waitlistPosition)).sort((a, b) => a - b);
  let gapFree = true;
  positions.forEach((p, k) => { if (p !== k + 1) gapFree = false; });
  let lost = 0, mismatch = 0;
  for (const rec of recs) {
    if (!rec.answer) continue;
    const row = byEmail.get(rec.email);
    if (!row) { lost++; continue; }
    const answered = rec.answer.status;
    if (answered === 'WAITLISTED' ? (row.status !== 'WAITLISTED' || Number(row.waitlistPosition) !== Number(rec.answer.waitlistPosition))
      : !(row.status === 'PENDING' || row.status === 'CONFIRMED')) mismatch++;
  }
  const answeredPositions = recs.filter((r) => r.answer && r.answer.status === 'WAITLISTED').map((r) => r.answer.waitlistPosition);
  const duplicatePositions = answeredPositions.length - new Set(answeredPositions).size;
  const c = {
    rows: list.length, seats, waitlisted: wl.length, gapFree, lost, mismatch, duplicatePositions,
    expectedSeats: Math.min(capacity, list.length),
    expectedSeatsFromAnswered: Math.min(capacity, result.answered),
  };
  c.ok = seats <= capacity && seats === c.expectedSeats && gapFree && lost === 0 && mismatch === 0
    && duplicatePositions === 0 && list.length >= result.answered;
  return c;
}

async function waitForMail(expected) {
  const deadline = Date.now() + mailCapMs;
  let m = readMail();
  while (m.count - mailBase < expected && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    m = readMail();
  }
  const got = m.count - mailBase;
  return {
    expected, received: got, complete: got >= expected,
    seconds: got > 0 ? (m.last - fireEpoch) / 1000 : null,
  };
}

function summarizeProbes(list) {
  if (!list) return { sent: 0, answered: 0, errors: { total: 0 }, error: 'the probe process gave no result' };
  const ok = list.filter((p) => !p.error && p.status === 202);
  const lat = ok.map((p) => p.ms).sort((a, b) => a - b);
  const errors = {};
  for (const p of list) {
    if (p.error || p.status !== 202) {
      const key = p.error || `HTTP ${p.status}`;
      errors[key] = (errors[key] || 0) + 1;
    }
  }
  return {
    sent: list.length, answered: ok.length,
    errors: { total: list.length - ok.length, ...errors },
    latencyMs: { p50: pct(lat, 50), max: lat.length ? lat[lat.length - 1] : null },
    // every probe, answered or not, by the time it took (a failed one counts with the time it failed)
    worstMs: list.length ? Math.max(...list.map((p) => p.ms || 0)) : null,
    // each probe's time in the order sent (one every --probe-every-ms from the firing): where in the crowd it was slow
    inOrderMs: [...list].sort((a, b) => a.k - b.k).map((p) => (p.ms == null ? null : Math.round(p.ms))),
  };
}

async function report() {
  if (finished) return;
  finished = true;
  clearInterval(ticker);
  clearTimeout(connectDeadline);
  const errors = { http: {}, timeout: 0, socket: 0, connect: 0 };
  const details = {};
  const lat = [];
  let answered = 0, seated = 0, waitlisted = 0, lastDone = fireAt;
  for (const rec of recs) {
    if (rec.doneAt && rec.doneAt > lastDone) lastDone = rec.doneAt;
    if (rec.error) {
      details[rec.error] = (details[rec.error] || 0) + 1;
      if (rec.error.startsWith('timeout')) errors.timeout++;
      else if (rec.error.startsWith('connect')) errors.connect++;
      else errors.socket++;
      continue;
    }
    if (rec.status >= 200 && rec.status < 300) {
      answered++;
      lat.push(rec.doneAt - rec.sentAt);
      if (floor) continue;
      try { rec.answer = JSON.parse(rec.body); } catch (e) { rec.answer = {}; }
      if (rec.answer.status === 'WAITLISTED') waitlisted++;
      else if (rec.answer.status === 'PENDING') seated++;
    } else {
      errors.http[rec.status] = (errors.http[rec.status] || 0) + 1;
      const key = `HTTP ${rec.status}: ${String(rec.body || '').replace(/\s+/g, ' ').slice(0, 160)}`;
      details[key] = (details[key] || 0) + 1;
    }
  }
  lat.sort((a, b) => a - b);
  const httpErrors = Object.values(errors.http).reduce((a, b) => a + b, 0);
  const result = {
    slug, n, ports, answered, seated, waitlisted,
    errors: { total: httpErrors + errors.timeout + errors.socket + errors.connect, ...errors },
    errorDetails: details,
    latencyMs: { p50: pct(lat, 50), p99: pct(lat, 99), max: lat.length ? lat[lat.length - 1] : null },
    wallSeconds: (lastDone - fireAt) / 1000,
    connectSeconds: (fireAt - t0) / 1000,
  };
  if (floor) result.mode = 'floor';
  log(`answered ${answered}/${n}, errors ${result.errors.total}, wall ${result.wallSeconds.toFixed(1)} s`);
  if (prober) {
    prober.send({ stop: true });
    await Promise.race([probeDone, new Promise((r) => setTimeout(r, timeoutMs + 5000))]);
    result.probe = summarizeProbes(probeResult);
    log(`probes: ${JSON.stringify(result.probe)}`);
  }
  if (!floor) {
    try {
      result.check = await check(result);
    } catch (e) {
      result.check = { ok: false, error: String(e.message || e) };
    }
  }
  if (mailStatus) {
    const expected = Math.max(answered, result.check.rows || 0);
    log(`waiting for ${expected} mails`);
    result.mail = await waitForMail(expected);
  }
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(0);
}
