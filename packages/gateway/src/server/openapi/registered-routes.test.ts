/** Routes read back from Fastify's printed tree, wildcards and parameters included. */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { comparableRoute, registeredRoutes } from './registered-routes.js';

test('every route of an app, nested and wildcard ones included, without the implicit HEADs', async () => {
  const app = Fastify();
  const answer = async (): Promise<string> => 'ok';
  app.get('/health', answer);
  app.post('/v1/chat/completions', answer);
  app.get('/v1/models', answer);
  app.get('/v1/models/*', answer);
  app.get('/dashboard', answer);
  app.get('/dashboard/', answer);
  app.get('/dashboard/:file', answer);
  app.delete('/dashboard/:file', answer);
  await app.ready();
  assert.deepEqual(registeredRoutes(app).map(comparableRoute), [
    'DELETE /dashboard/:file',
    'GET /dashboard',
    'GET /dashboard/',
    'GET /dashboard/:file',
    'GET /health',
    'GET /v1/models',
    'GET /v1/models*',
    'POST /v1/chat/completions',
  ]);
  assert.equal(comparableRoute('GET /v1/models/*'), 'GET /v1/models*');
  await app.close();
});
