#!/usr/bin/env node
/** The `switchyard` command: start, config check, keys, users, teams, migrate. Each subcommand has --help. */
import { Command } from 'commander';
import { checkConfig, loadConfig } from '../config/index.js';
import { migrateToLatest, openDatabase } from '../store/index.js';
import { runKeysCreate, runKeysList, runKeysRevoke } from './keys-command.js';
import { runTeamsCreate, runTeamsList } from './teams-command.js';
import { runUsersCreate, runUsersList } from './users-command.js';
import { print, printError } from './output.js';
import { runStart } from './start-command.js';
import { VERSION } from './version.js';
const program = new Command();
program
    .name('switchyard')
    .description('Switchyard: a self-hosted AI gateway. One OpenAI- and Anthropic-compatible API in front of many LLM providers.')
    .version(VERSION);
program
    .command('start')
    .description('Start the gateway (API, dashboard, health) on one port')
    .option('-c, --config <file>', 'YAML config file (default: $SWITCHYARD_CONFIG, else ./switchyard.yaml when present)')
    .option('-p, --port <port>', 'port to listen on (default: $PORT, else 3000)')
    .action(runStart);
const config = program.command('config').description('Work with configuration files');
config
    .command('check')
    .description('Validate a config file and report every problem with its path in the file')
    .argument('<file>', 'the YAML file to check')
    .action((file) => {
    const result = checkConfig({ file, env: process.env });
    if (result.ok) {
        print(`${file}: OK`);
        return;
    }
    for (const problem of result.problems)
        printError(problem);
    printError(`${file}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`);
    process.exitCode = 1;
});
const keys = program.command('keys').description('Create, list and revoke virtual API keys');
keys
    .command('create')
    .description('Create a virtual key; the key is printed once and stored only as a hash')
    .requiredOption('-n, --name <name>', 'a name for the key')
    .option('-m, --models <list>', 'comma-separated model names the key may use (default: all)')
    .option('-e, --expires <when>', 'expiry: an ISO date or a duration such as 30d, 12h')
    .option('-c, --config <file>', 'config file (for the database URL)')
    .option('--json', 'print JSON')
    .action(runKeysCreate);
keys
    .command('list')
    .description('List keys (never the secrets)')
    .option('-c, --config <file>', 'config file (for the database URL)')
    .option('--json', 'print JSON')
    .action(runKeysList);
keys
    .command('revoke')
    .description('Revoke a key by its id or its shown prefix')
    .argument('<id-or-prefix>', 'the key id (key_…) or prefix (sy-…)')
    .option('-c, --config <file>', 'config file (for the database URL)')
    .action(runKeysRevoke);
const users = program.command('users').description('Create and list dashboard and API users');
users
    .command('create')
    .description('Create a user; without --password-stdin a strong password is generated and printed once')
    .requiredOption('--email <email>', 'the login email (stored lower-cased)')
    .requiredOption('--role <role>', 'admin, supervisor, developer, operations or viewer')
    .option('--name <name>', 'display name')
    .option('--team <team>', 'team id or name (create it first with: switchyard teams create NAME)')
    .option('--password-stdin', 'read the password from standard input (at least 12 characters)')
    .option('-c, --config <file>', 'config file (for the database URL)')
    .option('--json', 'print JSON')
    .action(runUsersCreate);
users
    .command('list')
    .description('List users (never their passwords)')
    .option('--team <team>', 'only members of this team (id or name)')
    .option('-c, --config <file>', 'config file (for the database URL)')
    .option('--json', 'print JSON')
    .action(runUsersList);
const teams = program.command('teams').description('Create and list teams');
teams
    .command('create')
    .description('Create a team')
    .argument('<name>', 'the team name (unique)')
    .option('-c, --config <file>', 'config file (for the database URL)')
    .option('--json', 'print JSON')
    .action(runTeamsCreate);
teams
    .command('list')
    .description('List teams with their member counts')
    .option('-c, --config <file>', 'config file (for the database URL)')
    .option('--json', 'print JSON')
    .action(runTeamsList);
program
    .command('migrate')
    .description('Apply database migrations (start does this too)')
    .option('-c, --config <file>', 'config file (for the database URL)')
    .action(async (options) => {
    const resolved = loadConfig({ file: options.config, env: process.env });
    const database = await openDatabase(resolved.database.url);
    try {
        const { applied } = await migrateToLatest(database);
        print(applied.length === 0 ? 'Database is up to date.' : `Applied: ${applied.join(', ')}`);
    }
    finally {
        await database.close();
    }
});
program.parseAsync(process.argv).catch((error) => {
    printError(`switchyard: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
});
//# sourceMappingURL=main.js.map