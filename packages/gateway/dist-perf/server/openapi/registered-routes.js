/**
 * The routes a Fastify app has registered, as `METHOD route` strings comparable with
 * documentedOperations(), so a test can keep the document and the routes in step. Fastify has no
 * route list API, so this reads its printed route tree; that tree drops the slash before a
 * trailing wildcard (`/v1/models/*` prints as `/v1/models` + `*`), so routes are compared with
 * `comparableRoute`, and the exact pattern can be confirmed with `app.hasRoute`.
 */
const TREE_LINE = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/;
/** Every route of a printed tree (`printRoutes({ commonPrefix: false })`) but the implicit HEADs. */
export function routesOfTree(tree) {
    const segments = [];
    const routes = [];
    for (const line of tree.split('\n')) {
        const match = TREE_LINE.exec(line);
        if (!match)
            continue;
        segments.length = match[1].length / 4;
        segments.push(match[2]);
        for (const method of match[3]?.split(', ') ?? []) {
            if (method !== 'HEAD')
                routes.push(`${method} ${segments.join('')}`);
        }
    }
    return routes.sort();
}
/** `GET /v1/models/*` and `GET /v1/models*` both become `GET /v1/models*`. */
export function comparableRoute(route) {
    return route.replace(/\/\*$/, '*');
}
export function registeredRoutes(app) {
    return routesOfTree(app.printRoutes({ commonPrefix: false }));
}
//# sourceMappingURL=registered-routes.js.map