/**
 * Builds a plausible value from a JSON Schema: tool-call arguments from a tool's parameters, and
 * JSON answers from a response schema. Enums give their first value; strings get a word or a
 * place name; numbers their minimum or 1. Deterministic for a given random source.
 */
import { pick } from './prng.js';
import { generateWords } from './words.js';
const PLACES = ['Paris', 'Tokyo', 'Lisbon', 'Nairobi', 'Lima'];
export function valueFromSchema(schema, options, name = '', depth = 0) {
    if (!isRecord(schema) || depth > 8)
        return null;
    if (Array.isArray(schema.enum) && schema.enum.length > 0)
        return schema.enum[0];
    if ('const' in schema)
        return schema.const;
    for (const key of ['anyOf', 'oneOf', 'allOf']) {
        const variants = schema[key];
        if (Array.isArray(variants) && variants.length > 0)
            return valueFromSchema(variants[0], options, name, depth + 1);
    }
    const type = Array.isArray(schema.type) ? schema.type.find((item) => item !== 'null') : schema.type;
    switch (type) {
        case 'object':
            return objectFromSchema(schema, options, depth);
        case 'array':
            return [valueFromSchema(schema.items, options, name, depth + 1)];
        case 'integer':
            return typeof schema.minimum === 'number' ? Math.ceil(schema.minimum) : 1;
        case 'number':
            return typeof schema.minimum === 'number' ? schema.minimum : 1;
        case 'boolean':
            return true;
        case 'null':
            return null;
        case 'string':
            return stringFor(name, options.random);
        default:
            return isRecord(schema.properties) ? objectFromSchema(schema, options, depth) : stringFor(name, options.random);
    }
}
function objectFromSchema(schema, options, depth) {
    const properties = isRecord(schema.properties) ? schema.properties : {};
    const required = Array.isArray(schema.required)
        ? schema.required.filter((item) => typeof item === 'string')
        : options.withoutRequired === 'all'
            ? Object.keys(properties)
            : [];
    const output = {};
    for (const key of required)
        output[key] = valueFromSchema(properties[key] ?? { type: 'string' }, options, key, depth + 1);
    return output;
}
function stringFor(name, random) {
    if (/city|location|place|town/i.test(name))
        return pick(random, PLACES);
    return generateWords(random, 3).replace(/\.$/, '');
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
//# sourceMappingURL=value-from-schema.js.map