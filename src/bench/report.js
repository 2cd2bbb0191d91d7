#!/usr/bin/env node
// Turns run.sh's results.jsonl into the targets table (every target: measured, target, met / not met)
// and the table of every figure (plus notes on errors).
'use strict';
const fs = require('fs');
const { targets, steadyErrors } = require('./targets');
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

const num = (x) => (x == null ? '?' : Number(x).toLocaleString('en-US'));
const fix = (x, d = 1) => (x == null ? '?' : Number(x).toFixed(d));
const s = (ms) => (ms == null ? '?' : (ms / 1000).toFixed(2));
const mb = (kb) => (kb == null || Number.isNaN(kb) ? '?' : (kb / 1024).toFixed(0));
const dmb = (kb) => (kb == null || Number.isNaN(kb) ? '?' : (kb >= 0 ? '+' : '') + (kb / 1024).toFixed(0));
const rows = [];
const notes = [];
const row = (...cells) => rows.push('| ' + cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ') + ' |');

function breakdown(e) {
  const parts = [];
  for (const [code, k] of Object.entries(e.http || {})) parts.push(`HTTP ${code}: ${num(k)}`);
  if (e.timeout) parts.push(`no answer in 30 s: ${num(e.timeout)}`);
  if (e.socket) parts.push(`socket: ${num(e.socket)}`);
  if (e.connect) parts.push(`connect: ${num(e.connect)}`);
  return e.total ? `${num(e.total)} (${parts.join(', ')})` : '0';
}

function crowdCheck(c, capacity = 300) {
  if (!c) return 'not checked';
  if (c.error) return `FAIL: admin list unreadable: ${c.error}`;
  const facts = [
    `seats ${num(c.seats)} = min(${capacity}, ${num(c.rows)} rows)`,
    c.waitlisted ? `waitlist 1..${num(c.waitlisted)} ${c.gapFree ? 'gap-free' : 'HAS GAPS'}` : 'no waitlist',
  ];
  const bad = [];
  if (c.seats > capacity) bad.push(`OVERSOLD: ${num(c.seats)} seats`);
  if (c.seats !== c.expectedSeats) bad.push(`seats ${num(c.seats)} != ${num(c.expectedSeats)}`);
  if (!c.gapFree) bad.push('waitlist positions not 1..W');
  if (c.lost) bad.push(`${num(c.lost)} answered sign-ups missing`);
  if (c.mismatch) bad.push(`${num(c.mismatch)} answers differ from the stored status/position`);
  if (c.duplicatePositions) bad.push(`${num(c.duplicatePositions)} duplicate positions answered`);
  if (c.seats !== c.expectedSeatsFromAnswered) facts.push(`min(300, answered) = ${num(c.expectedSeatsFromAnswered)}`);
  return (c.ok ? 'ok: ' : 'FAIL: ' + bad.join('; ') + '; ') + facts.join('; ');
}

const styleRps = lines.find((l) => l.kind === 'steady' && l.mode === 'get' && /style\.css/.test(l.target));

/** The floor run on the same app(s) right before this crowd (after the crowd before it). */
function floorOf(crowdLine) {
  for (let i = lines.indexOf(crowdLine) - 1; i >= 0 && lines[i].kind !== 'crowd'; i--) {
    const f = lines[i];
    if (f.kind === 'floor' && f.setup === crowdLine.setup && f.data.n === crowdLine.data.n) return f;
  }
  return null;
}

function noteErrors(what, d) {
  const det = Object.entries(d.errorDetails || {}).sort((a, b) => b[1] - a[1]).slice(0, 4);
  if (det.length) notes.push(`${what}: ` + det.map(([k, v]) => `${num(v)}× ${k}`).join('; '));
}

for (const l of lines) {
  if (l.kind === 'footprint') {
    const range = (a, f) => (a && a.length > 1 ? ` (${f(Math.min(...a))}–${f(Math.max(...a))})` : '');
    row('footprint', l.setup, `ready ${fix(l.readySeconds, 2)} s after the launch${range(l.readyAll, (x) => fix(x, 2))}, `
      + `"started in" ${fix(l.startSeconds, 2)} s; RSS ${mb(l.rssKb)} MB${range(l.rssAll, mb)} one second after ready; `
      + `median of ${num(l.runs || 1)} start${l.runs > 1 ? 's' : ''}`, '–', '–', '–');
  } else if (l.kind === 'floor') {
    const d = l.data;
    row(`floor N=${num(d.n)}`, `${l.setup}: GET /style.css on N new connections at once`,
      `answered ${num(d.answered)}/${num(d.n)}; wall ${fix(d.wallSeconds)} s`,
      `${s(d.latencyMs.p50)} / ${s(d.latencyMs.p99)} / ${s(d.latencyMs.max)} s`, breakdown(d.errors), '–');
    noteErrors(`floor N=${num(d.n)}, ${l.setup}`, d);
  } else if (l.kind === 'crowd') {
    const d = l.data;
    const show = String(l.show || 'crowd').split(',');
    if (show.includes('crowd')) {
      const extra = d.check && d.check.rows > d.answered ? `; ${num(d.check.rows - d.answered)} stored but not answered` : '';
      const f = floorOf(l);
      const vsFloor = f ? `; p99 ÷ floor p99 = ${fix(d.latencyMs.p99 / f.data.latencyMs.p99, 2)}` : '';
      row(`crowd N=${num(d.n)}`, l.setup,
        `answered ${num(d.answered)}/${num(d.n)}; seated ${num(d.seated)}, waitlisted ${num(d.waitlisted)}; wall ${fix(d.wallSeconds)} s${extra}`,
        `${s(d.latencyMs.p50)} / ${s(d.latencyMs.p99)} / ${s(d.latencyMs.max)} s`,
        breakdown(d.errors), crowdCheck(d.check) + vsFloor);
      noteErrors(`crowd N=${num(d.n)}, ${l.setup}`, d);
    }
    if (d.probe) {
      const p = d.probe;
      const perr = Object.entries(p.errors || {}).filter(([k]) => k !== 'total').map(([k, v]) => `${k}: ${num(v)}`);
      row('quiet-event probe', `${l.setup}, during crowd N=${num(d.n)}: API sign-ups to a second event, each on a fresh connection`,
        `${num(p.answered)}/${num(p.sent)} answered 202; worst ${fix(p.worstMs, 0)} ms`,
        `${fix(p.latencyMs && p.latencyMs.p50, 0)} / – / ${fix(p.latencyMs && p.latencyMs.max, 0)} ms`,
        p.errors && p.errors.total ? `${num(p.errors.total)} (${perr.join(', ')})` : '0', 'latency from connect to answer');
    }
    if (show.includes('mail') && d.mail) {
      const m = d.mail;
      const rate = m.seconds ? ` (${fix(m.received / m.seconds, 0)} mails/s)` : '';
      row('mail', `${l.setup}, crowd N=${num(d.n)} → local SMTP`,
        m.complete ? `all ${num(m.received)} mails in ${fix(m.seconds)} s after the crowd was fired${rate}`
          : `only ${num(m.received)} of ${num(m.expected)} mails after the wait (last at ${fix(m.seconds)} s)`,
        '–', m.complete ? '0' : `${num(m.expected - m.received)} not delivered in time`,
        `expected ${num(m.expected)} = stored sign-ups`);
    }
  } else if (l.kind === 'steady') {
    const w = l.wrk;
    const { bad, sock, total: errs } = steadyErrors(l);
    const parts = [];
    if (bad) parts.push(`${l.mode === 'get' ? 'non-2xx/3xx' : l.mode === 'api' ? 'not 202' : 'not 303'}: ${num(bad)}`);
    if (w.timeout) parts.push(`timeout: ${num(w.timeout)}`);
    if (sock) parts.push(`socket: ${num(sock)}`);
    const ratio = styleRps ? ` (${fix(w.rps / styleRps.wrk.rps, 2)}× stylesheet)` : '';
    row('steady', `${l.setup}: ${l.target}`, `${num(Math.round(w.rps))} req/s${ratio}; ${num(w.requests)} requests`,
      `${fix(w.p50_us / 1000, 1)} / ${fix(w.p99_us / 1000, 1)} / ${fix(w.max_us / 1000, 0)} ms`,
      errs ? `${num(errs)} (${parts.join(', ')})` : '0', l.mode === 'get' ? '–' : `success = ${l.mode === 'api' ? 202 : 303}`);
  } else if (l.kind === 'export') {
    const expected = Number((/([0-9]+) registrations/.exec(l.setup) || [])[1]);
    const heap = `heap peak ${dmb(l.heapPeakKb - l.heapBeforeKb)} MB over idle (old gen ${dmb(l.oldPeakKb - l.oldBeforeKb)} MB), `
      + `${dmb(l.heapAfterGcKb - l.heapBeforeKb)} MB after GC`;
    row('export', `${l.setup}: GET /admin/events/{slug}/attendees.csv?reason=…`,
      `${num(l.rows)} rows, ${fix(l.bytes / 1048576, 1)} MB in ${fix(l.seconds, 2)} s (first byte ${fix(l.ttfb, 2)} s); ${heap}`,
      '–', l.code === 200 ? '0' : `HTTP ${l.code}`,
      l.rows === expected ? `ok: ${num(l.rows)} rows = registrations` : `FAIL: ${num(l.rows)} rows, ${num(expected)} expected`);
  } else if (l.kind === 'failed') {
    row(l.part, l.setup, `FAILED: ${l.reason}`, '–', '–', '–');
  } else if (l.kind === 'skipped') {
    row(l.part, l.setup, `skipped: ${l.reason}`, '–', '–', '–');
  }
}

const targetRows = targets(lines, { floorOf, styleRps });
console.log('Targets (ratios against the same run\'s stylesheet and floor; "not measured" when the part did not run):');
console.log('');
console.log('| figure | measured | target | met |');
console.log('|---|---|---|---|');
for (const t of targetRows) console.log('| ' + [t.figure, t.measured, t.target, t.met].map((c) => String(c).replace(/\|/g, '\\|')).join(' | ') + ' |');
console.log('');
console.log('Every figure:');
console.log('');
console.log('| part | setup | result | latency p50 / p99 / max | errors | check |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
if (notes.length) {
  console.log('');
  console.log('Errors seen:');
  for (const n of notes) console.log(`- ${n}`);
}
