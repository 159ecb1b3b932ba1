/** The model groups a client may use, as OpenAI's `GET /v1/models` list. https://platform.openai.com/docs/api-reference/models/list */

export interface ModelListEntry {
  id: string;
  ownedBy: string;
  /** Unix seconds. */
  created: number;
}

export function renderModelList(models: ModelListEntry[]): {
  object: 'list';
  data: Array<{ id: string; object: 'model'; created: number; owned_by: string }>;
} {
  return {
    object: 'list',
    data: models.map((model) => ({ id: model.id, object: 'model', created: model.created, owned_by: model.ownedBy })),
  };
}
