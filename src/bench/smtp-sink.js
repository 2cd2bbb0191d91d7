#!/usr/bin/env node
// A tiny SMTP sink for the benchmark: accepts every message and throws it away.
// Usage: node smtp-sink.js PORT STATUS_FILE
// After every message it rewrites STATUS_FILE with "<messages received> <epoch ms of the last one>",
// so the benchmark can tell when all the mails of a crowd have arrived.
'use strict';
const net = require('net');
const fs = require('fs');

const port = Number(process.argv[2] || 2525);
const statusFile = process.argv[3] || 'smtp-sink.status';
let count = 0;
let last = 0;
fs.writeFileSync(statusFile, '0 0\n');

function received() {
  count++;
  last = Date.now();
  fs.writeFileSync(statusFile, `${count} ${last}\n`);
}

const server = net.createServer((socket) => {
  socket.setEncoding('latin1');
  socket.setNoDelay(true);
  socket.on('error', () => {});
  let buf = '';
  let inData = false;
  const reply = (line) => { if (!socket.destroyed) socket.write(line + '\r\n'); };
  reply('220 bench-sink ESMTP');
  socket.on('data', (chunk) => {
    buf += chunk;
    for (;;) {
      if (inData) {
        // The body ends with CRLF . CRLF (buf starts with the CRLF that ended the DATA line).
        const end = buf.indexOf('\r\n.\r\n');
        if (end < 0) {
          if (buf.length > 4) buf = buf.slice(buf.length - 4); // keep what may begin the terminator
          return;
        }
        buf = buf.slice(end + 5);
        inData = false;
        received();
        reply('250 2.0.0 OK queued');
        continue;
      }
      const nl = buf.indexOf('\r\n');
      if (nl < 0) return;
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 2);
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === 'EHLO') { socket.write('250-bench-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n'); }
      else if (verb === 'HELO') reply('250 bench-sink');
      else if (verb === 'MAIL' || verb === 'RCPT' || verb === 'RSET' || verb === 'NOOP') reply('250 2.0.0 OK');
      else if (verb === 'DATA') { inData = true; buf = '\r\n' + buf; reply('354 End data with <CR><LF>.<CR><LF>'); }
      else if (verb === 'QUIT') { reply('221 2.0.0 Bye'); socket.end(); return; }
      else reply('502 5.5.2 Command not implemented');
    }
  });
});
server.listen(port, '127.0.0.1', () => process.stderr.write(`smtp sink on 127.0.0.1:${port}\n`));
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0));
