/**
 * Reads the `permission` every route declares in its config, for tests. Fastify offers no way to
 * read a route's config after it was registered, so this subscribes to Fastify's documented
 * `fastify.initialization` diagnostics channel (published as each instance is created, before any
 * route exists) and adds an onRoute hook to the new instance that records each route's config.
 * https://fastify.dev/docs/latest/Reference/Hooks/#diagnostics-channel-hooks
 */

import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { FastifyInstance } from 'fastify';

/** `METHOD url` (as Fastify registers it, implicit HEADs left out) → the declared permission, or undefined when none. */
export type RoutePermissions = Map<string, string | undefined>;

const CHANNEL = 'fastify.initialization';

/** Runs `start` while recording the routes of every Fastify instance it creates. */
export async function recordRoutePermissions<T>(start: () => Promise<T>): Promise<{ result: T; permissions: RoutePermissions }> {
  const permissions: RoutePermissions = new Map();
  const onInstance = (message: unknown): void => {
    const { fastify } = message as { fastify: FastifyInstance };
    fastify.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) if (method !== 'HEAD') permissions.set(`${method} ${route.url}`, route.config?.permission);
    });
  };
  subscribe(CHANNEL, onInstance);
  try {
    return { result: await start(), permissions };
  } finally {
    unsubscribe(CHANNEL, onInstance);
  }
}

/** The /api routes that declare no permission, except the ones listed as public documentation. */
export function apiRoutesWithoutPermission(permissions: RoutePermissions, publicDocs: readonly string[]): string[] {
  return [...permissions]
    .filter(([route, permission]) => route.split(' ')[1].startsWith('/api/') && permission === undefined && !publicDocs.includes(route))
    .map(([route]) => route)
    .sort();
}
