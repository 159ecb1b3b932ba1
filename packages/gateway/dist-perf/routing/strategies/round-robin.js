/** `round-robin`: each request starts at the next deployment of the group, in turn. */
export function createRoundRobinStrategy() {
    const cursors = new Map();
    return {
        id: 'round-robin',
        order(groupName, deployments) {
            if (deployments.length <= 1)
                return [...deployments];
            const start = (cursors.get(groupName) ?? 0) % deployments.length;
            cursors.set(groupName, start + 1);
            return [...deployments.slice(start), ...deployments.slice(0, start)];
        },
    };
}
//# sourceMappingURL=round-robin.js.map