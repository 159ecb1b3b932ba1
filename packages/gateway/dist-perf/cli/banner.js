/** The start-up banner: where the API and dashboard are, which providers were found, and the master key if one was generated. */
import { print } from './output.js';
export function printBanner(options) {
    const { config, address } = options;
    print(`Switchyard ${options.version} is listening on ${address}`);
    print(`  OpenAI API:     ${address}/v1  (POST /v1/chat/completions, POST /v1/embeddings, GET /v1/models)`);
    print(`  Anthropic API:  ${address}/v1/messages`);
    print(`  Dashboard:      ${address}/dashboard`);
    print(`  Health:         ${address}/health  ·  readiness ${address}/ready`);
    print(`  Database:       ${config.database.url}`);
    print(`  Config file:    ${config.sourceFile ?? 'none (environment and defaults)'}`);
    print('  Providers:');
    for (const provider of config.providers) {
        const groups = config.models.filter((group) => group.deployments.some((deployment) => deployment.provider.id === provider.id));
        print(`    - ${provider.id} (${provider.type}${provider.preset !== provider.id ? `, preset ${provider.preset}` : ''}) ${provider.baseUrl} · ${groups.length} model${groups.length === 1 ? '' : 's'}`);
    }
    print(`  Models:         ${config.models.map((group) => group.name).join(', ') || 'none'}`);
    if (config.usingSimulatorFallback) {
        print('');
        print('  No provider key or config file was found, so the built-in SIMULATOR is serving the models above.');
        print('  Its answers are generated text, not a real LLM. Set OPENAI_API_KEY (or another provider key),');
        print('  or pass --config switchyard.yaml, to route to real providers.');
    }
    if (options.generatedMasterKey) {
        print('');
        print('  A master key was generated. It is shown this once; store it now:');
        print(`    ${options.generatedMasterKey}`);
        print('  (Set SWITCHYARD_MASTER_KEY to choose your own.)');
    }
    print('');
    print(`  Try it:  curl ${address}/v1/chat/completions -H "Authorization: Bearer <master key>" \\`);
    print(`             -H "content-type: application/json" -d '{"model":"${config.models[0]?.name ?? 'MODEL'}","messages":[{"role":"user","content":"Hello"}]}'`);
}
//# sourceMappingURL=banner.js.map