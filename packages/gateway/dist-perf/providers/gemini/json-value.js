/** Small narrowing helpers for reading upstream JSON tolerantly (only the fields we map). */
export function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
export function objectField(value, key) {
    if (!isObject(value))
        return undefined;
    const field = value[key];
    return isObject(field) ? field : undefined;
}
export function arrayField(value, key) {
    if (!isObject(value))
        return [];
    const field = value[key];
    return Array.isArray(field) ? field : [];
}
export function stringField(value, key) {
    if (!isObject(value))
        return undefined;
    const field = value[key];
    return typeof field === 'string' ? field : undefined;
}
export function numberField(value, key) {
    if (!isObject(value))
        return undefined;
    const field = value[key];
    return typeof field === 'number' && Number.isFinite(field) ? field : undefined;
}
//# sourceMappingURL=json-value.js.map