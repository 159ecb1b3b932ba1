/**
 * The subset of OpenAPI 3.1 this gateway's document uses, as TypeScript types, so that the
 * document is checked by the compiler rather than being free-form JSON.
 * https://spec.openapis.org/oas/v3.1.0
 */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** A reference to a named component, e.g. `ref('schemas', 'Usage')`. */
export function ref(kind, name) {
    return { $ref: `#/components/${kind}/${name}` };
}
//# sourceMappingURL=openapi-types.js.map