/**
 * Provider credentials: list (hints only), add, replace the secret, delete. A secret is encrypted
 * with the secret box (AES-256-GCM, bound to its provider) before it is stored, and put into effect
 * on the running provider at once. It is never in an answer, a log line or the audit log: those
 * see the record, whose hint is at most the secret's last 4 characters.
 */
import { z } from 'zod';
import { GatewayError } from '../../core/index.js';
import { credentialContext } from '../../governance/provider-credentials.js';
import { secretHint } from '../../governance/secret-box.js';
import { recordAudit } from './audit.js';
import { createCredentialApplier } from './credential-applier.js';
import { found, idParam, parseWithSchema } from './input.js';
const secretText = z.string().min(1).max(8192);
const createSchema = z.strictObject({ provider: z.string().min(1).max(200), name: z.string().min(1).max(200).default('default'), secret: secretText });
const replaceSchema = z.strictObject({ secret: secretText, name: z.string().min(1).max(200).optional() });
export function registerCredentialsRoutes(app, deps) {
    const applyCredentials = createCredentialApplier(deps, app.log);
    const requireProvider = (providerId) => {
        if (deps.providers.some((provider) => provider.id === providerId))
            return;
        const known = [...new Set(deps.providers.map((provider) => provider.id))].join(', ') || 'none';
        throw new GatewayError('SY_ERR_INVALID_REQUEST', `provider: '${providerId}' is not a configured provider (configured: ${known}).`, { param: 'provider' });
    };
    app.get('/api/providers/credentials', { config: { permission: 'credentials.manage' } }, async (request) => {
        const query = request.query;
        return { data: await deps.credentials.list({ provider: query.provider }) };
    });
    app.post('/api/providers/credentials', { config: { permission: 'credentials.manage' } }, async (request, reply) => {
        const body = parseWithSchema(createSchema, request.body);
        requireProvider(body.provider);
        const record = await deps.credentials.create({
            provider: body.provider,
            name: body.name,
            ciphertext: deps.box.encrypt(body.secret, credentialContext(body.provider)),
            hint: secretHint(body.secret),
        });
        await applyCredentials(record.provider);
        await recordAudit(deps.audit, request, { action: 'credentials.create', targetType: 'credential', targetId: record.id, after: record });
        reply.code(201);
        return record;
    });
    app.put('/api/providers/credentials/:id', { config: { permission: 'credentials.manage' } }, async (request) => {
        const id = idParam(request.params);
        const before = found(await deps.credentials.findById(id), 'credential', id);
        const body = parseWithSchema(replaceSchema, request.body);
        const after = found(await deps.credentials.update(id, {
            name: body.name,
            ciphertext: deps.box.encrypt(body.secret, credentialContext(before.provider)),
            hint: secretHint(body.secret),
        }), 'credential', id);
        await applyCredentials(after.provider);
        await recordAudit(deps.audit, request, { action: 'credentials.replace', targetType: 'credential', targetId: id, before, after });
        return after;
    });
    app.delete('/api/providers/credentials/:id', { config: { permission: 'credentials.manage' } }, async (request) => {
        const id = idParam(request.params);
        const before = found(await deps.credentials.findById(id), 'credential', id);
        await deps.credentials.delete(id);
        const keySource = await applyCredentials(before.provider);
        await recordAudit(deps.audit, request, { action: 'credentials.delete', targetType: 'credential', targetId: id, before, after: { keySource } });
        return { credential: before, keySource };
    });
}
//# sourceMappingURL=credentials-routes.js.map