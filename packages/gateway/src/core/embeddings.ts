/** Canonical embeddings request and response. */

export interface EmbeddingRequest {
  /** The model name the client sent (a model group name). */
  model: string;
  /** The texts to embed, one vector each. */
  input: string[];
  /** Requested output dimensionality, where the model supports it. */
  dimensions?: number;
  encodingFormat: 'float' | 'base64';
  user?: string;
}

export interface EmbeddingResponse {
  model: string;
  /** One vector per input, in input order. */
  embeddings: number[][];
  usage: { promptTokens: number; estimated: boolean };
}
