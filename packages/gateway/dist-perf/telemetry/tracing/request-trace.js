/**
 * The span of one gateway request and the parent of its attempts' spans. It ends with the
 * request's usage row, which already holds everything the span reports of the outcome: tokens,
 * status, outcome, cost, time to first token.
 */
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_SERVER_ADDRESS, ATTR_SERVER_PORT } from '@opentelemetry/semantic-conventions';
import { OtelAttemptTrace } from './attempt-trace.js';
import * as names from './gen-ai-attributes.js';
import { genAiProviderNames } from './gen-ai-provider.js';
import { addParameterAttributes, answerAttributes } from './span-attributes.js';
export class OtelRequestTrace {
    options;
    lastAttempt = null;
    finishReasons = null;
    ended = false;
    constructor(options) {
        this.options = options;
    }
    startAttempt(deployment, attempt) {
        const { options } = this;
        const provider = genAiProviderNames(deployment.provider);
        const attributes = {
            [names.GEN_AI_OPERATION_NAME]: options.operation,
            [names.GEN_AI_SYSTEM]: provider.system,
            [names.GEN_AI_PROVIDER_NAME]: provider.providerName,
            [names.GEN_AI_REQUEST_MODEL]: deployment.model,
            [names.SWITCHYARD_REQUEST_ID]: options.requestId,
            [names.SWITCHYARD_PROVIDER]: deployment.provider.id,
            [names.SWITCHYARD_DEPLOYMENT]: deployment.id,
            [names.SWITCHYARD_ATTEMPT]: attempt,
        };
        const address = options.addresses.of(deployment.provider);
        if (address) {
            attributes[ATTR_SERVER_ADDRESS] = address.address;
            attributes[ATTR_SERVER_PORT] = address.port;
        }
        addParameterAttributes(attributes, options.parameters);
        const span = options.tracer.startSpan(`${options.operation} ${deployment.model}`, { kind: SpanKind.CLIENT, attributes }, options.context);
        this.lastAttempt = new OtelAttemptTrace(span, deployment);
        return this.lastAttempt;
    }
    finishReason(reason) {
        (this.finishReasons ??= []).push(reason.unified);
    }
    end(row) {
        if (this.ended)
            return;
        this.ended = true;
        this.lastAttempt?.complete(row, this.finishReasons);
        const { span } = this.options;
        if (span.isRecording())
            span.setAttributes(this.outcomeAttributes(row));
        if (row.outcome === 'error')
            span.setStatus({ code: SpanStatusCode.ERROR, message: row.errorCode ?? 'error' });
        span.end(performance.now());
    }
    outcomeAttributes(row) {
        const attributes = answerAttributes(row, this.finishReasons);
        attributes[ATTR_HTTP_RESPONSE_STATUS_CODE] = row.status;
        attributes[names.SWITCHYARD_OUTCOME] = row.outcome;
        attributes[names.SWITCHYARD_ATTEMPTS] = row.attempts;
        attributes[names.SWITCHYARD_COST_USD] = row.costUsd;
        attributes[names.SWITCHYARD_TOKENS_ESTIMATED] = row.tokensEstimated;
        if (row.keyId)
            attributes[names.SWITCHYARD_KEY_ID] = row.keyId;
        if (row.deploymentId)
            attributes[names.SWITCHYARD_DEPLOYMENT] = row.deploymentId;
        if (row.provider)
            attributes[names.SWITCHYARD_PROVIDER] = row.provider;
        if (row.errorCode)
            attributes[ATTR_ERROR_TYPE] = row.errorCode;
        if (row.stream && row.ttftMs !== null)
            attributes[names.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK] = row.ttftMs / 1000;
        const deployment = this.lastAttempt?.deployment;
        if (deployment) {
            const provider = genAiProviderNames(deployment.provider);
            attributes[names.GEN_AI_SYSTEM] = provider.system;
            attributes[names.GEN_AI_PROVIDER_NAME] = provider.providerName;
        }
        return attributes;
    }
}
//# sourceMappingURL=request-trace.js.map