/**
 * GET /dashboard: the Switchyard console, a small static page (public/dashboard) that talks to the
 * gateway only through its public HTTP API. The files are read once, at registration, and only the
 * names listed here are served, so no request path ever reaches the file system.
 */

import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { packageFileUrl } from '../core/package-files.js';

const DASHBOARD_DIRECTORY = packageFileUrl('public/dashboard/');

const CONTENT_TYPES = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'styles.css': 'text/css; charset=utf-8',
} as const;

type DashboardFile = keyof typeof CONTENT_TYPES;

/**
 * The page loads nothing from elsewhere and runs no inline script, so the policy can be strict:
 * an injected tag could neither run nor send the key anywhere. `data:` images allow the empty
 * favicon that keeps browsers from asking for /favicon.ico.
 */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // Small files, and a new gateway version must show its own page at once.
  'cache-control': 'no-cache',
};

function isDashboardFile(name: string): name is DashboardFile {
  return Object.hasOwn(CONTENT_TYPES, name);
}

function readDashboardFiles(): Map<DashboardFile, Buffer> {
  const files = new Map<DashboardFile, Buffer>();
  for (const name of Object.keys(CONTENT_TYPES) as DashboardFile[]) {
    files.set(name, readFileSync(new URL(name, DASHBOARD_DIRECTORY)));
  }
  return files;
}

export function registerDashboardRoutes(app: FastifyInstance): void {
  const files = readDashboardFiles();

  function sendFile(reply: FastifyReply, name: DashboardFile): FastifyReply {
    return reply.headers(SECURITY_HEADERS).type(CONTENT_TYPES[name]).send(files.get(name));
  }

  app.get('/dashboard', async (_request, reply) => sendFile(reply, 'index.html'));
  // One address for the page: the assets are linked absolutely, but bookmarks should not fork.
  app.get('/dashboard/', async (_request, reply) => reply.redirect('/dashboard', 301));
  app.get<{ Params: { file: string } }>('/dashboard/:file', async (request, reply) => {
    const name = request.params.file;
    if (!isDashboardFile(name)) return reply.callNotFound();
    return sendFile(reply, name);
  });
}
