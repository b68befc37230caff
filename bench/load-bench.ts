/**
 * `npm run bench:load`: drives the real bot, a bare echo bot and an echo bot on the dialog system with autocannon at
 * 50 concurrent conversations, mixing FAQ questions in several locales with dialog turns, and reports turns/s,
 * p50/p99 latency, errors, RSS at the start and the end of a soak (after warm-up and the measured run), and cold
 * start. The servers run as child processes from the compiled build; replies go to a local serviceUrl sink. Only
 * 127.0.0.1 is used.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, createServer, request, type Server } from 'node:http';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { REPO_ROOT } from '../src/paths';
import { freePort } from '../test/helpers/free-port';

const ROOT = REPO_ROOT;
const CONNECTIONS = 50;
const MEASURE_S = Number(process.argv.find((a) => a.startsWith('--measure='))?.split('=')[1] ?? 30);
const SOAK_S = Number(process.argv.find((a) => a.startsWith('--soak='))?.split('=')[1] ?? 120);
/**
 * Offered load for the latency run. At saturation (the throughput run) 50 connections each waiting for their reply
 * make latency ≈ 50 / throughput by Little's law, whatever the bot does; turn latency is measured below saturation.
 */
const FIXED_RATE = Number(process.argv.find((a) => a.startsWith('--rate='))?.split('=')[1] ?? 200);
const FIXED_S = 20;
const WARM_UP_S = 5;
const ROUNDS = 3;
/** Full speed before the soak's first RSS reading. */
const SOAK_LEAD_IN_S = 10;
/** Seconds of RSS readings whose median stands for the start and for the end of the soak. */
const RSS_WINDOW_S = 15;

const QUESTIONS: [string, string][] = [
  ['en', 'can my boss keep my passport'],
  ['en', 'how many years can i work in japan'],
  ['vi', 'phi di nhat bao nhieu tien'],
  ['vi', 'thực tập sinh có được đổi công ty không'],
  ['th', 'ต้องรู้ภาษาญี่ปุ่นระดับไหน'],
  ['ne', 'japan ma kati barsa kaam garna paainchha'],
  ['id', 'berapa lama magang di jepang'],
  ['ur', 'کیا کمپنی میرا پاسپورٹ رکھ سکتی ہے'],
  ['ja', '給料は最低賃金ですか'],
  ['es', 'cuánto cuesta ir a japón'],
];
/**
 * autocannon resets a connection's context each time it comes to the end of its request list, so a one-request list
 * would make every request a new conversation. A list longer than any connection sends in one run keeps each
 * connection one conversation from start to end.
 */
const SEQUENCE_LENGTH = 50_000;
const DIALOG_TURNS = ['menu', 'sectors', '3', 'duration', '2027-05', '1', 'japanese', '2', '7'];

