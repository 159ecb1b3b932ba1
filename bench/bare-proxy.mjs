#!/usr/bin/env node
/**
 * The floor for any Node gateway: node:http in, an undici Pool out, the request body forwarded as
 * received and the upstream answer piped back, streams included. No parsing, auth, routing or
 * accounting; whatever the gateway costs above this is the gateway's own work.
 *
 * Usage: node bench/bare-proxy.mjs --upstream http://127.0.0.1:PORT [--port N]
 * Prints `bare-proxy listening on http://127.0.0.1:PORT` once ready.
 */

import http from 'node:http';
import { pipeline } from 'node:stream';
import { Pool } from 'undici';
import { numberOption, readArgs } from './lib/args.mjs';

const args = readArgs({ port: 'string', upstream: 'string' });
if (!args.upstream) throw new Error('--upstream http://HOST:PORT is required');
const pool = new Pool(args.upstream, { connections: 256, pipelining: 1, keepAliveTimeout: 30_000 });

/** Hop-by-hop headers (RFC 9110 §7.6.1) are not forwarded either way. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer', 'host']);
const endToEnd = (headers) => Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));

const server = http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', async () => {
    try {
      const upstream = await pool.request({
        path: request.url,
        method: request.method,
        headers: endToEnd(request.headers),
        body: request.method === 'GET' ? undefined : Buffer.concat(chunks),
      });
      response.writeHead(upstream.statusCode, endToEnd(upstream.headers));
      pipeline(upstream.body, response, () => {});
    } catch (error) {
      response.writeHead(502, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: String(error?.message ?? error), type: 'bad_gateway' } }));
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(numberOption(args.port, 0), '127.0.0.1', () => {
  console.log(`bare-proxy listening on http://127.0.0.1:${server.address().port}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
