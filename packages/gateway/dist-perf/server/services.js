/** What the HTTP layer needs, assembled by app.ts from the configuration and handed in. */
export function groupsOf(services) {
    return services.router.listGroups();
}
//# sourceMappingURL=services.js.map