function startSink(): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id":"1"}');
      });
    });
    server.keepAliveTimeout = 60_000;
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` }));
  });
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
}

async function waitHealthy(port: number, started: number): Promise<number> {
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status === 200) return performance.now() - started;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** V8 prints a line after every mark-compact ("Mark-Compact 254.8 (288.0) -> 82.2 (258.3) MB"); the figure after the arrow is the live heap. */
const MARK_COMPACT = /Mark-Compact [\d.]+ \([\d.]+\) -> ([\d.]+) \(/;

/**
 * Starts a server. With `heapAfterGc`, V8 traces its full collections to the child's stdout and the live heap after
 * each one is kept: unlike RSS, it only grows when memory is really held.
 */
async function startChild(
  args: string[],
  env: Record<string, string>,
  port: number,
  heapAfterGc?: number[],
): Promise<{ child: ChildProcess; coldStartMs: number }> {
  const started = performance.now();
  const flags = heapAfterGc ? ['--trace-gc', '--trace-gc-ignore-scavenger'] : [];
  const child = spawn(process.execPath, [...flags, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', heapAfterGc ? 'pipe' : 'ignore', 'inherit'],
  });
  if (heapAfterGc) {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = MARK_COMPACT.exec(line);
      if (match) heapAfterGc.push(Number(match[1]));
    });
  }
  const coldStartMs = await waitHealthy(port, started);
  return { child, coldStartMs };
}

interface RunResult {
  turnsPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** One turn of the mix: FAQ questions in 10 locales, and for the bot every third turn a dialog step. */
function bodyFor(sinkUrl: string, mix: 'bot' | 'echo', conversation: string, turn: number): string {
  const useDialog = mix === 'bot' && turn % 3 === 2;
  const [locale, text] = useDialog ? ['en', DIALOG_TURNS[Math.floor(turn / 3) % DIALOG_TURNS.length]!] : QUESTIONS[turn % QUESTIONS.length]!;
  return JSON.stringify({
    type: 'message',
    text,
    locale,
    channelId: 'emulator',
    serviceUrl: sinkUrl,
    conversation: { id: conversation },
    from: { id: `user-${conversation}` },
    recipient: { id: 'bot' },
    id: `a-${turn}`,
  });
}

function run(port: number, sinkUrl: string, seconds: number, mix: 'bot' | 'echo'): Promise<RunResult> {
  let next = 0;
  const turn = {
    setupRequest: (req: Record<string, unknown>, context: { conversation?: string; turn?: number }) => {
      context.conversation ??= `bench-${mix}-${(next += 1)}`;
      context.turn = (context.turn ?? 0) + 1;
      return { ...req, body: bodyFor(sinkUrl, mix, context.conversation, context.turn) };
    },
  };
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `http://127.0.0.1:${port}/api/messages`,
        connections: CONNECTIONS,
        duration: seconds,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        initialContext: {},
        requests: Array<typeof turn>(SEQUENCE_LENGTH).fill(turn),
      } as autocannon.Options,
      (error, result) => {
        if (error) return reject(error);
        resolve({
          turnsPerSec: Math.round(result.requests.average),
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
        });
      },
    );
  });
}

/**
 * Turn latency below saturation: 50 conversations, each sending its next message on a fixed schedule (so together
 * `rate` turns a second), or as soon as its previous reply arrives if that is later. Latency is measured from sending
 * to the HTTP reply, which the bot sends after its replies reached the sink.
 */
async function runAtRate(port: number, sinkUrl: string, seconds: number, mix: 'bot' | 'echo', rate: number): Promise<RunResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const interval = (CONNECTIONS / rate) * 1000;
  const post = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/messages', method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(body);
    });
  const end = performance.now() + seconds * 1000;
  const conversation = async (c: number) => {
    await new Promise((r) => setTimeout(r, (interval * c) / CONNECTIONS));
    for (let turn = 1, due = performance.now(); due < end; turn++, due += interval) {
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      const sent = performance.now();
      try {
        const status = await post(bodyFor(sinkUrl, mix, `rate-${mix}-${c}`, turn));
        if (status < 200 || status >= 300) non2xx += 1;
        latencies.push(performance.now() - sent);
      } catch {
        errors += 1;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, c) => conversation(c)));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN);
  return { turnsPerSec: Math.round(latencies.length / ((performance.now() - started) / 1000)), p50: at(0.5), p99: at(0.99), errors, non2xx };
}

type ServerName = 'bot' | 'echo' | 'dialog-echo';

const SERVER_ARGS: Record<ServerName, (port: number) => string[]> = {
  bot: () => [join(ROOT, 'dist/src/index.js')],
  echo: (port) => [join(ROOT, 'dist/bench/echo-bot.js'), String(port)],
  'dialog-echo': (port) => [join(ROOT, 'dist/bench/echo-bot.js'), String(port), '--dialogs'],
};

interface Running {
  readonly name: ServerName;
  /** Live heap in MB after each full collection, in order. */
  readonly heapAfterGc: number[];
  readonly mix: 'bot' | 'echo';
  readonly port: number;
  readonly child: ChildProcess;
  readonly coldStartMs: number;
}

