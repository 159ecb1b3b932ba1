/** The structured JSON logger (pino). Credentials are redacted wherever they could appear. */

import { pino } from 'pino';
import type { Logger } from 'pino';

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers["x-api-key"]',
  'headers["api-key"]',
  'headers["x-goog-api-key"]',
  'apiKey',
  '*.apiKey',
  'masterKey',
  '*.masterKey',
];

export function createLogger(options: { level: string; destination?: NodeJS.WritableStream }): Logger {
  return pino(
    { level: options.level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { service: 'switchyard' } },
    options.destination ?? process.stdout,
  );
}
