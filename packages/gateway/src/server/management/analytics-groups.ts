/**
 * Groups and top-N for the analytics answers: ranks the groups by a weight (requests, cost or
 * tokens over the whole range), keeps the N largest and folds the rest into one "other" group; and
 * SeriesTable, which accumulates a state per (bucket, group), per group and in total in one pass.
 */

/** The label of the groups folded together by `top`. */
export const OTHER = Symbol('other');
/** A group's value, null for rows without one (e.g. no key: the master key), or OTHER. */
export type GroupLabel = string | null | typeof OTHER;

export interface RankedGroups {
  labelOf(group: string | null): GroupLabel;
  /** Labels from the largest weight down (ties by name, null last), OTHER last. */
  order: GroupLabel[];
  /** How many groups were folded into OTHER. */
  folded: number;
}

export function rankGroups(weights: ReadonlyMap<string | null, number>, top: number | null): RankedGroups {
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

function compareGroups(left: string | null, right: string | null): number {
  if (left === right) return 0;
  if (left === null) return 1;
  if (right === null) return -1;
  return left < right ? -1 : 1;
}

export interface SeriesCell<State> {
  bucketStartMs: number;
  label: GroupLabel;
  state: State;
}

/** One state per (bucket, group label), per label and in total; add() updates all three. */
export class SeriesTable<State> {
  readonly #create: () => State;
  readonly #cells = new Map<number, Map<GroupLabel, State>>();
  readonly #groups = new Map<GroupLabel, State>();
  readonly total: State;

  constructor(create: () => State) {
    this.#create = create;
    this.total = create();
  }

  add(bucketStartMs: number, label: GroupLabel, apply: (state: State) => void): void {
    let bucket = this.#cells.get(bucketStartMs);
    if (bucket === undefined) this.#cells.set(bucketStartMs, (bucket = new Map()));
    apply(getOrCreate(bucket, label, this.#create));
    apply(getOrCreate(this.#groups, label, this.#create));
    apply(this.total);
  }

  /** By bucket, earliest first; within a bucket in `order`. */
  series(order: readonly GroupLabel[]): Array<SeriesCell<State>> {
    const cells: Array<SeriesCell<State>> = [];
    for (const bucketStartMs of [...this.#cells.keys()].sort((left, right) => left - right)) {
      const bucket = this.#cells.get(bucketStartMs) ?? new Map<GroupLabel, State>();
      for (const label of order) {
        const state = bucket.get(label);
        if (state !== undefined) cells.push({ bucketStartMs, label, state });
      }
    }
    return cells;
  }

  groups(order: readonly GroupLabel[]): Array<{ label: GroupLabel; state: State }> {
    return order.flatMap((label) => {
      const state = this.#groups.get(label);
      return state === undefined ? [] : [{ label, state }];
    });
  }
}

function getOrCreate<State>(map: Map<GroupLabel, State>, label: GroupLabel, create: () => State): State {
  let state = map.get(label);
  if (state === undefined) map.set(label, (state = create()));
  return state;
}

/** The JSON fields naming a group: `group`, and `other: true` on the folded one. */
export function groupFields(label: GroupLabel): { group: string | null; other?: true } {
  return label === OTHER ? { group: 'other', other: true } : { group: label };
}
