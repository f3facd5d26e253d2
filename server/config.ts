// Server settings from the environment, checked once at start.
import { resolve } from 'node:path';
import { z } from 'zod';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  staticDir: string;
  retentionDays: number;
  sessionHours: number;
  /** How often the retention job runs. */
  retentionSweepMs: number;
  /**
   * How many proxies stand in front of the relay (0: none). Their X-Forwarded-For entries are
   * read from the right, one per proxy, and X-Forwarded-Proto is trusted.
   */
  trustProxy: number;
  /** Sends are refused (507) when they would leave less free space than this in DATA_DIR. */
  diskReserveBytes: number;
  /**
   * Fill an empty directory with server/demo.ts on first start. From the environment: SEED_DEMO,
   * or when it is unset only a local start (loopback HOST, no DATABASE_URL) — a relay reachable
   * from the LAN or on a shared database never gets accounts with published passwords unasked.
   */
  seedDemo: boolean;
  /** Serve HTTPS with these PEM files (TLS_CERT_FILE, TLS_KEY_FILE); null: plain HTTP. */
  tls: TlsFiles | null;
  /** PostgreSQL instead of the SQLite file: everything, file contents too, in the database (dataDir unused). */
  databaseUrl: string | null;
  /** Connections per process in the PostgreSQL pool. */
  databasePoolSize: number;
  /**
   * PostgreSQL: sends are refused (507) once the database has grown to this (0: no limit), so that
   * a database nearing its disk's end keeps room for logins, lists and 済 marks.
   */
  databaseMaxBytes: number;
  /**
   * The longest a client may take to send one whole request (headers and body). A body that
   * stalls or never ends is cut off with 408 instead of holding a connection and memory forever.
   * 2 minutes lets 10 MB through a slow (about 1 Mbit/s) line.
   */
  requestTimeoutMs: number;
  /**
   * On SIGTERM/SIGINT, how long the requests under way may take to finish before they are cut
   * (new connections are refused at once; a second signal stops at once). A send cut off is
   * sent again by its client with the same key, so this only spares the retry.
   */
  shutdownDrainMs: number;
}

export interface TlsFiles {
  certFile: string;
  keyFile: string;
}

const intFrom = (fallback: number, min: number) =>
  z.coerce.number().int().min(min).optional().transform((v) => v ?? fallback);

const envSchema = z.object({
  PORT: intFrom(8080, 0),
  HOST: z.string().min(1).optional().transform((v) => v ?? '127.0.0.1'),
  DATA_DIR: z.string().min(1).optional().transform((v) => v ?? './data'),
  STATIC_DIR: z.string().min(1).optional().transform((v) => v ?? 'dist'),
  RETENTION_DAYS: intFrom(30, 0),
  SESSION_HOURS: intFrom(12, 1),
  RETENTION_SWEEP_MINUTES: intFrom(60, 1),
  // 'true' is one proxy, as before numbers were allowed
  TRUST_PROXY: z
    .union([z.enum(['true', 'false']), z.coerce.number().int().min(0).max(10)])
    .optional()
    .transform((v) => (v === undefined || v === 'false' ? 0 : v === 'true' ? 1 : v)),
  DISK_RESERVE_MB: intFrom(100, 0),
  // unset: decided by where the relay listens (isLocalStart)
  SEED_DEMO: z.enum(['0', '1', 'true', 'false']).optional(),
  TLS_CERT_FILE: z.string().optional().transform((v) => v || null),
  TLS_KEY_FILE: z.string().optional().transform((v) => v || null),
  DATABASE_URL: z.string().optional().transform((v) => v || null),
  DATABASE_POOL_SIZE: intFrom(10, 1),
  DATABASE_MAX_MB: intFrom(0, 0),
  REQUEST_TIMEOUT_MS: intFrom(120_000, 1000),
  SHUTDOWN_DRAIN_MS: intFrom(10_000, 0),
});

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid environment: ${problems}`);
  }
  const e = parsed.data;
  if (Boolean(e.TLS_CERT_FILE) !== Boolean(e.TLS_KEY_FILE)) {
    throw new Error('invalid environment: TLS_CERT_FILE and TLS_KEY_FILE must be set together (the certificate and its private key, PEM files)');
  }
  return withDefaults({
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    staticDir: e.STATIC_DIR,
    retentionDays: e.RETENTION_DAYS,
    sessionHours: e.SESSION_HOURS,
    retentionSweepMs: e.RETENTION_SWEEP_MINUTES * 60_000,
    trustProxy: e.TRUST_PROXY,
    diskReserveBytes: e.DISK_RESERVE_MB * 1024 * 1024,
    seedDemo: e.SEED_DEMO === undefined ? isLocalStart(e.HOST, e.DATABASE_URL) : e.SEED_DEMO === '1' || e.SEED_DEMO === 'true',
    tls: e.TLS_CERT_FILE && e.TLS_KEY_FILE ? { certFile: resolve(e.TLS_CERT_FILE), keyFile: resolve(e.TLS_KEY_FILE) } : null,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databaseMaxBytes: e.DATABASE_MAX_MB * 1024 * 1024,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
  });
}

/** Fills what a caller (tests, main) left out and makes folders absolute. */
export function withDefaults(partial: Partial<Config>): Config {
  const c: Config = {
    port: 8080,
    host: '127.0.0.1',
    dataDir: './data',
    staticDir: 'dist',
    retentionDays: 30,
    sessionHours: 12,
    retentionSweepMs: 60 * 60_000,
    trustProxy: 0,
    diskReserveBytes: 100 * 1024 * 1024,
    seedDemo: true,
    tls: null,
    databaseUrl: null,
    databasePoolSize: 10,
    databaseMaxBytes: 0,
    requestTimeoutMs: 120_000,
    shutdownDrainMs: 10_000,
    ...partial,
  };
  return { ...c, dataDir: resolve(c.dataDir), staticDir: resolve(c.staticDir) };
}

/** A relay only this machine can reach, on its own SQLite file: where demo accounts do no harm. */
export function isLocalStart(host: string, databaseUrl: string | null): boolean {
  return !databaseUrl && isLoopbackHost(host);
}

/** Only this machine can connect (HOST 0.0.0.0 or a LAN address: tablets can too). */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}
