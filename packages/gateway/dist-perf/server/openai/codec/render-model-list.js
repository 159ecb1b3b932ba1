/** The model groups a client may use, as OpenAI's `GET /v1/models` list. https://platform.openai.com/docs/api-reference/models/list */
export function renderModelList(models) {
    return {
        object: 'list',
        data: models.map((model) => ({ id: model.id, object: 'model', created: model.created, owned_by: model.ownedBy })),
    };
}
//# sourceMappingURL=render-model-list.js.map