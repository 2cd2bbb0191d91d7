#!/usr/bin/env node
// The quiet-event probe: while a crowd signs up for one event, one person signs up for another.
// crowd.js forks this before it fires (so the probe's own clock is not held up by the crowd's
// responses in crowd.js's event loop), sends {go: true} when its requests are written and
// {stop: true} once the crowd is answered. Every EVERY ms from "go" until "stop" (at most MAX),
// one API sign-up to SLUG on a fresh connection; its latency runs from the connect to the last
// byte of the answer. Sends back {probes: [...]} and exits.
//
// node probe.js --ports 18101[,18102] --slug QUIET --tag T [--every-ms 250] [--max 40] [--timeout-ms 30000]
'use strict';
const net = require('net');
const { performance } = require('perf_hooks');
const { parse, options, signUpRequest } = require('./http-answer');

const opt = options(process.argv);
const ports = String(opt.ports || '8080').split(',').map(Number);
const slug = opt.slug;
const tag = opt.tag || Date.now().toString(36);
const everyMs = Number(opt['every-ms'] || 250);
const max = Number(opt.max || 40);
const timeoutMs = Number(opt['timeout-ms'] || 30000);

const probes = [];
let timer = null;
let stopping = false;

function send(k) {
  const port = ports[k % ports.length];
  const req = signUpRequest(port, slug, { name: `Quiet ${k}`, email: `quiet-${tag}-${k}@example.com`, locale: 'en' });
  const p = { k, startedAt: performance.now(), chunks: [], state: 'connecting' };
  probes.push(p);
  const done = (error) => {
    if (p.state === 'done') return;
    p.state = 'done';
    p.ms = performance.now() - p.startedAt;
    if (error) p.error = error;
    clearTimeout(p.timer);
    sock.destroy();
    p.chunks = null;
    maybeFinish();
  };
  const sock = net.connect({ host: '127.0.0.1', port });
  sock.setNoDelay(true);
  p.timer = setTimeout(() => done('timeout'), timeoutMs);
  sock.on('connect', () => { p.state = 'sent'; sock.write(req); });
  sock.on('data', (d) => { if (p.state !== 'sent') return; p.chunks.push(d); if (parse(p, false)) done(p.error); });
  sock.on('end', () => { if (p.state === 'sent') done(parse(p, true) ? p.error : 'closed without answer'); });
  sock.on('error', (e) => done(`${p.state === 'connecting' ? 'connect' : 'socket'} ${e.code || e.message}`));
  sock.on('close', () => done('closed without answer'));
}

function maybeFinish() {
  if (!stopping || probes.some((p) => p.state !== 'done')) return;
  process.send({ probes: probes.map((p) => ({ k: p.k, ms: p.ms, status: p.status, error: p.error })) }, () => process.exit(0));
}

// crowd.js gone (it never leaves without "stop", unless it failed): stop too
process.on('disconnect', () => process.exit(0));
process.on('message', (m) => {
  if (m.go && !timer) {
    send(0);
    timer = setInterval(() => { if (probes.length < max) send(probes.length); }, everyMs);
  }
  if (m.stop) {
    stopping = true;
    clearInterval(timer);
    maybeFinish();
  }
});
