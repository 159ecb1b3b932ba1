/**
 * Turns zod's validation issues into one GatewayError a person can act on: the first problem,
 * named by its field path the way OpenAI's docs write it (`messages[0].content`), e.g.
 * "temperature: expected a number between 0 and 2" or "Missing required parameter: 'model'.".
 */

import type { z } from 'zod';
import { GatewayError } from '../../../core/index.js';
import type { ErrorCode } from '../../../core/index.js';

type Path = ReadonlyArray<PropertyKey>;

/** `['messages', 0, 'content']` → `messages[0].content`. */
export function formatPath(path: Path): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

/** A 400 for the field at `path` (an empty path means the whole body). */
export function invalidRequest(
  path: Path,
  message: string,
  code: Extract<ErrorCode, 'SY_ERR_INVALID_REQUEST' | 'SY_ERR_UNSUPPORTED_OPERATION'> = 'SY_ERR_INVALID_REQUEST',
): GatewayError {
  const param = formatPath(path);
  return new GatewayError(code, `${param === '' ? 'Request body' : param}: ${message}`, {
    param: param === '' ? undefined : param,
  });
}

/** A 400 for a required field that is absent, worded as OpenAI words it. */
export function missingParameter(path: Path): GatewayError {
  const param = formatPath(path);
  return new GatewayError('SY_ERR_INVALID_REQUEST', `Missing required parameter: '${param}'.`, { param });
}

/** Validates `body` against `schema`, throwing the GatewayError of its first issue. */
export function parseWithSchema<Schema extends z.ZodType>(schema: Schema, body: unknown): z.output<Schema> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidRequest([], 'expected a JSON object');
  }
  const result = schema.safeParse(body, { reportInput: true });
  if (result.success) return result.data;
  const first = result.error.issues[0];
  throw first === undefined ? invalidRequest([], 'invalid request') : issueToError(first, []);
}

/** The issue shape we read; zod's own types are a union we only need a few fields of. */
interface IssueView {
  code: string;
  path: Path;
  message: string;
  input?: unknown;
  discriminator?: string;
  errors?: IssueView[][];
}

function issueToError(issue: IssueView, prefix: Path): GatewayError {
  const path = [...prefix, ...issue.path];
  // With reportInput, an issue lacks `input` exactly when the key was absent (JSON has no undefined).
  const absent = !('input' in issue) || issue.input === undefined;
  if (absent && issue.code !== 'custom') return missingParameter(path);
  if (issue.code === 'invalid_union') {
    const deeper = deepestBranchIssue(issue);
    if (deeper !== undefined) return issueToError(deeper, path);
    if (issue.discriminator !== undefined && isMissingKey(issue.input, issue.discriminator)) return missingParameter(path);
  }
  return invalidRequest(path, issue.message);
}

/**
 * When every branch of a union failed, the branch that got furthest is the one the client meant:
 * the deepest first issue (an array of parts with one bad part, not "not a string"), and at equal
 * depth one that failed a check rather than the type (an empty array, not "not a string"). When no
 * branch got past the union's own type test, the union's own message says what was expected.
 */
function deepestBranchIssue(issue: IssueView): IssueView | undefined {
  let best: IssueView | undefined;
  let bestRank = 0;
  for (const branch of issue.errors ?? []) {
    const first = branch[0];
    if (first === undefined) continue;
    const rank = first.path.length * 2 + (first.code === 'invalid_type' ? 0 : 1);
    if (rank > bestRank) {
      best = first;
      bestRank = rank;
    }
  }
  return best;
}

function isMissingKey(input: unknown, key: string): boolean {
  return typeof input === 'object' && input !== null && (input as Record<string, unknown>)[key] === undefined;
}
