/**
 * OpenAI's `image_url.url` to a canonical ImageSource: a `data:` URL becomes inline base64 with
 * its media type (what Anthropic and Gemini need), an http(s) URL stays a URL with its detail.
 * https://platform.openai.com/docs/guides/images-vision#giving-a-model-images-as-input
 */
import { invalidRequest } from './validation.js';
/** `data:<media type>[;params];base64,<data>`; the media type must be an image type. */
const DATA_URL = /^data:([a-z]+\/[a-z0-9.+-]+)((?:;[^;,]*)*),(.*)$/is;
export function parseImageUrl(options) {
    const { url, path } = options;
    if (/^data:/i.test(url))
        return parseDataUrl(url, path);
    if (!/^https?:\/\//i.test(url)) {
        throw invalidRequest(path, 'expected an http(s) URL or a base64 data: URL (data:image/png;base64,…)');
    }
    return options.detail ? { kind: 'url', url, detail: options.detail } : { kind: 'url', url };
}
function parseDataUrl(url, path) {
    const match = DATA_URL.exec(url);
    if (match === null) {
        throw invalidRequest(path, 'malformed data: URL; expected data:image/<type>;base64,<data>');
    }
    const mediaType = (match[1] ?? '').toLowerCase();
    const parameters = (match[2] ?? '').toLowerCase().split(';');
    const data = (match[3] ?? '').replace(/\s+/g, '');
    if (!mediaType.startsWith('image/')) {
        throw invalidRequest(path, `data: URL has media type '${mediaType}'; expected an image type such as image/png`);
    }
    if (!parameters.includes('base64')) {
        throw invalidRequest(path, 'data: URL must be base64-encoded (data:image/<type>;base64,<data>)');
    }
    if (data.length === 0 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(data)) {
        throw invalidRequest(path, 'data: URL does not hold valid base64 data');
    }
    return { kind: 'base64', mediaType, data };
}
//# sourceMappingURL=image-url.js.map