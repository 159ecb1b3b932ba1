/**
 * `adaptive`: learns online which deployment of a group serves best, by discounted Thompson
 * sampling (Raj & Kalyani, "Taming non-stationary bandits", 2017). Each (group, deployment) keeps
 * fractional counts of reward; each request samples every deployment's Beta posterior with
 * context.random and tries the deployments by their samples, highest first.
 *
 * - Reward of an attempt: 0 for a failure; for a success, 1 minus penalties for being slower or
 *   dearer than the group's best: 0.5 · (1 − lowest latency EWMA in the group / this latency) and
 *   0.25 · (1 − lowest cost EWMA / this cost). Added fractionally: successes += r, failures += 1 − r.
 * - Decay: on every outcome in a group all of its counts are multiplied by 0.98, so beliefs rest on
 *   roughly the last 50 outcomes. A degrading deployment loses traffic within tens of requests.
 * - Prior: Beta(2m, 2(1 − m)) where m is the group's mean reward (Beta(1, 1) before any outcome).
 *   An out-of-favour deployment's counts decay towards it, so it drifts back to "as good as the
 *   group's typical deployment", gets sampled again, and regains traffic once it has recovered
 *   (with a fixed Beta(1, 1) prior a recovered deployment took several times longer to return).
 *
 * Without a context (no random source) it behaves as round-robin.
 */
import { sampleBeta } from './random-variates.js';
import { createRoundRobinStrategy } from './round-robin.js';
/** Weight of the newest sample in an arm's latency and cost averages. */
const ARM_ALPHA = 0.3;
const PRIOR_STRENGTH = 2;
export function createAdaptiveStrategy(options = {}) {
    const decay = options.decay ?? 0.98;
    const latencyWeight = options.latencyWeight ?? 0.5;
    const costWeight = options.costWeight ?? 0.25;
    const fallback = createRoundRobinStrategy();
    const groups = new Map();
    function armsOf(groupName) {
        let arms = groups.get(groupName);
        if (!arms) {
            arms = new Map();
            groups.set(groupName, arms);
        }
        return arms;
    }
    function armOf(arms, deploymentId) {
        let arm = arms.get(deploymentId);
        if (!arm) {
            arm = { successes: 0, failures: 0, latencyMs: null, costUsd: null };
            arms.set(deploymentId, arm);
        }
        return arm;
    }
    function reward(arms, outcome) {
        if (!outcome.ok)
            return 0;
        const latencies = [...arms.values()].flatMap((arm) => (arm.latencyMs === null ? [] : [arm.latencyMs]));
        const costs = [...arms.values()].flatMap((arm) => (arm.costUsd === null ? [] : [arm.costUsd]));
        const latencyPenalty = penalty(latencies.length > 0 ? Math.min(...latencies) : outcome.latencyMs, outcome.latencyMs);
        const costPenalty = penalty(costs.length > 0 ? Math.min(...costs) : outcome.costUsd, outcome.costUsd);
        return Math.max(0, 1 - latencyWeight * latencyPenalty - costWeight * costPenalty);
    }
    return {
        id: 'adaptive',
        order(groupName, deployments, context) {
            if (!context || deployments.length <= 1)
                return fallback.order(groupName, deployments);
            const arms = armsOf(groupName);
            const prior = priorOf(arms);
            const sampled = deployments.map((deployment, index) => {
                const arm = armOf(arms, deployment.id);
                return { deployment, index, sample: sampleBeta(context.random, arm.successes + prior.alpha, arm.failures + prior.beta) };
            });
            sampled.sort((a, b) => b.sample - a.sample || a.index - b.index);
            return sampled.map((item) => item.deployment);
        },
        observe(groupName, deploymentId, outcome) {
            const arms = armsOf(groupName);
            for (const arm of arms.values()) {
                arm.successes *= decay;
                arm.failures *= decay;
            }
            const arm = armOf(arms, deploymentId);
            const value = reward(arms, outcome);
            arm.successes += value;
            arm.failures += 1 - value;
            if (outcome.ok) {
                arm.latencyMs = average(arm.latencyMs, outcome.latencyMs);
                arm.costUsd = average(arm.costUsd, outcome.costUsd);
            }
        },
        beliefs(groupName) {
            const beliefs = {};
            const arms = groups.get(groupName);
            if (!arms)
                return beliefs;
            const prior = priorOf(arms);
            for (const [id, arm] of arms) {
                const evidence = arm.successes + arm.failures;
                beliefs[id] = { mean: (arm.successes + prior.alpha) / (evidence + prior.alpha + prior.beta), evidence };
            }
            return beliefs;
        },
    };
}
/** 0 when `value` is the best, rising towards 1 as it grows many times the best. */
function penalty(best, value) {
    if (!(value > 0) || !(best >= 0))
        return 0;
    return Math.min(1, Math.max(0, 1 - best / value));
}
function average(previous, sample) {
    return previous === null ? sample : previous + ARM_ALPHA * (sample - previous);
}
/** Prior: the group's mean reward with the weight of two outcomes; Beta(1, 1) before any outcome. */
function priorOf(arms) {
    let successes = 0;
    let evidence = 0;
    for (const arm of arms.values()) {
        successes += arm.successes;
        evidence += arm.successes + arm.failures;
    }
    // Kept off 0 and 1 so that both Beta parameters stay positive for an arm without counts.
    const mean = evidence > 0 ? Math.min(0.95, Math.max(0.05, successes / evidence)) : 0.5;
    return { alpha: PRIOR_STRENGTH * mean, beta: PRIOR_STRENGTH * (1 - mean) };
}
//# sourceMappingURL=adaptive.js.map