/**
 * POST /api/ai/consensus (and /api/v1/ai/consensus): one prompt to 2–8 models in parallel, each
 * call through the full pipeline with its own usage row, then one consensus answer by majority
 * vote, highest agreement or a judge model. Partial failure is tolerated down to the quorum; below
 * it the answer is still 200, with `quorum.met: false`, `consensus: null` and every model's error,
 * because the request itself was valid and each call's outcome is the useful information.
 */
import { executeChat } from '../execute-chat.js';
import { callerOf } from '../request-context.js';
import { meanPairwiseAgreement } from './consensus/agreement.js';
import { decideByAgreement, decideByJudge, decideByMajority, singleAnswer } from './consensus/decide-consensus.js';
import { buildJudgeMessages, conversationText, parseJudgeVerdict } from './consensus/judge.js';
import { parseConsensusRequest } from './consensus-request.js';
import { elapsedMs, requireModel, runChats, whileClientConnected } from './fan-out.js';
import { describeExecutedChat, totalCostUsd } from './model-answer.js';
export const AI_CONSENSUS_PATHS = ['/api/ai/consensus', '/api/v1/ai/consensus'];
async function judgeCandidates(options) {
    const { plan, judge, candidates } = options;
    if (candidates.length === 1)
        return { decision: singleAnswer(candidates[0]), call: null };
    const question = conversationText(plan.chats[0].messages);
    const messages = buildJudgeMessages({ question, candidates: candidates.map((candidate) => candidate.answer) });
    const executed = await executeChat({
        services: options.services,
        principal: options.principal,
        chat: { model: judge, messages, stream: false, includeUsage: false, ...(plan.maxTokens === undefined ? {} : { maxTokens: plan.maxTokens }) },
        requestId: `${options.requestId}.judge`,
        signal: options.signal,
    });
    const call = describeExecutedChat(executed);
    const verdict = call.answer === null
        ? { kind: 'unusable', reason: `the judge '${judge}' failed (${call.error?.code ?? 'unknown error'})` }
        : parseJudgeVerdict(call.answer, candidates.length);
    return { decision: decideByJudge({ candidates, verdict }), call };
}
async function handleConsensus(services, request, reply) {
    const { principal } = callerOf(request);
    const plan = parseConsensusRequest(request.body);
    // A misspelt or forbidden model is the client's mistake, not a partial failure: refuse before calling any.
    plan.models.forEach((name, index) => requireModel({ services, principal, name, param: `models[${index}]` }));
    if (plan.judge !== null)
        requireModel({ services, principal, name: plan.judge, param: 'judge' });
    const startedAt = performance.now();
    return whileClientConnected({
        services,
        reply,
        work: async (signal) => {
            const executed = await runChats({ services, principal, chats: plan.chats, requestId: request.id, signal });
            const responses = executed.map(describeExecutedChat);
            const candidates = responses.flatMap((response) => (response.answer === null ? [] : [{ model: response.model, answer: response.answer }]));
            const quorum = { required: plan.quorum, succeeded: candidates.length, met: candidates.length >= plan.quorum };
            let decision = null;
            let judge = null;
            if (quorum.met) {
                if (plan.strategy === 'majority')
                    decision = decideByMajority(candidates);
                else if (plan.strategy === 'agreement' || plan.judge === null)
                    decision = decideByAgreement(candidates);
                else if (!signal.aborted) {
                    // A client that went away gets no answer: asking the judge would only cost money.
                    const outcome = await judgeCandidates({ services, principal, plan, judge: plan.judge, candidates, requestId: request.id, signal });
                    decision = outcome.decision;
                    judge = outcome.call;
                }
            }
            const agreement = meanPairwiseAgreement(candidates.map((candidate) => candidate.answer));
            return {
                id: request.id,
                strategy: plan.strategy,
                consensus: decision === null ? null : { ...decision, agreement },
                quorum,
                responses,
                judge,
                totals: { costUsd: totalCostUsd(judge === null ? responses : [...responses, judge]), latencyMs: elapsedMs(startedAt) },
            };
        },
    });
}
export function registerAiConsensusRoutes(app, services) {
    for (const path of AI_CONSENSUS_PATHS)
        app.post(path, { config: { permission: 'models.query' } }, (request, reply) => handleConsensus(services, request, reply));
}
//# sourceMappingURL=ai-consensus-route.js.map