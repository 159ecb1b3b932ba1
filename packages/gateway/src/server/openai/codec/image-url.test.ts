import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseImageUrl } from './image-url.js';

const path = ['messages', 0, 'content', 1, 'image_url', 'url'];

describe('parseImageUrl', () => {
  it('turns a base64 data: URL into base64 data with its media type', () => {
    assert.deepEqual(parseImageUrl({ url: 'data:image/png;base64,iVBORw0KGgo=', path }), {
      kind: 'base64',
      mediaType: 'image/png',
      data: 'iVBORw0KGgo=',
    });
  });

  it('lower-cases the media type and ignores other parameters', () => {
    assert.deepEqual(parseImageUrl({ url: 'data:IMAGE/JPEG;name=cat.jpg;base64,/9j/4AAQ', path }), {
      kind: 'base64',
      mediaType: 'image/jpeg',
      data: '/9j/4AAQ',
    });
  });

  it('drops line breaks inside the base64 data', () => {
    const source = parseImageUrl({ url: 'data:image/webp;base64,UklG\nRiQA', path });
    assert.deepEqual(source, { kind: 'base64', mediaType: 'image/webp', data: 'UklGRiQA' });
  });

  it('keeps an https URL and its detail', () => {
    assert.deepEqual(parseImageUrl({ url: 'https://example.com/cat.png', detail: 'low', path }), {
      kind: 'url',
      url: 'https://example.com/cat.png',
      detail: 'low',
    });
    assert.deepEqual(parseImageUrl({ url: 'http://example.com/a.gif', detail: null, path }), {
      kind: 'url',
      url: 'http://example.com/a.gif',
    });
  });

  const rejected: Array<[string, RegExp]> = [
    ['data:image/png,rawbytes', /must be base64-encoded/],
    ['data:text/plain;base64,aGk=', /media type 'text\/plain'; expected an image type/],
    ['data:image/png;base64,', /valid base64/],
    ['data:image/png;base64,***', /valid base64/],
    ['data:;base64,aGk=', /malformed data: URL/],
    ['ftp://example.com/a.png', /expected an http\(s\) URL or a base64 data: URL/],
    ['cat.png', /expected an http\(s\) URL/],
  ];
  for (const [url, message] of rejected) {
    it(`rejects ${url} naming the field`, () => {
      assert.throws(
        () => parseImageUrl({ url, path }),
        (error: Error & { param?: string }) => {
          assert.match(error.message, /^messages\[0\]\.content\[1\]\.image_url\.url: /);
          assert.match(error.message, message);
          assert.equal(error.param, 'messages[0].content[1].image_url.url');
          return true;
        },
      );
    });
  }
});
