/**
 * `switchyard users create | list`: dashboard and API users. A password comes from standard input
 * (--password-stdin, so it stays out of the shell history and the process list) or is generated
 * and printed once. Passwords are stored as argon2id hashes only.
 */
import { checkPasswordPolicy, generatePassword, hashPassword } from '../governance/passwords.js';
import { isRole, ROLES } from '../governance/roles.js';
import { AuditRepository, TeamsRepository, UsersRepository } from '../store/index.js';
import { print } from './output.js';
import { readStdin, withDatabase } from './with-database.js';
export async function runUsersCreate(options) {
    if (!isRole(options.role))
        throw new Error(`--role must be one of ${ROLES.join(', ')}; got "${options.role}"`);
    const role = options.role;
    const generated = options.passwordStdin ? null : generatePassword();
    const password = generated ?? (await readStdin());
    const policy = checkPasswordPolicy(password);
    if (!policy.ok)
        throw new Error(policy.message);
    const passwordHash = await hashPassword(password);
    const user = await withDatabase(options.config, async (database) => {
        let team = null;
        if (options.team !== undefined) {
            team = await new TeamsRepository(database.db).findByIdOrName(options.team);
            if (team === null)
                throw new Error(`No team "${options.team}". List teams with: switchyard teams list`);
        }
        const created = await new UsersRepository(database.db).create({ email: options.email, name: options.name ?? null, role, teamId: team?.id ?? null, passwordHash });
        await new AuditRepository(database.db).append({
            actorType: 'master',
            actorLabel: 'cli',
            action: 'users.create',
            targetType: 'user',
            targetId: created.id,
            after: created,
        });
        return created;
    });
    if (options.json) {
        print(JSON.stringify({ ...publicUser(user), ...(generated === null ? {} : { password: generated }) }));
        return;
    }
    print(`Created user ${user.id} (${user.email}, ${user.role}).`);
    if (generated !== null) {
        print('Generated password. This is the only time it is shown; store it now:');
        print(`  ${generated}`);
    }
}
export async function runUsersList(options) {
    const { users, teamNames } = await withDatabase(options.config, async (database) => {
        const teams = new TeamsRepository(database.db);
        let teamId;
        if (options.team !== undefined) {
            const team = await teams.findByIdOrName(options.team);
            if (team === null)
                throw new Error(`No team "${options.team}". List teams with: switchyard teams list`);
            teamId = team.id;
        }
        const names = new Map((await teams.list()).map((team) => [team.id, team.name]));
        return { users: await new UsersRepository(database.db).list(teamId === undefined ? {} : { teamId }), teamNames: names };
    });
    if (options.json) {
        print(JSON.stringify(users.map(publicUser)));
        return;
    }
    if (users.length === 0)
        print('No users yet. Create one with: switchyard users create --email EMAIL --role ROLE');
    for (const user of users) {
        const team = user.teamId === null ? 'no team' : `team ${teamNames.get(user.teamId) ?? user.teamId}`;
        const state = user.disabledAt === null ? '' : `  disabled ${user.disabledAt.toISOString()}`;
        print(`${user.id}  ${user.email}  ${user.role}  ${team}${user.name === null ? '' : `  "${user.name}"`}${state}`);
    }
}
function publicUser(user) {
    return { id: user.id, email: user.email, name: user.name, role: user.role, teamId: user.teamId, createdAt: user.createdAt, disabledAt: user.disabledAt };
}
//# sourceMappingURL=users-command.js.map