import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { environment } from '../../src/cli/env-file';

const KEYS = ['TITP_ENV_FILE_TEST_NEW', 'TITP_ENV_FILE_TEST_SET'];

afterEach(() => {
  for (const key of KEYS) delete process.env[key];
});

describe('environment', () => {
  it('reads .env from the given folder, and a variable already set keeps its value', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-file-'));
    try {
      writeFileSync(join(dir, '.env'), 'TITP_ENV_FILE_TEST_NEW=from-file\nTITP_ENV_FILE_TEST_SET=from-file\n');
      process.env.TITP_ENV_FILE_TEST_SET = 'from-shell';
      const env = environment(dir);
      expect(env.TITP_ENV_FILE_TEST_NEW).toBe('from-file');
      expect(env.TITP_ENV_FILE_TEST_SET).toBe('from-shell');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is process.env unchanged when there is no .env', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-file-'));
    try {
      const before = { ...process.env };
      expect(environment(dir)).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
