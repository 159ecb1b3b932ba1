import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeFloat32Base64, renderEmbeddings } from './render-embeddings.js';

const response = { model: 'upstream', embeddings: [[0.5, -1], [0.25, 2]], usage: { promptTokens: 8, estimated: false } };

describe('renderEmbeddings', () => {
  it("renders OpenAI's embeddings list with float vectors", () => {
    assert.deepEqual(renderEmbeddings(response, { model: 'emb', encodingFormat: 'float' }), {
      object: 'list',
      data: [
        { object: 'embedding', index: 0, embedding: [0.5, -1] },
        { object: 'embedding', index: 1, embedding: [0.25, 2] },
      ],
      model: 'emb',
      usage: { prompt_tokens: 8, total_tokens: 8 },
    });
  });

  it('renders base64 vectors as little-endian float32 bytes', () => {
    const rendered = renderEmbeddings(response, { model: 'emb', encodingFormat: 'base64' });
    const data = rendered.data as Array<{ embedding: string }>;
    const bytes = Buffer.from(data[0]?.embedding ?? '', 'base64');
    assert.equal(bytes.length, 8);
    assert.equal(bytes.readFloatLE(0), 0.5);
    assert.equal(bytes.readFloatLE(4), -1);
    // 1.0 as float32 little-endian is 00 00 80 3f.
    assert.equal(encodeFloat32Base64([1]), Buffer.from([0x00, 0x00, 0x80, 0x3f]).toString('base64'));
  });

  it('round-trips through a Float32Array view of the decoded bytes', () => {
    const bytes = Buffer.from(encodeFloat32Base64([0.1, 0.2, -0.3]), 'base64');
    const decoded = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
    assert.deepEqual(Array.from(decoded), Array.from(new Float32Array([0.1, 0.2, -0.3])));
  });
});