/** What every server under test runs with: production mode, in-memory state, few logs. */
function serverEnv(port: number, extra: Record<string, string> = {}): Record<string, string> {
  return { PORT: String(port), LOG_LEVEL: 'warn', STORAGE: 'memory', NODE_ENV: 'production', ...extra };
}

async function start(name: ServerName): Promise<Running> {
  const port = await freePort();
  const env = serverEnv(port, { RATE_LIMIT_PER_MINUTE: '10000' });
  const heapAfterGc: number[] = [];
  const { child, coldStartMs } = await startChild(SERVER_ARGS[name](port), env, port, heapAfterGc);
  return { name, heapAfterGc, mix: name === 'bot' ? 'bot' : 'echo', port, child, coldStartMs: Math.round(coldStartMs) };
}

async function stopChild(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/**
 * Full speed in rounds that take turns between the servers, so a noisy neighbour on a shared machine slows all of
 * them alike instead of whichever ran at the time. Turns/s is the mean of the rounds, p50 their median, p99 the worst.
 */
async function fullSpeed(servers: readonly Running[], sinkUrl: string): Promise<Map<ServerName, RunResult & { rounds: number[] }>> {
  const rounds = new Map<ServerName, RunResult[]>(servers.map((s) => [s.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const s of servers) rounds.get(s.name)!.push(await run(s.port, sinkUrl, MEASURE_S / ROUNDS, s.mix));
  }
  return new Map(
    [...rounds].map(([name, rs]) => [
      name,
      {
        turnsPerSec: Math.round(rs.reduce((sum, r) => sum + r.turnsPerSec, 0) / rs.length),
        p50: median(rs.map((r) => r.p50)),
        p99: Math.max(...rs.map((r) => r.p99)),
        errors: rs.reduce((sum, r) => sum + r.errors, 0),
        non2xx: rs.reduce((sum, r) => sum + r.non2xx, 0),
        rounds: rs.map((r) => r.turnsPerSec),
      },
    ]),
  );
}

/**
 * RSS over the soak, read every second. RSS at one instant swings by ±20 % with V8's old-generation cycle (garbage
 * piles up between mark-compacts), so the start and the end are the medians of the first and the last
 * {@link RSS_WINDOW_S} seconds; a leak moves both windows, a collection cycle does not. The soak follows a lead-in at
 * full speed, so both windows include the young generation V8 grows under load.
 */
async function soak(
  server: Running,
  sinkUrl: string,
): Promise<{ rssStart: number; rssEnd: number; rssPeak: number; heapAfterGc: number[]; errors: number; non2xx: number }> {
  const lead = await run(server.port, sinkUrl, SOAK_LEAD_IN_S, server.mix);
  const collectionsBefore = server.heapAfterGc.length;
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(rssMb(server.child.pid!)), 1000);
  const body = await run(server.port, sinkUrl, SOAK_S, server.mix);
  clearInterval(timer);
  return {
    rssStart: median(samples.slice(0, RSS_WINDOW_S)),
    rssEnd: median(samples.slice(-RSS_WINDOW_S)),
    rssPeak: Math.max(...samples),
    heapAfterGc: server.heapAfterGc.slice(collectionsBefore),
    errors: lead.errors + body.errors,
    non2xx: lead.non2xx + body.non2xx,
  };
}

/** Median of three cold starts of the bot, with or without its saved start-up snapshots (knowledge and index). */
async function coldStarts(saved: boolean): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const port = await freePort();
    const env = serverEnv(port, saved ? {} : { KNOWLEDGE_CACHE: 'off', SEARCH_INDEX_CACHE: 'off' });
    const { child, coldStartMs } = await startChild(SERVER_ARGS.bot(port), env, port);
    times.push(coldStartMs);
    await stopChild(child);
  }
  return Math.round(median(times));
}

