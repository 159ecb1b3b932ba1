/**
 * The built-in simulator provider: answers in-process with deterministic text, tool calls, JSON
 * and embeddings, with configurable latency, chunk pacing and error rate. It lets the gateway run
 * and be tested and benchmarked without any upstream. It has no pass-through: no client speaks
 * its protocol.
 */
import { planAnswer } from './plan-answer.js';
import { embedTexts } from './simulator-embed.js';
import { withSimulatorDefaults } from './simulator-settings.js';
import { choiceEvents, streamAnswer } from './simulator-stream.js';
import { awaitFirstByte, sleep } from './timing.js';
export { DEFAULT_SIMULATOR_SETTINGS, withSimulatorDefaults } from './simulator-settings.js';
export function createSimulatorAdapter(options = {}) {
    const random = options.random ?? Math.random;
    function settingsOf(context) {
        return withSimulatorDefaults(context.deployment.provider.simulator);
    }
    function firstByte(context, settings) {
        const { provider } = context.deployment;
        return awaitFirstByte({ settings, timeouts: provider.timeouts, random, signal: context.signal, provider: provider.id });
    }
    return {
        protocol: 'simulator',
        async chat(request, context) {
            const settings = settingsOf(context);
            await firstByte(context, settings);
            const model = context.deployment.model;
            const answer = planAnswer({ request, settings, model });
            // A whole answer takes as long as streaming it would.
            const chunks = answer.choices.reduce((total, choice, index) => total + choiceEvents(choice, index).length - 1, 0);
            await sleep(Math.max(0, chunks - 1) * settings.chunkIntervalMs, { signal: context.signal, provider: context.deployment.provider.id });
            return {
                id: answer.id,
                model,
                created: Math.floor(Date.now() / 1000),
                choices: answer.choices.map((choice, index) => ({
                    index,
                    content: choice.text,
                    toolCalls: choice.toolCalls,
                    finishReason: choice.finishReason,
                })),
                usage: answer.usage,
            };
        },
        async chatStream(request, context) {
            const settings = settingsOf(context);
            await firstByte(context, settings);
            const model = context.deployment.model;
            const answer = planAnswer({ request, settings, model });
            return streamAnswer({ answer, model, chunkIntervalMs: settings.chunkIntervalMs, signal: context.signal, provider: context.deployment.provider.id });
        },
        async embed(request, context) {
            const settings = settingsOf(context);
            await firstByte(context, settings);
            return embedTexts({ request, model: context.deployment.model, seed: settings.seed });
        },
    };
}
//# sourceMappingURL=index.js.map