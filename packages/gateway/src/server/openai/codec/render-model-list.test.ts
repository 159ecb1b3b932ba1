import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderModelList } from './render-model-list.js';

describe('renderModelList', () => {
  it("renders OpenAI's model list", () => {
    assert.deepEqual(renderModelList([{ id: 'gpt-4o', ownedBy: 'switchyard', created: 1_700_000_000 }]), {
      object: 'list',
      data: [{ id: 'gpt-4o', object: 'model', created: 1_700_000_000, owned_by: 'switchyard' }],
    });
    assert.deepEqual(renderModelList([]), { object: 'list', data: [] });
  });
});
