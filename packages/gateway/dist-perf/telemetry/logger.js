/**
 * The structured JSON logger (pino). Credentials are redacted wherever they could appear: secret
 * fields up to three levels deep, and credential headers of any logged request or response.
 * Every line logged for a request carries its `requestId` (see server/build-server.ts); prompt
 * and answer bodies are logged only when `logging.bodies` is on (server/body-logging.ts).
 */
import { pino } from 'pino';
/** Field names that hold a secret wherever they appear: keys, passwords, tokens, credentials. */
const SECRET_FIELDS = [
    'apiKey',
    'masterKey',
    'password',
    'currentPassword',
    'newPassword',
    'secret',
    'token',
    'accessToken',
    'refreshToken',
    'refresh_token',
    'encryptionKey',
    'jwtSecret',
];
/** Headers that carry credentials: the clients' keys and tokens and the providers' (OpenAI, Azure, Anthropic, Gemini). */
const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'api-key', 'x-goog-api-key'];
export const REDACTED_PATHS = [
    ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
    // `headers` logged on their own, or as part of a request or response (req.headers, res.headers…).
    ...SECRET_HEADERS.flatMap((header) => [`headers["${header}"]`, `*.headers["${header}"]`]),
];
export const REDACTED_CENSOR = '[redacted]';
export function createLogger(options) {
    return pino({ level: options.level, redact: { paths: REDACTED_PATHS, censor: REDACTED_CENSOR }, base: { service: 'switchyard' } }, options.destination ?? process.stdout);
}
//# sourceMappingURL=logger.js.map