import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../helpers/free-port';

/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteConnectionString(port: number): string {
  return `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

export interface Azurite {
  readonly port: number;
  readonly connectionString: string;
  stop(): Promise<void>;
}

/**
 * Starts Azurite's Blob service on 127.0.0.1 on a free port, in memory, and waits until it accepts connections.
 * Rejects (after killing the process) when it does not come up within `timeoutMs`.
 */
export async function startAzurite(timeoutMs = 30_000): Promise<Azurite> {
  const bin = resolve(__dirname, '../../node_modules/.bin/azurite-blob');
  const port = await freePort();
  const cwd = mkdtempSync(join(tmpdir(), 'azurite-'));
  const child: ChildProcess = spawn(
    bin,
    ['--blobHost', '127.0.0.1', '--blobPort', String(port), '--disableTelemetry', '--inMemoryPersistence', '--skipApiVersionCheck', '--loose'],
    { cwd, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = `exited with ${code ?? signal}`));
  child.once('error', (err) => (exited = `failed to start: ${err.message}`));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(timer);
    }
    rmSync(cwd, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) break;
    if (await canConnect(port)) return { port, connectionString: azuriteConnectionString(port), stop };
    await new Promise((r) => setTimeout(r, 150));
  }
  await stop();
  throw new Error(`Azurite did not start on 127.0.0.1:${port} (${exited ?? `no answer after ${timeoutMs} ms`}): ${output.trim().slice(-500)}`);
}
