/**
 * GET /api/openapi.json (the document) and GET /docs (a self-contained page that renders it).
 * Both are public. The document is built and the page read once, at registration; the page's
 * inline script and style are allowed by hash, so its content security policy stays strict.
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { packageFileUrl, VERSION } from '../../core/package-files.js';
import { buildOpenApiDocument } from './openapi-document.js';

const DOCS_PAGE = packageFileUrl('public/docs.html');

/** Shown when the page is missing from an installation, so /docs still says where to look. */
const MISSING_PAGE = '<!doctype html><title>Switchyard API</title><p>The docs page is not installed. The document is at <a href="/api/openapi.json">/api/openapi.json</a>.</p>';

function readDocsPage(app: FastifyInstance): string {
  try {
    return readFileSync(DOCS_PAGE, 'utf8');
  } catch (error) {
    app.log.warn({ err: error, file: DOCS_PAGE.pathname }, 'The /docs page is missing; serving a stub that links to /api/openapi.json.');
    return MISSING_PAGE;
  }
}

/** `'sha256-…'` sources for every inline block of the given tag, for the content security policy. */
function inlineHashes(page: string, tag: 'script' | 'style'): string {
  const blocks = [...page.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => match[1]);
  return blocks.map((block) => `'sha256-${createHash('sha256').update(block).digest('base64')}'`).join(' ') || "'none'";
}

export function registerOpenApiRoutes(app: FastifyInstance): void {
  const documentText = JSON.stringify(buildOpenApiDocument({ version: VERSION }));
  const page = readDocsPage(app);
  const pageHeaders = {
    'content-security-policy': `default-src 'none'; script-src ${inlineHashes(page, 'script')}; style-src ${inlineHashes(page, 'style')}; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  };

  app.get('/api/openapi.json', async (_request, reply) =>
    reply.type('application/json; charset=utf-8').header('cache-control', 'no-cache').send(documentText),
  );
  app.get('/docs', async (_request, reply) => reply.headers(pageHeaders).type('text/html; charset=utf-8').send(page));
}
