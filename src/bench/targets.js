// The targets the benchmark is held to, each checked against run.sh's results: one row per target
// with the measured value, the target and "met" / "not met" ("not measured" when its part did not run
// or failed). report.js prints them above the table of every figure.
'use strict';

const fix = (x, d = 1) => (x == null || Number.isNaN(Number(x)) ? '?' : Number(x).toFixed(d));
const num = (x) => (x == null ? '?' : Number(x).toLocaleString('en-US'));

/** Errors of one wrk run: unexpected statuses (4xx/5xx for GETs), timeouts and socket errors. */
function steadyErrors(l) {
  const w = l.wrk;
  const bad = l.mode === 'get' ? w.status : Math.max(w.status, w.unexpected);
  return { bad, sock: w.connect + w.read + w.write, timeout: w.timeout, total: bad + w.connect + w.read + w.write + w.timeout };
}

/** "met", or "not met (what failed)", from a list of [name, passed] pairs. */
function verdict(checks) {
  const failed = checks.filter(([, ok]) => !ok).map(([name]) => name);
  return failed.length ? `not met (${failed.join(', ')})` : 'met';
}

const STEADY = [
  { key: 'event-ko', figure: 'GET /events/{slug}, Korean (Accept-Language: ko)', ratio: 0.5, p99: 50 },
  { key: 'event-en', figure: 'GET /events/{slug}, English (Accept-Language: en)', ratio: 0.5, p99: 50 },
  { key: 'home', figure: 'GET /', ratio: 0.5, p99: 50 },
  { key: 'api-event', figure: 'GET /api/events/{slug}', ratio: 0.5, p99: 50 },
  { key: 'api-signup', figure: 'API sign-ups (POST /api/events/{slug}/registrations)', ratio: 0.15, p99: 100, noErrors: true },
  { key: 'form-signup', figure: 'form sign-ups (POST /events/{slug}/registrations)', ratio: 0.15, p99: 100, noErrors: true },
];

function steadyRows(lines, style) {
  const out = [];
  const steady = (key) => lines.find((l) => l.kind === 'steady' && l.key === key);
  out.push(style
    ? { figure: 'GET /style.css (the reference)', measured: `${num(Math.round(style.wrk.rps))} req/s; p99 ${fix(style.wrk.p99_us / 1000)} ms`, target: '–', met: '–' }
    : { figure: 'GET /style.css (the reference)', measured: 'not measured', target: '–', met: 'not measured' });
  for (const t of STEADY) {
    const target = `≥ ${t.ratio}× stylesheet; p99 ≤ ${t.p99} ms${t.noErrors ? '; 0 errors' : ''}`;
    const l = steady(t.key);
    if (!l || !style) {
      out.push({ figure: `${t.figure} ÷ stylesheet, wrk -t1 -c32`, measured: 'not measured', target, met: 'not measured' });
      continue;
    }
    const ratio = l.wrk.rps / style.wrk.rps;
    const p99 = l.wrk.p99_us / 1000;
    const errors = steadyErrors(l).total;
    const checks = [['ratio', ratio >= t.ratio], ['p99', p99 <= t.p99]];
    if (t.noErrors) checks.push(['errors', errors === 0]);
    out.push({
      figure: `${t.figure} ÷ stylesheet, wrk -t1 -c32`,
      measured: `${fix(ratio, 2)}× (${num(Math.round(l.wrk.rps))} req/s); p99 ${fix(p99)} ms; ${num(errors)} errors`,
      target, met: verdict(checks),
    });
  }
  return out;
}

// Crowd targets: N = 3,000 and 10,000 on H2 and 3,000 over two PostgreSQL instances are required
// (a row says "not measured" when absent); a crowd of another size gets the threshold of the size
// it reaches (10,000 and more: 2; less: 1.5).
const CROWD_SETUPS = { 'H2, 1 instance': 'H2', 'PostgreSQL, 2 instances (crowd split)': 'PostgreSQL, 2 instances' };
const REQUIRED = [['H2, 1 instance', 3000], ['H2, 1 instance', 10000], ['PostgreSQL, 2 instances (crowd split)', 3000]];
const maxRatio = (n) => (n >= 10000 ? 2 : 1.5);

