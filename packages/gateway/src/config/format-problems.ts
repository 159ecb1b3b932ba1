/**
 * Turns zod issues into one line each, in the file's own terms
 * (`server.prot: unknown key (did you mean "port"?)`), never a stack trace.
 */

import type * as z from 'zod';
import { didYouMean } from './did-you-mean.js';
import { formatPath } from './format-path.js';

export interface FormatContext {
  schema: z.ZodType;
  /** The value that was validated, to tell a missing field from a wrong one. */
  input: unknown;
}

export function formatIssues(issues: readonly z.core.$ZodIssue[], context: FormatContext): string[] {
  return issues.flatMap((issue) => formatIssue(issue, context));
}

function formatIssue(issue: z.core.$ZodIssue, context: FormatContext): string[] {
  const { schema } = context;
  const where = formatPath(issue.path) || '(top level)';
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(schema, issue.path);
    return issue.keys.map((key) => {
      const suggestion = didYouMean(key, known);
      const hint = suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`;
      const keyPath = formatPath([...issue.path, key]);
      return `${keyPath}: unknown key${hint}`;
    });
  }
  if (issue.code === 'invalid_type' && valueAt(context.input, issue.path) === undefined) return [`${where}: required`];
  if (issue.code === 'invalid_key') {
    const detail = issue.issues.map((inner) => inner.message).join('; ');
    return [`${where}: invalid key: ${detail}`];
  }
  return [`${where}: ${issue.message}`];
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/** The keys an object schema accepts at a path, walking through records, arrays and wrappers. */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.core.$ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (current === undefined) return [];
    const def: z.core.$ZodTypeDef = current._zod.def;
    if (def.type === 'object') current = (def as z.core.$ZodObjectDef).shape[String(segment)];
    else if (def.type === 'record') current = (def as z.core.$ZodRecordDef).valueType;
    else if (def.type === 'array') current = (def as z.core.$ZodArrayDef).element;
    else return [];
    current = current === undefined ? undefined : unwrap(current);
  }
  if (current === undefined || current._zod.def.type !== 'object') return [];
  return Object.keys((current._zod.def as z.core.$ZodObjectDef).shape);
}

/** Looks through optional/default/prefault/pipe wrappers to the schema that holds the shape. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (let depth = 0; depth < 10; depth++) {
    const def = current._zod.def as { type: string; innerType?: z.core.$ZodType; out?: z.core.$ZodType; in?: z.core.$ZodType };
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.out) current = def.out;
    else break;
  }
  return current;
}
