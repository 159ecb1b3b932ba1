/** What the management routes need, assembled by app.ts: repositories, governance services, settings. */
export {};
//# sourceMappingURL=deps.js.map