/**
 * A structural check of an OpenAPI 3.1 document, without a validator package: the required
 * top-level fields, every local `$ref` resolving, unique operation ids, responses with
 * descriptions, declared tags and security schemes, and path parameters matching the path
 * template. Returns the problems found (none when the document is sound).
 */
import { HTTP_METHODS } from './openapi-types.js';
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Follows a local JSON pointer (`#/components/schemas/Usage`); undefined when it leads nowhere. */
export function resolvePointer(document, pointer) {
    if (!pointer.startsWith('#'))
        return undefined;
    let node = document;
    for (const raw of pointer.slice(1).split('/').slice(1)) {
        const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
        if (Array.isArray(node))
            node = node[Number(key)];
        else if (isObject(node) && Object.hasOwn(node, key))
            node = node[key];
        else
            return undefined;
    }
    return node;
}
function collectRefs(node, at, found) {
    if (Array.isArray(node))
        node.forEach((item, index) => collectRefs(item, `${at}/${index}`, found));
    if (!isObject(node))
        return;
    for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string')
            found.push({ at, ref: value });
        else if (key !== 'examples' && key !== 'example')
            collectRefs(value, `${at}/${key}`, found);
    }
}
/** The value itself, or what its `$ref` points at. */
function deref(document, value) {
    return isObject(value) && typeof value.$ref === 'string' ? resolvePointer(document, value.$ref) : value;
}
function checkOperation(input) {
    const { document, path, method, operation, problems } = input;
    const name = `${method.toUpperCase()} ${path}`;
    const id = operation.operationId;
    if (typeof id !== 'string' || id === '')
        problems.push(`${name}: operationId missing`);
    else if (input.ids.has(id))
        problems.push(`${name}: operationId ${id} used twice`);
    else
        input.ids.add(id);
    const responses = operation.responses;
    if (!isObject(responses) || Object.keys(responses).length === 0)
        problems.push(`${name}: no responses`);
    for (const [status, response] of Object.entries(isObject(responses) ? responses : {})) {
        if (!/^([1-5]XX|[1-5][0-9]{2}|default)$/.test(status))
            problems.push(`${name}: response key ${status} is not a status`);
        const resolved = deref(document, response);
        if (!isObject(resolved) || typeof resolved.description !== 'string')
            problems.push(`${name} ${status}: response without a description`);
    }
    const declaredTags = new Set((Array.isArray(document.tags) ? document.tags : []).map((tag) => (isObject(tag) ? tag.name : undefined)));
    for (const tag of Array.isArray(operation.tags) ? operation.tags : []) {
        if (!declaredTags.has(tag))
            problems.push(`${name}: tag ${String(tag)} is not declared`);
    }
    const schemes = isObject(document.components) && isObject(document.components.securitySchemes) ? document.components.securitySchemes : {};
    for (const requirement of Array.isArray(operation.security) ? operation.security : []) {
        for (const scheme of Object.keys(isObject(requirement) ? requirement : {})) {
            if (!Object.hasOwn(schemes, scheme))
                problems.push(`${name}: security scheme ${scheme} is not declared`);
        }
    }
    const parameters = (Array.isArray(operation.parameters) ? operation.parameters : []).map((parameter) => deref(document, parameter));
    const seen = new Set();
    for (const parameter of parameters) {
        if (!isObject(parameter) || typeof parameter.name !== 'string' || typeof parameter.in !== 'string') {
            problems.push(`${name}: a parameter without name and in`);
            continue;
        }
        const key = `${parameter.in}:${parameter.name.toLowerCase()}`;
        if (seen.has(key))
            problems.push(`${name}: parameter ${key} declared twice`);
        seen.add(key);
        if (parameter.in === 'path' && parameter.required !== true)
            problems.push(`${name}: path parameter ${parameter.name} must be required`);
    }
    for (const match of path.matchAll(/\{([^}]+)\}/g)) {
        if (!seen.has(`path:${match[1].toLowerCase()}`))
            problems.push(`${name}: path parameter ${match[1]} is not declared`);
    }
    for (const key of seen) {
        if (key.startsWith('path:') && !path.toLowerCase().includes(`{${key.slice(5)}}`))
            problems.push(`${name}: ${key} is not in the path`);
    }
}
export function checkOpenApiDocument(document) {
    const problems = [];
    if (!isObject(document))
        return ['the document is not an object'];
    if (typeof document.openapi !== 'string' || !/^3\.1\.\d+$/.test(document.openapi))
        problems.push('openapi must be 3.1.x');
    const info = document.info;
    if (!isObject(info) || typeof info.title !== 'string' || typeof info.version !== 'string')
        problems.push('info.title and info.version are required');
    if (!isObject(document.paths))
        return [...problems, 'paths is required'];
    const refs = [];
    collectRefs(document, '#', refs);
    for (const { at, ref } of refs) {
        if (resolvePointer(document, ref) === undefined)
            problems.push(`${at}: $ref ${ref} does not resolve`);
    }
    for (const [kind, entries] of Object.entries(isObject(document.components) ? document.components : {})) {
        for (const key of Object.keys(isObject(entries) ? entries : {})) {
            if (!/^[a-zA-Z0-9._-]+$/.test(key))
                problems.push(`components.${kind}.${key}: invalid component name`);
        }
    }
    const ids = new Set();
    for (const [path, item] of Object.entries(document.paths)) {
        if (!path.startsWith('/'))
            problems.push(`path ${path} must start with /`);
        if (!isObject(item))
            continue;
        for (const method of HTTP_METHODS) {
            const operation = item[method];
            if (isObject(operation))
                checkOperation({ document, path, method, operation, ids, problems });
        }
    }
    return problems;
}
//# sourceMappingURL=check-document.js.map