/**
 * Runs a Lua script in one round trip: EVALSHA by its SHA-1, falling back to EVAL when Redis does
 * not know the script yet (first use, or after a restart flushed the script cache). A script runs
 * atomically on the server, which is what makes check-then-add safe across replicas.
 */
import { createHash } from 'node:crypto';
export class RedisScript {
    lua;
    sha;
    constructor(lua) {
        this.lua = lua;
        this.sha = createHash('sha1').update(lua).digest('hex');
    }
    async run(client, keys, args) {
        try {
            return await client.evalsha(this.sha, keys.length, ...keys, ...args);
        }
        catch (error) {
            if (!isNoScript(error))
                throw error;
            return client.eval(this.lua, keys.length, ...keys, ...args);
        }
    }
}
function isNoScript(error) {
    return error instanceof Error && error.message.startsWith('NOSCRIPT');
}
/** Narrows a script's reply to the flat array of integers our scripts return. */
export function integerReply(reply, scriptName) {
    if (!Array.isArray(reply) || !reply.every((item) => typeof item === 'number' && Number.isInteger(item))) {
        throw new Error(`unexpected reply from the ${scriptName} script: ${JSON.stringify(reply)}`);
    }
    return reply;
}
//# sourceMappingURL=redis-script.js.map