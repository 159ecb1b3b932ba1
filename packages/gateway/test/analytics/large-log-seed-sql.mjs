/**
 * The statement that seeds the large usage log (one INSERT … SELECT over a recursive CTE, so the
 * database writes the rows itself), shared by the large-log test (large-log-seed.ts, which also
 * computes the totals these formulas give) and the analytics benchmark (bench/analytics.mjs).
 * Plain JavaScript so that the benchmark can import it without a build; every value is a function
 * of the row number n. The three numbers are integers the callers choose, never client input.
 */

/** @param {{ rows: number, endMs: number, spanMs: number }} options */
export function largeLogSeedSql({ rows, endMs, spanMs }) {
  for (const value of [rows, endMs, spanMs]) if (!Number.isSafeInteger(value)) throw new TypeError(`not an integer: ${value}`);
  return `
    with recursive seq(n) as (select 0 union all select n + 1 from seq where n < ${rows - 1})
    insert into usage (request_id, created_at, key_id, user_id, team_id, protocol, endpoint, model_group, provider, deployment_id,
      upstream_model, stream, prompt_tokens, completion_tokens, cached_tokens, tokens_estimated, cost_usd, latency_ms, ttft_ms,
      status, outcome, error_code, attempts)
    select 'big-' || n, ${endMs - spanMs} + (n * ${spanMs}) / ${rows}, 'key_' || (n % 50), 'usr_' || (n % 20),
      'team_' || (n % 5), 'openai', 'chat', 'model-' || (n % 8), 'prov-' || (n % 4), 'prov-' || (n % 4) || '/m' || (n % 12), 'm',
      case when n % 3 = 0 then 1 else 0 end, 10 + n % 990, 5 + n % 495, n % 7, 0, (n % 16) / 1024.0, 50 + (n * 7919) % 5000,
      case when n % 3 = 0 then 20 + (n * 104729) % 800 else null end,
      case when n % 50 = 0 then 500 when n % 70 = 0 then 429 when n % 333 = 0 then 499 else 200 end,
      case when n % 50 = 0 or n % 70 = 0 then 'error' when n % 333 = 0 then 'client_disconnected' else 'success' end,
      null, case when n % 20 = 0 then 2 else 1 end
    from seq`;
}
