/**
 * Small conversions the repositories share: ids, epoch-ms columns to Dates, JSON text columns, and
 * turning a unique-constraint violation of either dialect into a 409 GatewayError the management
 * API can show as it is.
 */
import { GatewayError } from '../core/index.js';
import { randomBase62 } from './key-secret.js';
const ID_RANDOM_LENGTH = 16;
/** A new record id: the table's prefix (`usr`, `ses`, …), an underscore and 16 base62 characters. */
export function newId(prefix) {
    return `${prefix}_${randomBase62(ID_RANDOM_LENGTH)}`;
}
/** A bigint epoch-ms column as a Date (Postgres pools already read int8 as numbers, see db.ts). */
export function toDate(value) {
    return value === null ? null : new Date(Number(value));
}
export function toEpochMs(value) {
    return value == null ? null : value.getTime();
}
/** Parses a JSON text column; null for a null column or text that is not JSON. */
export function parseJsonColumn(text) {
    if (text === null)
        return null;
    try {
        return JSON.parse(text);
    }
    catch {
        return null;
    }
}
export function parseStringArray(text) {
    const parsed = parseJsonColumn(text);
    return Array.isArray(parsed) ? parsed.filter((item) => typeof item === 'string') : [];
}
export function parseNumberArray(text) {
    const parsed = parseJsonColumn(text);
    return Array.isArray(parsed) ? parsed.filter((item) => typeof item === 'number' && Number.isFinite(item)) : [];
}
/** True for a unique or primary-key violation: better-sqlite3's SQLITE_CONSTRAINT_* or Postgres' 23505. */
export function isUniqueViolation(error) {
    if (typeof error !== 'object' || error === null || !('code' in error))
        return false;
    const code = error.code;
    return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
/** Runs a write; a unique violation becomes SY_ERR_CONFLICT (409) with the given message. */
export async function withConflictMessage(write, message) {
    try {
        return await write();
    }
    catch (error) {
        if (isUniqueViolation(error))
            throw new GatewayError('SY_ERR_CONFLICT', message, { cause: error });
        throw error;
    }
}
/** SY_ERR_INVALID_REQUEST (400) naming the field at fault. */
export function invalidInput(param, message) {
    return new GatewayError('SY_ERR_INVALID_REQUEST', message, { param });
}
/** Narrows a stored text column to its closed set; a value this version does not know is a corrupt row, said loudly. */
export function storedOneOf(values, value, what) {
    if (values.includes(value))
        return value;
    throw new Error(`Stored ${what} "${value}" is not one of ${values.join(', ')}.`);
}
/** Validates input against a closed set: SY_ERR_INVALID_REQUEST naming the field otherwise. */
export function inputOneOf(values, value, param) {
    if (values.includes(value))
        return value;
    throw invalidInput(param, `${param} must be one of ${values.join(', ')}; got "${value}".`);
}
//# sourceMappingURL=row-helpers.js.map