/** `switchyard start`: loads the configuration, starts the gateway and stops it cleanly on SIGTERM/SIGINT. */
import { createGateway } from '../app.js';
import { loadConfig } from '../config/index.js';
import { printBanner } from './banner.js';
import { printError } from './output.js';
import { applyServerV8Tuning } from './v8-tuning.js';
import { VERSION } from './version.js';
export async function runStart(options) {
    const port = options.port === undefined ? undefined : Number(options.port);
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
        throw new Error(`--port must be a port number, got "${options.port}"`);
    }
    const config = loadConfig({ file: options.config, env: process.env, overrides: { port } });
    applyServerV8Tuning({ execArgv: process.execArgv, nodeOptions: process.env.NODE_OPTIONS });
    const gateway = await createGateway(config);
    const address = await gateway.listen();
    printBanner({ config, address, version: VERSION, generatedMasterKey: gateway.generatedMasterKey });
    let stopping = false;
    const stop = (signal) => {
        if (stopping) {
            printError(`Received ${signal} again; exiting now.`);
            process.exit(1);
        }
        stopping = true;
        gateway.server.log.info({ signal }, 'stopping: no new requests; waiting for requests in flight');
        gateway.shutdown().then(() => process.exit(0), (error) => {
            printError(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
            process.exit(1);
        });
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
}
//# sourceMappingURL=start-command.js.map