import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/paths';

/**
 * The files Node loads when the app is built as `npm start` builds it, read in a fresh process
 * (`test/fixtures/scripts/loaded-modules.ts`), with `/` as the separator.
 */
export function modulesLoadedByApp(): string[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'test/fixtures/scripts/loaded-modules.ts')], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
  return (JSON.parse(out) as string[]).map((file) => file.replaceAll('\\', '/'));
}
