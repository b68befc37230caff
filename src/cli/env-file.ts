import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../paths';

/**
 * The environment every entry point hands to `loadConfig`: `process.env` with the repository's `.env` read into it
 * when there is one, so `npm start`, `npm run build`, the report and the Teams packager all see the same settings.
 * A variable already set in the environment keeps its value.
 */
export function environment(root: string = REPO_ROOT): NodeJS.ProcessEnv {
  const envFile = join(root, '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return process.env;
}
