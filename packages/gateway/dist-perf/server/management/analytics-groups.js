/**
 * Groups and top-N for the analytics answers: ranks the groups by a weight (requests, cost or
 * tokens over the whole range), keeps the N largest and folds the rest into one "other" group; and
 * SeriesTable, which accumulates a state per (bucket, group), per group and in total in one pass.
 */
/** The label of the groups folded together by `top`. */
export const OTHER = Symbol('other');
export function rankGroups(weights, top) {
    const ranked = [...weights.entries()].sort(([leftGroup, left], [rightGroup, right]) => right - left || compareGroups(leftGroup, rightGroup)).map(([group]) => group);
    // Folding a single group into "other" would only rename it.
    const keep = top === null || ranked.length <= top + 1 ? ranked.length : top;
    const kept = new Set(ranked.slice(0, keep));
    const folded = ranked.length - keep;
    return {
        labelOf: (group) => (kept.has(group) ? group : OTHER),
        order: folded > 0 ? [...ranked.slice(0, keep), OTHER] : ranked,
        folded,
    };
}
function compareGroups(left, right) {
    if (left === right)
        return 0;
    if (left === null)
        return 1;
    if (right === null)
        return -1;
    return left < right ? -1 : 1;
}
/** One state per (bucket, group label), per label and in total; add() updates all three. */
export class SeriesTable {
    #create;
    #cells = new Map();
    #groups = new Map();
    total;
    constructor(create) {
        this.#create = create;
        this.total = create();
    }
    add(bucketStartMs, label, apply) {
        let bucket = this.#cells.get(bucketStartMs);
        if (bucket === undefined)
            this.#cells.set(bucketStartMs, (bucket = new Map()));
        apply(getOrCreate(bucket, label, this.#create));
        apply(getOrCreate(this.#groups, label, this.#create));
        apply(this.total);
    }
    /** By bucket, earliest first; within a bucket in `order`. */
    series(order) {
        const cells = [];
        for (const bucketStartMs of [...this.#cells.keys()].sort((left, right) => left - right)) {
            const bucket = this.#cells.get(bucketStartMs) ?? new Map();
            for (const label of order) {
                const state = bucket.get(label);
                if (state !== undefined)
                    cells.push({ bucketStartMs, label, state });
            }
        }
        return cells;
    }
    groups(order) {
        return order.flatMap((label) => {
            const state = this.#groups.get(label);
            return state === undefined ? [] : [{ label, state }];
        });
    }
}
function getOrCreate(map, label, create) {
    let state = map.get(label);
    if (state === undefined)
        map.set(label, (state = create()));
    return state;
}
/** The JSON fields naming a group: `group`, and `other: true` on the folded one. */
export function groupFields(label) {
    return label === OTHER ? { group: 'other', other: true } : { group: label };
}
//# sourceMappingURL=analytics-groups.js.map