async function main(): Promise<void> {
  const sink = await startSink();
  const servers: Running[] = [];
  for (const name of ['bot', 'echo', 'dialog-echo'] as const) servers.push(await start(name));
  for (const s of servers) await run(s.port, sink.url, WARM_UP_S, s.mix);
  const fixed = new Map<ServerName, RunResult>();
  for (const s of servers) fixed.set(s.name, await runAtRate(s.port, sink.url, FIXED_S, s.mix, FIXED_RATE));
  const full = await fullSpeed(servers, sink.url);
  const soaks = new Map<ServerName, Awaited<ReturnType<typeof soak>>>();
  for (const s of servers) if (s.name !== 'dialog-echo') soaks.set(s.name, await soak(s, sink.url));
  for (const s of servers) await stopChild(s.child);
  sink.server.close();
  const coldSaved = await coldStarts(true);
  const coldUnsaved = await coldStarts(false);

  const turns = (name: ServerName) => full.get(name)!.turnsPerSec;
  console.log(
    `\n50 concurrent conversations, ${MEASURE_S} s at full speed in ${ROUNDS} alternating rounds, ${FIXED_S} s at ${FIXED_RATE} turns/s, ` +
      `${SOAK_S} s soak (node ${process.version}, ${cpus().length} cores)\n`,
  );
  console.log(
    `| server | turns/s (full speed) | p50 ms | p99 ms | p50 ms at ${FIXED_RATE}/s | p99 ms at ${FIXED_RATE}/s | errors | non-2xx | ` +
      `RSS soak start MB | RSS soak end MB | RSS peak MB | cold start ms |`,
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const s of servers) {
    const f = full.get(s.name)!;
    const at = fixed.get(s.name)!;
    const sk = soaks.get(s.name);
    const errors = f.errors + at.errors + (sk?.errors ?? 0);
    console.log(
      `| ${s.name} | ${f.turnsPerSec} | ${f.p50} | ${f.p99} | ${at.p50} | ${at.p99} | ${errors} | ${f.non2xx + at.non2xx + (sk?.non2xx ?? 0)} | ${sk?.rssStart ?? '–'} | ${sk?.rssEnd ?? '–'} | ${sk?.rssPeak ?? '–'} | ${s.coldStartMs} |`,
    );
  }
  const bot = { full: full.get('bot')!, fixed: fixed.get('bot')!, soak: soaks.get('bot')! };
  const growth = ((bot.soak.rssEnd - bot.soak.rssStart) / bot.soak.rssStart) * 100;
  const errors = bot.full.errors + bot.full.non2xx + bot.fixed.errors + bot.fixed.non2xx + bot.soak.errors + bot.soak.non2xx;
  console.log(
    `\nbot/echo throughput: ${(turns('bot') / turns('echo')).toFixed(2)} (target ≥ 0.8) · bot p99 ${bot.fixed.p99} ms at ${FIXED_RATE} turns/s, ` +
      `${bot.full.p99} ms at full speed (target < 50) · errors ${errors} (target 0) · RSS growth ${growth.toFixed(1)} % (target < 10) · ` +
      `cold start ${coldSaved} ms (target < 1500)`,
  );
  for (const [name, sk] of soaks) {
    const heaps = sk.heapAfterGc.map((mb) => Math.round(mb));
    console.log(
      heaps.length
        ? `${name}: ${heaps.length} full GCs in the soak, live heap after them ${heaps[0]} → ${heaps.at(-1)} MB (min ${Math.min(...heaps)}, max ${Math.max(...heaps)})`
        : `${name}: no full GC in the soak`,
    );
  }
  console.log(`turns/s per round: ${servers.map((s) => `${s.name} ${full.get(s.name)!.rounds.join(' / ')}`).join(' · ')}`);
  console.log(`dialog-echo/echo throughput: ${(turns('dialog-echo') / turns('echo')).toFixed(2)} (the dialog system and user state alone, doing no work)`);
  console.log(`bot/dialog-echo throughput: ${(turns('bot') / turns('dialog-echo')).toFixed(2)} (the bot's own work)`);
  console.log(
    `cold start, median of 3: ${coldSaved} ms with the saved knowledge and search index, ${coldUnsaved} ms validating and building them (KNOWLEDGE_CACHE=off SEARCH_INDEX_CACHE=off)`,
  );
}

void main();
