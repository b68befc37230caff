import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/paths';

describe('npm run eval, the search-quality gate', () => {
  it('passes on the real knowledge base: every locale answers ≥ 0.9 of its questions right first and declines ≥ 0.9 of the out-of-scope ones', () => {
    const run = spawnSync('npx', ['tsx', 'src/cli/eval.ts', '--no-baseline'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).not.toContain('Below the gate');
    expect(run.status).toBe(0);
    const total = run.stdout.split('\n').find((line) => line.startsWith('total'));
    const [, , hit1, , , wrong, oos] = total!.trim().split(/\s+/).map(Number);
    expect(hit1).toBeGreaterThanOrEqual(0.95);
    expect(wrong).toBeLessThanOrEqual(0.01);
    expect(oos).toBeGreaterThanOrEqual(0.95);
  }, 120_000);

  it('refuses an unknown option with the usage and exit code 2, instead of a stack trace', () => {
    const run = spawnSync('npx', ['tsx', 'src/cli/eval.ts', '--verbsoe'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Unknown option '--verbsoe'");
    expect(run.stderr).toContain('Usage: npm run eval');
    expect(run.stderr).not.toContain('    at ');
  }, 60_000);
});
