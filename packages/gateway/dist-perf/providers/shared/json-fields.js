/**
 * Tolerant field readers for upstream JSON: each returns undefined (or an empty list) when a field
 * is missing or of another type, so a provider adding or omitting a field never breaks parsing.
 */
export function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
export function stringField(record, key) {
    const value = record[key];
    return typeof value === 'string' ? value : undefined;
}
export function numberField(record, key) {
    const value = record[key];
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
export function recordField(record, key) {
    const value = record[key];
    return isRecord(value) ? value : undefined;
}
/** The records of an array field, skipping entries that are not objects. */
export function recordsField(record, key) {
    const value = record[key];
    return Array.isArray(value) ? value.filter(isRecord) : [];
}
//# sourceMappingURL=json-fields.js.map