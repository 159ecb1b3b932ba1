import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseClientMessage } from './live-protocol.js';

test('client messages are parsed strictly, with a message a person can act on', () => {
  assert.deepEqual(parseClientMessage('{"type":"subscribe","data":{"subscriptionType":"requests","model":"gpt-4o"}}'), {
    ok: true,
    message: { type: 'subscribe', channel: 'requests', filter: { model: 'gpt-4o' } },
  });
  assert.deepEqual(parseClientMessage('{"type":"unsubscribe","data":{"subscriptionType":"alerts"}}'), { ok: true, message: { type: 'unsubscribe', channel: 'alerts' } });
  assert.deepEqual(parseClientMessage('{"type":"auth","data":{"token":"sy-abc"}}'), { ok: true, message: { type: 'auth', token: 'sy-abc' } });
  assert.deepEqual(parseClientMessage('{"type":"ping"}'), { ok: true, message: { type: 'ping' } });
  const failures: Array<[string, RegExp]> = [
    ['nope', /must be JSON/],
    ['[1]', /JSON object with a string "type"/],
    ['{"type":"subscribe","data":{"subscriptionType":"all"}}', /one of ai_metrics, performance, load_balancer, alerts, requests; got "all"/],
    ['{"type":"subscribe","data":{"subscriptionType":"requests","keyId":7}}', /data.keyId must be a non-empty string/],
    ['{"type":"auth","data":{}}', /data.token/],
    ['{"type":"shout"}', /Unknown message type "shout"/],
  ];
  for (const [text, expected] of failures) {
    const parsed = parseClientMessage(text);
    assert.equal(parsed.ok, false, text);
    assert.match(parsed.ok ? '' : parsed.error, expected);
  }
});
