/** `switchyard teams create | list`: the teams users and keys belong to. */
import { AuditRepository, TeamsRepository, UsersRepository } from '../store/index.js';
import { print } from './output.js';
import { withDatabase } from './with-database.js';
export async function runTeamsCreate(name, options) {
    const team = await withDatabase(options.config, async (database) => {
        const created = await new TeamsRepository(database.db).create({ name });
        await new AuditRepository(database.db).append({
            actorType: 'master',
            actorLabel: 'cli',
            action: 'teams.create',
            targetType: 'team',
            targetId: created.id,
            after: created,
        });
        return created;
    });
    if (options.json) {
        print(JSON.stringify(team));
        return;
    }
    print(`Created team ${team.id} (${team.name}).`);
}
export async function runTeamsList(options) {
    const { teams, members } = await withDatabase(options.config, async (database) => {
        const users = await new UsersRepository(database.db).list();
        const counts = new Map();
        for (const user of users)
            if (user.teamId !== null)
                counts.set(user.teamId, (counts.get(user.teamId) ?? 0) + 1);
        return { teams: await new TeamsRepository(database.db).list(), members: counts };
    });
    if (options.json) {
        print(JSON.stringify(teams.map((team) => ({ ...team, members: members.get(team.id) ?? 0 }))));
        return;
    }
    if (teams.length === 0)
        print('No teams yet. Create one with: switchyard teams create NAME');
    for (const team of teams) {
        const count = members.get(team.id) ?? 0;
        print(`${team.id}  ${team.name}  ${count} member${count === 1 ? '' : 's'}`);
    }
}
//# sourceMappingURL=teams-command.js.map