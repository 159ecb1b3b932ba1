import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { convertResponseFormat, convertToolChoice, convertTools } from './convert-chat-tools.js';

describe('convertTools', () => {
  it('gives a tool without parameters an empty object schema', () => {
    assert.deepEqual(convertTools([{ type: 'function', function: { name: 'now' } }]), [
      { name: 'now', parameters: { type: 'object', properties: {} } },
    ]);
  });

  it('keeps description, parameters and strict, and drops nulls', () => {
    assert.deepEqual(
      convertTools([
        { type: 'function', function: { name: 'f', description: 'd', parameters: { type: 'object' }, strict: false } },
        { type: 'function', function: { name: 'g', description: null, parameters: null, strict: null } },
      ]),
      [
        { name: 'f', description: 'd', parameters: { type: 'object' }, strict: false },
        { name: 'g', parameters: { type: 'object', properties: {} } },
      ],
    );
  });

  it('does not share the default schema object between tools', () => {
    const [first, second] = convertTools([
      { type: 'function', function: { name: 'a' } },
      { type: 'function', function: { name: 'b' } },
    ]);
    assert.notEqual(first?.parameters, second?.parameters);
  });
});

describe('convertToolChoice', () => {
  const tools = [{ name: 'f', parameters: {} }];
  it('maps the string choices', () => {
    assert.deepEqual(convertToolChoice('auto', tools), { type: 'auto' });
    assert.deepEqual(convertToolChoice('none', undefined), { type: 'none' });
    assert.deepEqual(convertToolChoice('required', tools), { type: 'required' });
  });

  it('maps a named function to a tool choice', () => {
    assert.deepEqual(convertToolChoice({ type: 'function', function: { name: 'f' } }, tools), { type: 'tool', name: 'f' });
  });

  it('rejects a named function when the request declares no tools', () => {
    assert.throws(() => convertToolChoice({ type: 'function', function: { name: 'f' } }, undefined), {
      message: "tool_choice.function.name: names 'f', which is not one of the request's tools",
    });
  });
});

describe('convertResponseFormat', () => {
  it('maps text and json_object', () => {
    assert.deepEqual(convertResponseFormat({ type: 'text' }), { type: 'text' });
    assert.deepEqual(convertResponseFormat({ type: 'json_object' }), { type: 'json_object' });
  });

  it('flattens json_schema and defaults a missing schema', () => {
    assert.deepEqual(convertResponseFormat({ type: 'json_schema', json_schema: { name: 'x' } }), {
      type: 'json_schema',
      name: 'x',
      schema: { type: 'object', properties: {} },
    });
  });
});
