/** Users and teams (src/server/management/users-routes.ts, teams-routes.ts) in the document. */

import { idParameter, jsonAnswer, jsonBody, managementOperation, noContent, queryParameter } from './management-components.js';
import type { PathItemObject } from './openapi-types.js';

const TAG = 'Users';
const USER_ID = idParameter('user', 'usr_4kLm9QwErTyUiOp2');
const TEAM_ID = idParameter('team', 'team_9XyZ8wVu7tSr6qPo');

export const USERS_PATHS: Record<string, PathItemObject> = {
  '/api/users': {
    get: managementOperation({
      operationId: 'listUsers',
      summary: 'List users',
      description: 'Users by e-mail. Password hashes are never returned.',
      tag: TAG,
      permission: 'users.read',
      parameters: [
        queryParameter('teamId', 'Only this team\'s users.'),
        queryParameter('role', 'Only users with this role.', { type: 'string', enum: ['admin', 'supervisor', 'developer', 'operations', 'viewer'] }),
        queryParameter('includeDisabled', 'Default `true`; `false` leaves disabled users out.', { type: 'string', enum: ['true', 'false'] }),
      ],
      responses: { '200': jsonAnswer('The users.', 'UserList') },
      errors: [400],
    }),
    post: managementOperation({
      operationId: 'createUser',
      summary: 'Create a user',
      description: 'Creates a user who can sign in at POST /api/auth/login. The password must have at least 12 characters; it is stored as an argon2id hash. Without a password, one is generated and returned in this answer once. A taken e-mail answers 409.',
      tag: TAG,
      permission: 'users.manage',
      requestBody: jsonBody('CreateUserRequest', { email: 'ada@example.com', name: 'Ada', role: 'developer' }),
      responses: { '201': jsonAnswer('The user, and the generated password when none was given.', 'CreatedUser') },
      errors: [409],
    }),
  },
  '/api/users/{id}': {
    get: managementOperation({
      operationId: 'getUser',
      summary: 'Read a user',
      description: 'One user.',
      tag: TAG,
      permission: 'users.read',
      parameters: [USER_ID],
      responses: { '200': jsonAnswer('The user.', 'User') },
      errors: [404],
    }),
    patch: managementOperation({
      operationId: 'updateUser',
      summary: 'Change a user',
      description: "Changes the role, name, team or password, or disables or enables the user. Changing the role or password, or disabling, ends the user's sessions at once. The last active admin cannot be demoted or disabled (409).",
      tag: TAG,
      permission: 'users.manage',
      parameters: [USER_ID],
      requestBody: jsonBody('UpdateUserRequest', { role: 'supervisor' }),
      responses: { '200': jsonAnswer('The user after the change.', 'User') },
      errors: [404, 409],
    }),
    delete: managementOperation({
      operationId: 'deleteUser',
      summary: 'Delete a user',
      description: 'Deletes the user, ends their sessions, revokes their keys (the keys stay in the history) and deletes the budgets and rate limits scoped to them. The last active admin cannot be deleted (409).',
      tag: TAG,
      permission: 'users.manage',
      parameters: [USER_ID],
      responses: { '204': noContent('Deleted.') },
      errors: [404, 409],
    }),
  },
  '/api/teams': {
    get: managementOperation({
      operationId: 'listTeams',
      summary: 'List teams',
      description: 'Teams by name, with how many users each has.',
      tag: TAG,
      permission: 'users.read',
      responses: { '200': jsonAnswer('The teams.', 'TeamList') },
    }),
    post: managementOperation({
      operationId: 'createTeam',
      summary: 'Create a team',
      description: 'Creates a team; users, keys, budgets and rate limits can then name it. A taken name answers 409.',
      tag: TAG,
      permission: 'users.manage',
      requestBody: jsonBody('TeamRequest', { name: 'payments' }),
      responses: { '201': jsonAnswer('The team.', 'Team') },
      errors: [409],
    }),
  },
  '/api/teams/{id}': {
    get: managementOperation({
      operationId: 'getTeam',
      summary: 'Read a team',
      description: 'One team with its users.',
      tag: TAG,
      permission: 'users.read',
      parameters: [TEAM_ID],
      responses: { '200': jsonAnswer('The team.', 'TeamDetail') },
      errors: [404],
    }),
    patch: managementOperation({
      operationId: 'renameTeam',
      summary: 'Rename a team',
      description: 'Renames the team. A taken name answers 409.',
      tag: TAG,
      permission: 'users.manage',
      parameters: [TEAM_ID],
      requestBody: jsonBody('TeamRequest', { name: 'payments-eu' }),
      responses: { '200': jsonAnswer('The team after the change.', 'Team') },
      errors: [404, 409],
    }),
    delete: managementOperation({
      operationId: 'deleteTeam',
      summary: 'Delete a team',
      description: 'Deletes the team: its users and keys leave it (they keep working), and the budgets and rate limits scoped to it are deleted. The audit entry lists them.',
      tag: TAG,
      permission: 'users.manage',
      parameters: [TEAM_ID],
      responses: { '204': noContent('Deleted.') },
      errors: [404],
    }),
  },
};