function crowdRows(lines, floorOf) {
  const out = [];
  const crowds = lines.filter((l) => l.kind === 'crowd' && CROWD_SETUPS[l.setup]
    && String(l.show || 'crowd').split(',').includes('crowd'));
  const keys = REQUIRED.map(([setup, n]) => `${setup}|${n}`);
  for (const l of crowds) if (!keys.includes(`${l.setup}|${l.data.n}`)) keys.push(`${l.setup}|${l.data.n}`);
  for (const k of keys) {
    const [setup, nText] = k.split('|');
    const n = Number(nText);
    const figure = `crowd N=${num(n)}, ${CROWD_SETUPS[setup]}: p99 ÷ floor p99 (the same N fetching /style.css)`;
    const target = `≤ ${maxRatio(n)}; 0 errors; exact seats`;
    const l = crowds.find((c) => c.setup === setup && c.data.n === n);
    const f = l && floorOf(l);
    if (!l || !f) {
      out.push({ figure, measured: l ? 'not measured (no floor run)' : 'not measured', target, met: 'not measured' });
      continue;
    }
    const d = l.data;
    const ratio = d.latencyMs.p99 / f.data.latencyMs.p99;
    const seats = d.check && d.check.ok;
    out.push({
      figure,
      measured: `${fix(d.latencyMs.p99 / 1000, 2)} s ÷ ${fix(f.data.latencyMs.p99 / 1000, 2)} s = ${fix(ratio, 2)}; `
        + `${num(d.errors.total)} errors (floor: ${num(f.data.errors.total)}); seats ${seats ? 'exact' : 'NOT exact'}`,
      target,
      met: verdict([['ratio', ratio <= maxRatio(n)], ['errors', d.errors.total === 0 && f.data.errors.total === 0], ['seats', !!seats]]),
    });
  }
  return out;
}

const PROBE_MS = 250;

function probeRows(lines) {
  const out = [];
  const probed = lines.filter((l) => l.kind === 'crowd' && l.data.probe);
  const target = `every probe answered 202 in ≤ ${PROBE_MS} ms`;
  if (!probed.some((l) => l.setup === 'H2, 1 instance' && l.data.n === 10000)) {
    out.push({ figure: 'a sign-up to a quiet event while N=10,000 crowd another, H2', measured: 'not measured', target, met: 'not measured' });
  }
  for (const l of probed) {
    const p = l.data.probe;
    out.push({
      figure: `a sign-up to a quiet event while N=${num(l.data.n)} crowd another, ${l.setup}`,
      measured: `worst ${fix(p.worstMs, 0)} ms over ${num(p.sent)} probes (p50 ${fix(p.latencyMs && p.latencyMs.p50, 0)} ms); `
        + `${num(p.errors.total)} not answered 202`,
      target,
      met: p.sent ? verdict([['latency', p.worstMs <= PROBE_MS], ['errors', p.errors.total === 0]]) : 'not measured',
    });
  }
  return out;
}

function footprintRows(lines) {
  const out = [];
  for (const [key, what] of [['default-fresh', 'first start (fresh database)'], ['default-restart', 'restart (database up to date)']]) {
    const l = lines.find((x) => x.kind === 'footprint' && x.key === key);
    const figure = `start to ready / RSS after start, ${what}, ${l ? l.setup.replace(/, (first start|restart).*/, '') : 'H2 jar, default JVM flags'}`;
    const target = '≤ 2 s / ≤ 200 MB';
    if (!l || l.readySeconds == null) {
      out.push({ figure, measured: 'not measured', target, met: 'not measured' });
      continue;
    }
    const rssMb = l.rssKb / 1024;
    out.push({
      figure,
      measured: `${fix(l.readySeconds, 2)} s / ${fix(rssMb, 0)} MB (median of ${num(l.runs)})`,
      target,
      met: verdict([['time', l.readySeconds <= 2], ['RSS', rssMb <= 200]]),
    });
  }
  return out;
}

function targets(lines, { floorOf, styleRps }) {
  return [...steadyRows(lines, styleRps), ...crowdRows(lines, floorOf), ...probeRows(lines), ...footprintRows(lines)];
}

module.exports = { targets, steadyErrors };
