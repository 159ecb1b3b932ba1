/**
 * Lua for the Redis counter store. Each runs atomically on the server.
 *
 * TAKE — KEYS: one window key per counter. ARGV: per counter, amount, limit and ttl (ms), in order.
 * Checks every counter first (a key named twice must fit with both amounts); when all fit, INCRBY
 * and PEXPIRE each and answer {1, used…}; otherwise touches nothing and answers {0, used…}.
 *
 * ADD — KEYS: one window key per counter. ARGV: per counter, amount and ttl (ms). Adds without a
 * check and never leaves a count below zero (tokens given back after the estimate was too high).
 */
export const TAKE_LUA = `
local used = {}
local pending = {}
local fits = true
for i = 1, #KEYS do
  local key = KEYS[i]
  local amount = tonumber(ARGV[(i - 1) * 3 + 1])
  local limit = tonumber(ARGV[(i - 1) * 3 + 2])
  local current = tonumber(redis.call('GET', key) or '0')
  pending[key] = (pending[key] or 0) + amount
  if current + pending[key] > limit then fits = false end
  used[i] = current
end
if not fits then
  table.insert(used, 1, 0)
  return used
end
for i = 1, #KEYS do
  local key = KEYS[i]
  local amount = tonumber(ARGV[(i - 1) * 3 + 1])
  local ttl = tonumber(ARGV[(i - 1) * 3 + 3])
  local count = redis.call('INCRBY', key, amount)
  if count < 0 then
    redis.call('SET', key, 0)
    count = 0
  end
  redis.call('PEXPIRE', key, ttl)
  used[i] = count
end
table.insert(used, 1, 1)
return used
`;
export const ADD_LUA = `
for i = 1, #KEYS do
  local key = KEYS[i]
  local amount = tonumber(ARGV[(i - 1) * 2 + 1])
  local ttl = tonumber(ARGV[(i - 1) * 2 + 2])
  if amount > 0 or redis.call('EXISTS', key) == 1 then
    local count = redis.call('INCRBY', key, amount)
    if count < 0 then redis.call('SET', key, 0) end
    redis.call('PEXPIRE', key, ttl)
  end
end
return {}
`;
//# sourceMappingURL=counter-scripts.js.map