/**
 * Lua for the Redis budget ledger. Each budget period is a hash with integer micro-dollar fields
 * `spent` and `reserved`; each reservation is a small hash (`state` open|done, `amount`) so that it
 * is closed at most once. Every script runs atomically on the server.
 *
 * RESERVE — KEYS: reservation, then one key per budget. ARGV: amount, reservation ttl, then per
 * budget limit and ttl. Answers {1, spent, reserved, …} (after reserving), {0, budget index, spent,
 * reserved} when one would overflow (nothing reserved), or {-1} when the id is already known (a
 * reservation that was closed before this reserve arrived, e.g. released after a timeout).
 *
 * CLOSE — settle or release. KEYS: reservation, then the budget keys it reserved. ARGV: spend to
 * book (0 to release), ttl of the closed record, then per budget ttl. Books the reservation's own
 * stored amount out of `reserved` and the spend into `spent`, and marks it done: {1}. When the
 * reservation is not open (closed already, or never seen) it only leaves a `done` record behind,
 * so a late reserve with that id cannot apply, and answers {0}.
 *
 * ADD_SPEND — KEYS: one budget. ARGV: spend, ttl. Books spend settled elsewhere. Answers {spent}.
 *
 * SEED — KEYS: one budget. ARGV: spend, ttl. Raises `spent` to the seed, never lowers it. {spent}.
 */
export const RESERVE_LUA = `
if redis.call('EXISTS', KEYS[1]) == 1 then return {-1} end
local amount = tonumber(ARGV[1])
local state = {}
for i = 2, #KEYS do
  local limit = tonumber(ARGV[3 + (i - 2) * 2])
  local values = redis.call('HMGET', KEYS[i], 'spent', 'reserved')
  local spent = tonumber(values[1] or '0')
  local reserved = tonumber(values[2] or '0')
  if spent + reserved + amount > limit then return {0, i - 1, spent, reserved} end
  state[#state + 1] = spent
  state[#state + 1] = reserved + amount
end
for i = 2, #KEYS do
  redis.call('HINCRBY', KEYS[i], 'reserved', amount)
  redis.call('PEXPIRE', KEYS[i], tonumber(ARGV[4 + (i - 2) * 2]))
end
redis.call('HSET', KEYS[1], 'state', 'open', 'amount', amount)
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
table.insert(state, 1, 1)
return state
`;
export const CLOSE_LUA = `
local status = redis.call('HGET', KEYS[1], 'state')
if status ~= 'open' then
  if not status then
    redis.call('HSET', KEYS[1], 'state', 'done')
    redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
  end
  return {0}
end
local amount = tonumber(redis.call('HGET', KEYS[1], 'amount') or '0')
local spend = tonumber(ARGV[1])
for i = 2, #KEYS do
  local reserved = redis.call('HINCRBY', KEYS[i], 'reserved', -amount)
  if reserved < 0 then redis.call('HSET', KEYS[i], 'reserved', 0) end
  if spend ~= 0 then redis.call('HINCRBY', KEYS[i], 'spent', spend) end
  redis.call('PEXPIRE', KEYS[i], tonumber(ARGV[3 + (i - 2)]))
end
redis.call('HSET', KEYS[1], 'state', 'done')
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
return {1}
`;
export const ADD_SPEND_LUA = `
local spent = redis.call('HINCRBY', KEYS[1], 'spent', tonumber(ARGV[1]))
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
return {spent}
`;
export const SEED_LUA = `
local seed = tonumber(ARGV[1])
local spent = tonumber(redis.call('HGET', KEYS[1], 'spent') or '0')
if spent < seed then
  redis.call('HSET', KEYS[1], 'spent', seed)
  spent = seed
end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
return {spent}
`;
//# sourceMappingURL=budget-scripts.js.map