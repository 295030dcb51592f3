/**
 * What the command line learns from its surroundings, as pure functions of the environment so the tests can
 * give any: whether to colour, and which directory relative paths are read from.
 */

import path from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Colour follows the two conventions in the order Node itself applies them: FORCE_COLOR wins (empty, 1, 2, 3
 * or true force colour on; 0 or false force it off), then NO_COLOR turns it off only when it is set and not
 * empty (no-color.org), then TERM=dumb turns it off; otherwise colour when stdout is a terminal.
 * (Node's own stream.hasColors() treats an empty NO_COLOR as set, which the convention does not.)
 */
export function colorWanted(env: Env, stdoutIsTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stdoutIsTTY;
}

/**
 * The directory the user typed the command in. `npm run check` runs from the package root and keeps the
 * caller's directory in INIT_CWD. It is used only for this package's own script, still in the package root:
 * another project's scripts write their paths relative to their root, and a process started from the script
 * in another directory inherits INIT_CWD without it being its caller's.
 */
export function callerDirectory(env: Env, cwd: string): string {
  const ownScript =
    env.npm_package_name === 'gaitguard' &&
    env.npm_package_json !== undefined &&
    path.resolve(path.dirname(env.npm_package_json)) === path.resolve(cwd);
  return ownScript && env.INIT_CWD ? env.INIT_CWD : cwd;
}
